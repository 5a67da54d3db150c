"""The results store's schema, as numbered migrations: the one list every backend applies in order.

Entry ``n`` (1-based) moves a store from schema version ``n - 1`` to ``n``; a store records the
version it has reached (SQLite: ``PRAGMA user_version``; PostgreSQL: the table ``netkit_schema``)
and applies only the entries after it, so a store written by an older kit opens in a newer one with
its answers kept. Never edit a released entry: add one. Statements are separated by ``;`` and keep to
SQL that SQLite and PostgreSQL both read (``ALTER TABLE … ADD COLUMN … NOT NULL DEFAULT ''``); the
only differences are the spellings in ``DIALECTS`` (entries 1–2's ``INTEGER PRIMARY KEY`` is an
identity column in PostgreSQL).
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: one row per answer a student gave
    """
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        lesson TEXT NOT NULL,
        item TEXT NOT NULL,
        response TEXT NOT NULL,
        correct INTEGER NOT NULL,
        phase TEXT NOT NULL,
        session TEXT NOT NULL,
        student TEXT NOT NULL DEFAULT '',
        class_code TEXT NOT NULL DEFAULT '',
        answered_at TEXT NOT NULL
    );
    CREATE INDEX answers_by_class ON answers (class_code, lesson);
    CREATE INDEX answers_by_session ON answers (session);
    """,
    # 2: posts a student checked with the PostChecker, kept only when the teacher turns it on
    """
    CREATE TABLE checked_posts (
        id INTEGER PRIMARY KEY,
        lesson TEXT NOT NULL,
        item TEXT NOT NULL,
        text TEXT NOT NULL,
        categories TEXT NOT NULL DEFAULT '',
        session TEXT NOT NULL,
        student TEXT NOT NULL DEFAULT '',
        class_code TEXT NOT NULL DEFAULT '',
        checked_at TEXT NOT NULL
    );
    CREATE INDEX checked_posts_by_class ON checked_posts (class_code, lesson);
    """,
    # 3: the content file each answer came from (``quizzes/x.csv``), so reports read only that bank;
    # answers stored before it keep '' (a report then looks the item up in every bank)
    """
    ALTER TABLE answers ADD COLUMN bank TEXT NOT NULL DEFAULT ''
    """,
    # 4: a key the sitting gives each answer, so an answer written again after a lost reply (the
    # database restarted between its commit and the acknowledgement) is stored once; older answers keep ''
    """
    ALTER TABLE answers ADD COLUMN answer_key TEXT NOT NULL DEFAULT '';
    CREATE UNIQUE INDEX answers_once ON answers (answer_key) WHERE answer_key != ''
    """,
    # 5: a district (netkit serve --hub): which teacher (a hub user name) owns each class, which
    # netkit instance serves it (kernels hold state, so a class stays on one), and the instances
    # that are serving, each with the time it last said so
    """
    CREATE TABLE classes (
        class_code TEXT PRIMARY KEY,
        owner TEXT NOT NULL DEFAULT '',
        instance TEXT NOT NULL DEFAULT '',
        claimed_at TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX classes_by_owner ON classes (owner);
    CREATE TABLE instances (
        name TEXT PRIMARY KEY,
        prefix TEXT NOT NULL,
        url TEXT NOT NULL,
        seen_at TEXT NOT NULL
    )
    """,
    # 6: what each student was assigned when they joined a lesson, kept across reloads and kernels:
    # the order of a pre/post test's matched forms ("forms": AB or BA) and a class experiment's arm
    """
    CREATE TABLE assignments (
        id INTEGER PRIMARY KEY,
        lesson TEXT NOT NULL,
        design TEXT NOT NULL,
        session TEXT NOT NULL,
        arm TEXT NOT NULL,
        student TEXT NOT NULL DEFAULT '',
        class_code TEXT NOT NULL DEFAULT '',
        assigned_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX assignments_once ON assignments (lesson, design, session);
    CREATE INDEX assignments_by_class ON assignments (class_code, lesson, design)
    """,
    # 7: lessons a district's teacher published from the teacher's page (kit.serve.publish): the
    # notebook itself, so that every instance serves it, and the classes that see it (one per line)
    """
    CREATE TABLE published (
        path TEXT PRIMARY KEY,
        teacher TEXT NOT NULL,
        classes TEXT NOT NULL DEFAULT '',
        notebook TEXT NOT NULL,
        digest TEXT NOT NULL,
        published_at TEXT NOT NULL
    )
    """,
    # 8: the content files (quiz CSV, Excel, YAML) a teacher published with a lesson, which it reads
    # instead of the kit's files of the same name: each file's bytes (base64) by its name under datasets/
    # as JSON, and apart (one "digest name" a line) what an instance compares with the files it wrote
    """
    ALTER TABLE published ADD COLUMN files TEXT NOT NULL DEFAULT '';
    ALTER TABLE published ADD COLUMN file_digests TEXT NOT NULL DEFAULT ''
    """,
)


# What each backend spells differently: (as written above, as this backend reads it).
DIALECTS: dict[str, tuple[tuple[str, str], ...]] = {
    "sqlite": (),
    "postgresql": (("INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),),
}


def statements(script: str, dialect: str = "sqlite") -> list[str]:
    """The statements of one migration, in order, as ``dialect`` reads them."""
    for written, spelt in DIALECTS[dialect]:
        script = script.replace(written, spelt)
    return [s.strip() for s in script.split(";") if s.strip()]


def pending(version: int, dialect: str = "sqlite") -> list[tuple[int, list[str]]]:
    """(number, statements) of every migration after schema ``version``, oldest first, in ``dialect``."""
    return [(number, statements(script, dialect)) for number, script in enumerate(MIGRATIONS, start=1)
            if number > version]
