"""A district's tables: which teacher owns a class, which netkit instance serves it, which instances serve.

On one school server nobody owns a class: the passcode's teacher sees them all. Behind JupyterHub
(``netkit serve --hub``) a teacher (a hub user name) makes a class theirs once and sees only their
own classes; a hub admin sees every class. Several instances share one database: each says it is
serving every few seconds (``heartbeat``), and a class is pinned to one instance (``pin``) so that
its students' kernels and websockets stay together (``kit.serve.route``).
"""

from __future__ import annotations

from datetime import datetime, timezone

from kit.store.classes import normalise_class


def now_text() -> str:
    """The time as stored: ISO 8601 in UTC to the millisecond, so that text order is time order."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class DistrictQueries:
    """Class owners, class pins and instances, through a backend's ``_run`` (``kit.store.sql``)."""

    def _run(self, sql: str, args=()):
        raise NotImplementedError

    def claim_class(self, class_code: str, owner: str) -> str:
        """Make the class ``owner``'s if nobody owns it yet; return who owns it now ("" for no class)."""
        code = normalise_class(class_code)
        if not code or not owner:
            return ""
        self._run("INSERT INTO classes (class_code, owner, claimed_at) VALUES (?, ?, ?)"
                  " ON CONFLICT (class_code) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at"
                  " WHERE classes.owner = ''", (code, owner, now_text()))
        return self.owners().get(code, "")

    def owners(self) -> dict[str, str]:
        """Every owned class → its teacher."""
        return dict(self._run("SELECT class_code, owner FROM classes WHERE owner != ''").fetchall())

    def pin(self, class_code: str, instance: str) -> None:
        """Serve the class from ``instance`` from now on (its owner kept)."""
        self._run("INSERT INTO classes (class_code, instance) VALUES (?, ?)"
                  " ON CONFLICT (class_code) DO UPDATE SET instance = excluded.instance",
                  (normalise_class(class_code), instance))

    def pins(self) -> dict[str, str]:
        """Every pinned class → the instance that serves it."""
        return dict(self._run("SELECT class_code, instance FROM classes WHERE instance != ''").fetchall())

    def heartbeat(self, name: str, prefix: str, url: str, at: str | None = None) -> None:
        """Instance ``name`` (at ``prefix`` behind the proxy, ``url`` inside) is serving now."""
        self._run("INSERT INTO instances (name, prefix, url, seen_at) VALUES (?, ?, ?, ?)"
                  " ON CONFLICT (name) DO UPDATE SET prefix = excluded.prefix, url = excluded.url,"
                  " seen_at = excluded.seen_at", (name, prefix, url, at or now_text()))

    def instances(self) -> list[tuple[str, str, str, str]]:
        """(name, prefix, url, last seen) of every instance that ever served, by name."""
        return [tuple(r) for r in self._run("SELECT name, prefix, url, seen_at FROM instances ORDER BY name").fetchall()]
