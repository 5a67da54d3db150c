"""Discernment feeds: fictional SNS posts a student judges 信じる or あやしい (``datasets/discernment/*.yaml``).

A file holds a heading and posts in matched forms (``form: a``, ``b``, ``c`` …): the pre-test shows
one form, the post-test another and the delayed test a third, so a change is not a student
remembering the same posts. Every post is true or false, and carries the one clue that shows it
(its source, date, official account, a look-alike account, a reused photo, numbers, emotional
wording) and a reason. ``load_discernment`` checks the heading, every post and its nested author
(the timeline's author schema) and then the forms as a whole: each form half true and half false,
and every form the same mix of truth and clues as the first, so the forms are of one difficulty by
construction. It raises one ``ContentError`` listing every problem with the post id and field.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kit.content import schema
from kit.content.errors import ContentError, ContentProblem
from kit.content.tables import Row, read_table
from kit.content.text import Text
from kit.content.timeline import Author
from kit.content.validate import checked_rows

CLUES = ("source", "date", "official", "account", "photo", "numbers", "emotion")
MIN_POSTS = 4  # per form: fewer cannot say anything about telling true from false


@dataclass(frozen=True)
class Judged:
    """One post of a discernment feed and what shows it true or false."""

    id: str
    form: str
    author: Author
    time: Text
    text: Text
    truth: bool
    clue: str
    reason: Text
    photo: Text = Text("")
    reposts: int | None = None
    likes: int | None = None


@dataclass(frozen=True)
class Discernment:
    """The heading and posts of one discernment file."""

    file: str
    id: str
    title: Text
    intro: Text
    note: Text
    posts: tuple[Judged, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        """The forms the file offers, in order of first appearance."""
        return tuple(dict.fromkeys(p.form for p in self.posts))

    def form(self, name: str) -> tuple[Judged, ...]:
        """The posts of form ``name``; ``ContentError`` names a form the file does not have."""
        posts = tuple(p for p in self.posts if p.form == name)
        if not posts:
            raise ContentError.single(
                self.file, f"form「{name}」の投稿がありません（あるのは {', '.join(self.forms)}）。ノートブックの form を直してください。",
                f"there are no posts in form '{name}' (it has {', '.join(self.forms)}); fix the form in the notebook.",
                field="form")
        return posts

    def item(self, post: Judged) -> str:
        """The item id a judgment of ``post`` is stored under."""
        return item_id(self.id, post.id)

    def form_of(self) -> dict[str, str]:
        """Every post's stored item id → the form it belongs to (what a stored judgment was shown on)."""
        return {self.item(p): p.form for p in self.posts}

    def truths(self) -> dict[str, bool]:
        """Every post's stored item id → whether the post is true (what the teacher's analysis needs)."""
        return {self.item(p): p.truth for p in self.posts}


def item_id(file_id: str, post_id: str) -> str:
    """``discern:<file id>:<post id>``: other components name their items ``<component>:…`` too."""
    return f"discern:{file_id}:{post_id}"


def load_discernment(path: str | Path) -> Discernment:
    """Read and check a discernment file; raise ``ContentError`` listing every problem found."""
    path = Path(path)
    table = read_table(path, items_key="posts")
    rows, problems = checked_rows("discernment_post", table)
    values = {k: schema.coerce("discernment", k, v) for k, v in table.meta.items()}
    problems += schema.check_row("discernment", table.file, Row(values, "", 0, table.lines))
    posts: list[Judged] = []
    seen: dict[str, str] = {}
    for row in rows:
        row_problems = [p for p in problems if p.place == row.place] + _author_problems(table.file, row)
        pid = str(row.values.get("id", "")).strip()
        if pid in seen:
            row_problems.append(ContentProblem(
                table.file, row.place, "id", f"id「{pid}」は{seen[pid]}でも使われています。別の id にしてください。",
                f"id '{pid}' is already used at {seen[pid]}; use another id."))
        elif pid:
            seen[pid] = row.place
        if bool(row.values.get("photo_ja")) != bool(row.values.get("photo_en")):
            row_problems.append(ContentProblem(
                table.file, row.place, "photo_en" if row.values.get("photo_ja") else "photo_ja",
                "写真の説明は photo_ja と photo_en の両方に書いてください（写真がなければ両方消す）。",
                "describe the photo in both photo_ja and photo_en (or remove both when there is none)."))
        problems += [p for p in row_problems if p not in problems]
        if not row_problems:
            posts.append(_post(row.values))
    if not rows and not problems:
        problems.append(ContentProblem(table.file, "", "posts", "投稿が1つもありません。posts: の下に投稿を書いてください。",
                                       "there are no posts; add them under 'posts:'."))
    if not problems:
        problems += form_problems(table.file, posts)
    if problems:
        raise ContentError(problems)
    m = table.meta
    return Discernment(table.file, m["id"], Text.from_row(m, "title"), Text.from_row(m, "intro"),
                       Text.from_row(m, "note"), tuple(posts))


def form_problems(file: str, posts: list[Judged]) -> list[ContentProblem]:
    """Forms that could not be compared: fewer than two, too few posts, not half true, or not the first form's mix."""
    forms: dict[str, list[Judged]] = {}
    for post in posts:
        forms.setdefault(post.form, []).append(post)
    if len(forms) < 2:
        return [ContentProblem(file, "", "form", "組（form）が1つしかありません。事前と事後で別の投稿を見せるため、a と b の2組以上にしてください。",
                               "there is only one form; pre and post tests need different posts, so write at least forms a and b.")]
    problems = []
    first_name, first = next(iter(forms.items()))
    mix = Counter((p.truth, p.clue) for p in first)
    for name, group in forms.items():
        place = f"form {name}"
        true = sum(p.truth for p in group)
        if len(group) < MIN_POSTS or true * 2 != len(group):
            problems.append(ContentProblem(
                file, place, "truth",
                f"組「{name}」は{len(group)}件のうち本当が{true}件です。{MIN_POSTS}件以上で、本当とうそを半分ずつにしてください。",
                f"form '{name}' has {true} true posts of {len(group)}; give it at least {MIN_POSTS} posts, half true and half false."))
            continue
        if name == first_name:
            continue
        theirs = Counter((p.truth, p.clue) for p in group)
        if theirs != mix:
            missing = _mix_words(mix - theirs)
            extra = _mix_words(theirs - mix)
            problems.append(ContentProblem(
                file, place, "clue",
                f"組「{name}」の手がかりが組「{first_name}」とそろっていません（足りない: {missing or 'なし'}、多い: {extra or 'なし'}）。"
                "同じむずかしさにするため、本当・うそと clue の組み合わせをそろえてください。",
                f"form '{name}' does not have the clues of form '{first_name}' (missing: {missing or 'none'}, extra: "
                f"{extra or 'none'}); match each post's truth and clue so the forms are equally hard."))
    return problems


def _mix_words(mix: Counter) -> str:
    return ", ".join(f"{'true' if truth else 'false'}/{clue}×{n}" for (truth, clue), n in sorted(mix.items()))


def _author_problems(file: str, row: Row) -> list[ContentProblem]:
    author = row.values.get("author")
    if not isinstance(author, dict):
        return []
    return [ContentProblem(p.file, p.place, "author." + p.field if p.field else "author", p.why, p.why_en)
            for p in schema.check_row("timeline_author", file, Row(author, row.place, row.number))]


def _post(v: dict) -> Judged:
    a = v["author"]
    return Judged(
        id=v["id"], form=v["form"],
        author=Author(Text.from_row(a, "name"), a["handle"], Text.from_row(a, "joined"), int(a["followers"]),
                      bool(a.get("official", False)), Text.from_row(a, "bio")),
        time=Text.from_row(v, "time"), text=Text.from_row(v, "text"), truth=v["truth"] == "true", clue=v["clue"],
        reason=Text.from_row(v, "reason"), photo=Text.from_row(v, "photo"),
        reposts=v.get("reposts"), likes=v.get("likes"),
    )
