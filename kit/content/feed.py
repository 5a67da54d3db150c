"""The feed lab's fictional posts and accounts (``datasets/feeds/*.yaml``).

The feed model (``kit.models.feed``) decides which posts a feed shows by topic, source kind and
extremeness; this file gives them words a student reads: for each topic and level of wording
(calm, strong, extreme) one or more texts, and for each kind of source (official, news, friend,
anonymous, look-alike) one or more accounts, with a badge that is checked (verified), paid for
(bought) or none. A teacher may rewrite every text; ``load_feed`` checks the heading, each account
and each post against their schemas, then that every topic has every level and every source kind
an account, and raises one ``ContentError`` listing every problem. Nothing here names a real
person, company or group.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content import schema
from kit.content.errors import ContentError, ContentProblem
from kit.content.tables import Row, read_table
from kit.content.text import Text
from kit.content.validate import checked_rows

LEVELS = ("calm", "strong", "extreme")


def topics() -> tuple[str, ...]:
    """The topics a post may have (the schema's list, which the feed model's topics must equal)."""
    return tuple(schema.load_schema("feed_post")["properties"]["topic"]["enum"])


def sources() -> tuple[str, ...]:
    """The kinds of source an account may be (the schema's list, equal to the feed model's)."""
    return tuple(schema.load_schema("feed_account")["properties"]["source"]["enum"])


@dataclass(frozen=True)
class Account:
    """A fictional account a post card names."""

    source: str
    name: Text
    handle: str
    badge: str  # none, verified or bought


@dataclass(frozen=True)
class Wording:
    """One text of a topic at one level of wording."""

    topic: str
    level: str
    text: Text


@dataclass(frozen=True)
class Feed:
    """The heading, accounts and post wordings of one feed file."""

    file: str
    id: str
    title: Text
    note: Text
    accounts: tuple[Account, ...]
    posts: tuple[Wording, ...]

    def wordings(self, topic: str, level: str) -> list[Wording]:
        """Every wording of ``topic`` at ``level``, in file order."""
        return [p for p in self.posts if p.topic == topic and p.level == level]

    def wording(self, topic: str, level: str, n: int, avoid=()) -> Wording:
        """The ``n``-th wording (cycling) of ``topic`` at ``level``, or the next one not in ``avoid`` if there is one."""
        found = self.wordings(topic, level)
        turns = [found[(n + i) % len(found)] for i in range(len(found))]
        return next((w for w in turns if w not in avoid), turns[0])

    def account(self, source: str, n: int) -> Account:
        """The ``n``-th account (cycling) of the kind ``source``."""
        found = [a for a in self.accounts if a.source == source]
        return found[n % len(found)]


def load_feed(path: str | Path) -> Feed:
    """Read and check a feed file; raise ``ContentError`` listing every problem found."""
    table = read_table(path, items_key="posts")
    rows, problems = checked_rows("feed_post", table)
    meta = {k: schema.coerce("feed", k, v) for k, v in table.meta.items()}
    problems += schema.check_row("feed", table.file, Row(meta, "", 0, table.lines))
    accounts = []
    for i, item in enumerate(meta.get("accounts") or [], start=1):
        place = f"accounts の{i}番目"
        values = item if isinstance(item, dict) else {"__not_a_mapping__": item}
        found = schema.check_row("feed_account", table.file, Row(dict(values), place, i))
        problems += found
        if not found:
            accounts.append(Account(values["source"], Text.from_row(values, "name"), values["handle"], values["badge"]))
    posts = [Wording(r.values["topic"], r.values["level"], Text.from_row(r.values, "text"))
             for r in rows if r.place not in {p.place for p in problems}]
    if not problems:
        problems += coverage_problems(table.file, accounts, posts)
    if problems:
        raise ContentError(problems)
    return Feed(table.file, meta["id"], Text.from_row(meta, "title"), Text.from_row(meta, "note"),
                tuple(accounts), tuple(posts))


def coverage_problems(file: str, accounts: list[Account], posts: list[Wording]) -> list[ContentProblem]:
    """A topic without a level of wording, or a kind of source without an account: the lab could not draw it."""
    problems = []
    have = {(p.topic, p.level) for p in posts}
    for topic in topics():
        missing = [level for level in LEVELS if (topic, level) not in have]
        if missing:
            problems.append(ContentProblem(
                file, f"topic {topic}", "level",
                f"話題「{topic}」に level: {'・'.join(missing)} の投稿がありません。それぞれ1つ以上書いてください。",
                f"topic '{topic}' has no post with level {', '.join(missing)}; write at least one of each."))
    kinds = {a.source for a in accounts}
    for source in sources():
        if source not in kinds:
            problems.append(ContentProblem(
                file, "accounts", "source", f"source: {source} のアカウントがありません。1つ以上書いてください。",
                f"there is no account with source {source}; add at least one."))
    return problems
