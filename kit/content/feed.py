"""The feed lab's fictional posts and accounts (``datasets/feeds/*.yaml``).

The feed model (``kit.models.feed``) decides which posts a feed shows by topic, source kind and
extremeness; this file gives them words a student reads: for each topic and level of wording
(calm, strong, extreme) texts in two voices — public (a notice or report) and personal (one
person's experience or opinion) — and for each kind of source (official, news, friend, anonymous,
look-alike) one or more accounts, with a badge that is checked (verified), paid for (bought) or
none, and, if an account keeps to some topics (a zoo: animals), those topics.

A card pairs them so that the author fits the words (``VOICE``): an official, news or look-alike
account posts public wordings of topics it covers, a friend or an anonymous account personal ones.
A teacher may rewrite every text; ``load_feed`` checks the heading, each account and each post
against their schemas, then that every topic has every level in both voices and every source kind
an account for every topic, and raises one ``ContentError`` listing every problem. Nothing here
names a real person, company or group.
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
VOICES = ("public", "personal")
# Which voice each kind of source writes in: notices and reports come from official and news
# accounts (and from the look-alikes that pose as officials), experiences and opinions from people.
VOICE = {"official": "public", "news": "public", "lookalike": "public", "friend": "personal", "anonymous": "personal"}
# The strongest wording a kind of source is given: a verified city or zoo account or a newspaper does not write
# clickbait (「【衝撃】…!?」); its rare outrage-level post in the model is worded as a strong notice. Look-alikes do.
STRONGEST = {"official": "strong", "news": "strong"}


def worded_level(source: str, level: str) -> str:
    """The level of wording a card of ``source`` shows for a post at ``level``: at most ``STRONGEST[source]``."""
    cap = STRONGEST.get(source)
    return cap if cap is not None and LEVELS.index(level) > LEVELS.index(cap) else level


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
    topics: tuple[str, ...] = ()  # the topics it posts about; () for every topic

    def covers(self, topic: str) -> bool:
        """Whether this account posts about ``topic``."""
        return not self.topics or topic in self.topics


@dataclass(frozen=True)
class Wording:
    """One text of a topic at one level of wording."""

    topic: str
    level: str
    text: Text
    voice: str = "personal"  # public (a notice or report) or personal (one person's experience or opinion)


@dataclass(frozen=True)
class Feed:
    """The heading, accounts and post wordings of one feed file."""

    file: str
    id: str
    title: Text
    note: Text
    accounts: tuple[Account, ...]
    posts: tuple[Wording, ...]

    def wordings(self, topic: str, level: str, voice: str | None = None) -> list[Wording]:
        """Every wording of ``topic`` at ``level`` (in ``voice``, if given), in file order."""
        return [p for p in self.posts if p.topic == topic and p.level == level and voice in (None, p.voice)]

    def wording(self, topic: str, level: str, n: int, avoid=(), source: str | None = None) -> Wording:
        """The ``n``-th wording (cycling) of ``topic`` at ``level`` in the voice of ``source`` (any voice without
        one), or the next one not in ``avoid`` if there is one."""
        found = self.wordings(topic, level, VOICE[source] if source else None)
        turns = [found[(n + i) % len(found)] for i in range(len(found))]
        return next((w for w in turns if w not in avoid), turns[0])

    def account(self, source: str, n: int, topic: str | None = None) -> Account:
        """The ``n``-th account (cycling) of the kind ``source`` that posts about ``topic`` (any topic without one)."""
        found = [a for a in self.accounts if a.source == source and (topic is None or a.covers(topic))]
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
            accounts.append(Account(values["source"], Text.from_row(values, "name"), values["handle"], values["badge"],
                                    tuple(values.get("topics") or ())))
    posts = [Wording(r.values["topic"], r.values["level"], Text.from_row(r.values, "text"), r.values["voice"])
             for r in rows if r.place not in {p.place for p in problems}]
    if not problems:
        problems += coverage_problems(table.file, accounts, posts)
    if problems:
        raise ContentError(problems)
    return Feed(table.file, meta["id"], Text.from_row(meta, "title"), Text.from_row(meta, "note"),
                tuple(accounts), tuple(posts))


def coverage_problems(file: str, accounts: list[Account], posts: list[Wording]) -> list[ContentProblem]:
    """A topic without a level of wording in a voice, or a kind of source without an account for a topic:
    the lab could not draw a card whose author fits its words."""
    problems = []
    have = {(p.topic, p.level, p.voice) for p in posts}
    for topic in topics():
        for voice in VOICES:
            missing = [level for level in LEVELS if (topic, level, voice) not in have]
            if missing:
                problems.append(ContentProblem(
                    file, f"topic {topic}", "level",
                    f"話題「{topic}」に voice: {voice} で level: {'・'.join(missing)} の投稿がありません。それぞれ1つ以上書いてください。",
                    f"topic '{topic}' has no {voice} post with level {', '.join(missing)}; write at least one of each."))
    kinds = {a.source for a in accounts}
    for source in sources():
        if source not in kinds:
            problems.append(ContentProblem(
                file, "accounts", "source", f"source: {source} のアカウントがありません。1つ以上書いてください。",
                f"there is no account with source {source}; add at least one."))
            continue
        uncovered = [t for t in topics() if not any(a.source == source and a.covers(t) for a in accounts)]
        if uncovered:
            problems.append(ContentProblem(
                file, "accounts", "topics",
                f"話題 {'・'.join(uncovered)} に投稿する source: {source} のアカウントがありません。topics を書かないアカウントか、その話題を topics に入れたアカウントを加えてください。",
                f"no account with source {source} posts about {', '.join(uncovered)}; add one without topics, or with those topics."))
    return problems
