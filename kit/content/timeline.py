"""「本当かな？」timelines: SNS posts a student shares, checks or ignores (``datasets/timelines/*.yaml``).

A timeline file holds a heading (title, the situation, which posts are made up) and a list of
posts. Each post carries the clues a student can read (who posted it, when, the picture), the
lateral-reading steps with what checking finds, the truth and its explanation, and the ids of the
facts behind it. ``load_timeline`` checks the heading, every post and every nested author and step
against ``schema/timeline*.schema.json`` plus the rules a schema cannot say, and raises one
``ContentError`` listing every problem with the post id and field.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from kit.content import schema
from kit.content.errors import ContentError, ContentProblem
from kit.content.tables import Row, read_table
from kit.content.text import Text
from kit.content.validate import checked_rows

ACTIONS = ("share", "check", "ignore")  # the order is the recorded response: 0 share, 1 check, 2 ignore
MAX_PICTURE_BYTES = 512 * 1024


class Truth(str, enum.Enum):
    """What checking shows a post to be."""

    FALSE = "false"
    TRUE = "true"
    MISLEADING = "misleading"  # real material, wrong impression (a clipped video, an old photo)
    UNVERIFIED = "unverified"  # no one can tell yet


@dataclass(frozen=True)
class Author:
    """Who posted: every field is a clue a student can weigh."""

    name: Text
    handle: str
    joined: Text
    followers: int
    official: bool = False
    bio: Text = Text("")


@dataclass(frozen=True)
class Step:
    """One lateral-reading step (``who``, ``others``, ``picture``, ``original``, ``date``) and its finding."""

    kind: str
    found: Text


@dataclass(frozen=True)
class Post:
    """One post of a timeline, with what checking it shows."""

    id: str
    basis: str  # "fictional" or "real-case"
    author: Author
    time: Text
    text: Text
    steps: tuple[Step, ...]
    truth: Truth
    careful: tuple[str, ...]  # the choices counted as careful, from ACTIONS
    explanation: Text
    sources: tuple[str, ...]
    picture: Path | None = None
    picture_alt: Text = Text("")
    reposts: int | None = None
    likes: int | None = None

    def is_careful(self, action: str) -> bool:
        """Whether choosing ``action`` first ("share", "check" or "ignore") is a careful choice."""
        return action in self.careful

    @property
    def share_ok(self) -> bool:
        """Whether sharing after checking is right: only a post found to be true."""
        return self.truth is Truth.TRUE


@dataclass(frozen=True)
class Timeline:
    """The heading and posts of one timeline file."""

    file: str
    id: str
    title: Text
    intro: Text
    note: Text
    posts: tuple[Post, ...] = field(default_factory=tuple)

    def post(self, post_id: str) -> Post:
        """The post with ``post_id`` (``KeyError`` if there is none)."""
        for p in self.posts:
            if p.id == post_id:
                return p
        raise KeyError(post_id)

    def select(self, ids: list[str] | tuple[str, ...] | None) -> Timeline:
        """The timeline with only the posts ``ids``, in that order; ``ContentError`` names missing ones."""
        if ids is None:
            return self
        known = {p.id: p for p in self.posts}
        missing = [i for i in ids if i not in known]
        if missing:
            raise ContentError.single(
                self.file, f"id {', '.join(missing)} の投稿がありません。ノートブックの posts か投稿の id を直してください。",
                f"no post with id {', '.join(missing)}; fix the posts in the notebook or the post ids.", field="posts")
        return Timeline(self.file, self.id, self.title, self.intro, self.note, tuple(known[i] for i in ids))


def load_timeline(path: str | Path) -> Timeline:
    """Read and check a timeline file; raise ``ContentError`` listing every problem found."""
    path = Path(path)
    table = read_table(path, items_key="posts")
    rows, problems = checked_rows("timeline_post", table)
    problems += _heading_problems(table.file, table.meta, table.lines)
    posts: list[Post] = []
    seen: dict[str, str] = {}
    for row in rows:
        row_problems = [p for p in problems if p.place == row.place]
        row_problems += _nested_problems(table.file, row)
        pid = str(row.values.get("id", "")).strip()
        if pid in seen:
            row_problems.append(ContentProblem(
                table.file, row.place, "id", f"id「{pid}」は{seen[pid]}でも使われています。別の id にしてください。",
                f"id '{pid}' is already used at {seen[pid]}; use another id."))
        elif pid:
            seen[pid] = row.place
        if not row_problems:
            row_problems = _rule_problems(table.file, row, path.parent)
        problems += [p for p in row_problems if p not in problems]
        if not row_problems:
            posts.append(_post(row.values, path.parent))
    if not rows and not problems:
        problems.append(ContentProblem(table.file, "", "posts", "投稿が1つもありません。posts: の下に投稿を書いてください。",
                                       "there are no posts; add them under 'posts:'."))
    if problems:
        raise ContentError(problems)
    m = table.meta
    return Timeline(table.file, m["id"], Text.from_row(m, "title"), Text.from_row(m, "intro"),
                    Text.from_row(m, "note"), tuple(posts))


def _heading_problems(file: str, meta: dict, lines: dict[str, int]) -> list[ContentProblem]:
    values = {k: schema.coerce("timeline", k, v) for k, v in meta.items()}
    return schema.check_row("timeline", file, Row(values, "", 0, lines))


def _nested_problems(file: str, row: Row) -> list[ContentProblem]:
    """The author's and each step's fields, named ``author.handle`` or ``steps.2.kind``."""
    problems = []
    author = row.values.get("author")
    if isinstance(author, dict):
        problems += _prefixed(schema.check_row("timeline_author", file, Row(author, row.place, row.number)), "author.")
    steps = row.values.get("steps")
    if isinstance(steps, list):
        for i, step in enumerate(steps, start=1):
            step = step if isinstance(step, dict) else {"__not_a_mapping__": step}
            problems += _prefixed(schema.check_row("timeline_step", file, Row(step, row.place, row.number)), f"steps.{i}.")
    return problems


def _prefixed(problems: list[ContentProblem], prefix: str) -> list[ContentProblem]:
    return [ContentProblem(p.file, p.place, prefix + p.field if p.field else prefix.rstrip("."), p.why, p.why_en)
            for p in problems]


def _rule_problems(file: str, row: Row, folder: Path) -> list[ContentProblem]:
    """What the schema cannot say: careful choices that fit the truth, pictures that exist, real cases sourced."""
    v = row.values
    problems: list[ContentProblem] = []

    def problem(fld: str, ja: str, en: str) -> None:
        problems.append(ContentProblem(file, row.place, fld, ja, en))

    careful = list(v["careful"])
    if "check" not in careful:
        problem("careful", "確かめることは、いつでも慎重な選び方です。careful に check を入れてください。",
                "checking is always a careful choice; add check to careful.")
    if v["truth"] != "true" and "share" in careful:
        problem("careful", "本当だと確かめられない投稿をすぐシェアするのは、慎重な選び方ではありません。careful から share を外してください。",
                "sharing a post that is not found true is not careful; remove share from careful.")
    if v["basis"] == "real-case" and not v.get("sources"):
        problem("sources", "実際の出来事の再現には、その出来事の事実の id を sources に書いてください（例: [kumamoto-lion-2016]）。",
                "a re-enacted real event needs the id of the fact about it in sources (e.g. [kumamoto-lion-2016]).")
    kinds = [s["kind"] for s in v["steps"]]
    if len(set(kinds)) != len(kinds):
        problem("steps", "同じ種類（kind）の手順が2回あります。1つにまとめてください。",
                "a kind of step appears twice; merge them into one.")
    picture = v.get("picture")
    if picture:
        target = (folder / picture).resolve()
        if not target.is_relative_to(folder.resolve()):  # not a prefix test: timelines_x/ is outside timelines/
            problem("picture", "画像はタイムラインのファイルと同じフォルダかその中に置いてください。",
                    "keep pictures in the timeline's folder or below it.")
        elif not target.is_file():
            problem("picture", f"画像「{picture}」が見つかりません。ファイルを置くか、名前を直してください。",
                    f"the picture '{picture}' does not exist; add it or fix the name.")
        elif target.stat().st_size > MAX_PICTURE_BYTES:
            problem("picture", "画像が大きすぎます（512KBまで）。小さくして保存し直してください。",
                    "the picture is too large (512 KB at most); save a smaller one.")
        if not str(v.get("picture_alt_ja") or "").strip():
            problem("picture_alt_ja", "画像に何が写っているかを書いてください（画面を読み上げる人のため）。",
                    "say what the picture shows (for screen readers).")
    return problems


def _post(v: dict, folder: Path) -> Post:
    a = v["author"]
    return Post(
        id=v["id"], basis=v["basis"],
        author=Author(Text.from_row(a, "name"), a["handle"], Text.from_row(a, "joined"), int(a["followers"]),
                      bool(a.get("official", False)), Text.from_row(a, "bio")),
        time=Text.from_row(v, "time"), text=Text.from_row(v, "text"),
        steps=tuple(Step(s["kind"], Text.from_row(s, "found")) for s in v["steps"]),
        truth=Truth(v["truth"]), careful=tuple(a for a in ACTIONS if a in v["careful"]),
        explanation=Text.from_row(v, "explanation"), sources=tuple(v.get("sources") or ()),
        picture=(folder / v["picture"]).resolve() if v.get("picture") else None,
        picture_alt=Text.from_row(v, "picture_alt"), reposts=v.get("reposts"), likes=v.get("likes"),
    )


def fact_problems(timeline: Timeline, facts: dict) -> list[ContentProblem]:
    """A problem for every fact id a post names that ``facts`` does not have (none when there are no facts)."""
    return [ContentProblem(timeline.file, post.id, "sources", f"事実「{fid}」が datasets/facts にありません。id を直すか事実を加えてください。",
                           f"fact '{fid}' is not in datasets/facts; fix the id or add the fact.")
            for post in timeline.posts for fid in post.sources if facts and fid not in facts]
