"""A district's tables: which teacher owns a class, which netkit instance serves it, which instances serve.

On one school server nobody owns a class: the passcode's teacher sees them all. Behind JupyterHub
(``netkit serve --hub``) a teacher (a hub user name) makes a class theirs once and sees only their
own classes; a hub admin sees every class. Several instances share one database: each says it is
serving every few seconds (``heartbeat``), and a class is pinned to one instance (``pin``) so that
its students' kernels and websockets stay together (``kit.serve.route``).
"""

from __future__ import annotations

import base64
import hashlib
import json
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

    def publish(self, path: str, teacher: str, classes: list[str], notebook: str, digest: str,
                files: dict[str, bytes] | None = None) -> None:
        """Store the lesson ``path`` (``published/TEACHER/NAME.ipynb``) for ``classes``, replacing its last version.

        ``files`` are the content files published with it (name under datasets/ → bytes), stored in the same row
        (one statement: the lesson and its files are published, or replaced, together).
        """
        files = files or {}
        packed = json.dumps({name: base64.b64encode(data).decode("ascii") for name, data in sorted(files.items())}) if files else ""
        digests = "\n".join(f"{hashlib.sha256(data).hexdigest()} {name}" for name, data in sorted(files.items()))
        self._run("INSERT INTO published (path, teacher, classes, notebook, digest, published_at, files, file_digests)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                  " ON CONFLICT (path) DO UPDATE SET classes = excluded.classes, notebook = excluded.notebook,"
                  " digest = excluded.digest, published_at = excluded.published_at, files = excluded.files,"
                  " file_digests = excluded.file_digests WHERE published.teacher = excluded.teacher",
                  (path, teacher, "\n".join(classes), notebook, digest, now_text(), packed, digests))

    def withdraw(self, path: str, teacher: str) -> None:
        """Stop serving the lesson ``path`` that ``teacher`` published."""
        self._run("DELETE FROM published WHERE path = ? AND teacher = ?", (path, teacher))

    def publications(self) -> list[tuple[str, str, list[str], str, str]]:
        """(path, teacher, classes, digest, published at) of every published lesson, by path; the notebooks are not read."""
        rows = self._run("SELECT path, teacher, classes, digest, published_at FROM published ORDER BY path").fetchall()
        return [(path, teacher, [c for c in classes.split("\n") if c], digest, at) for path, teacher, classes, digest, at in rows]

    def published_notebook(self, path: str) -> str | None:
        """The notebook (JSON text) published at ``path``, or None."""
        row = self._run("SELECT notebook FROM published WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def published_file_digests(self) -> dict[str, dict[str, str]]:
        """Every published lesson's content files: path → {name under datasets/ → sha256}; the files are not read."""
        rows = self._run("SELECT path, file_digests FROM published WHERE file_digests != '' ORDER BY path").fetchall()
        return {path: {name: digest for digest, name in (line.split(" ", 1) for line in text.split("\n") if " " in line)}
                for path, text in rows}

    def published_file(self, path: str, name: str) -> bytes | None:
        """The content file ``name`` published with the lesson at ``path``, or None."""
        row = self._run("SELECT files FROM published WHERE path = ?", (path,)).fetchone()
        if not row or not row[0]:
            return None
        packed = json.loads(row[0]).get(name)
        return base64.b64decode(packed) if isinstance(packed, str) else None
