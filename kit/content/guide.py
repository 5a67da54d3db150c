"""A lesson's teacher guide (``datasets/guides/<lesson id>.yaml``): aims, timing, questions, notes.

The guide is what a teacher reads before the class and prints beside it (``netkit print guide``):
what the lesson is for, how the minutes are spent, what to ask the class and what a good answer
holds, and cautions. ``load_guide`` checks it against ``schema/guide.schema.json`` and the rules a
schema cannot say (the timing adds up to the lesson's length) and raises one ``ContentError``
listing every problem. ``netkit validate`` also checks that ``lesson`` names a lesson notebook and
agrees with its length and audience.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content.document import check_document
from kit.content.errors import ContentError, ContentProblem
from kit.content.tables import read_yaml_document
from kit.content.text import Text


@dataclass(frozen=True)
class Step:
    """One step of the lesson's timing: how many minutes, doing what; optional steps may be left out."""

    minutes: int
    activity: Text
    optional: bool = False  # its minutes are not part of the period: used when time allows, or in a second lesson


@dataclass(frozen=True)
class GuideQuestion:
    """A question the teacher asks the class, and what a good answer holds."""

    ask: Text
    answer: Text


@dataclass(frozen=True)
class Guide:
    """The teacher guide of one lesson."""

    file: str
    lesson: str
    title: Text
    audience: str
    minutes: int
    aims: tuple[Text, ...]
    timing: tuple[Step, ...]
    questions: tuple[GuideQuestion, ...]
    notes: tuple[Text, ...] = ()


def load_guide(path: str | Path) -> Guide:
    """Read and check a teacher guide; raise ``ContentError`` listing every problem found."""
    name, doc = read_yaml_document(path)
    problems = check_document("guide", name, doc)
    if not problems:
        total = sum(step["minutes"] for step in doc["timing"] if not step.get("optional"))
        if total != doc["minutes"]:
            problems.append(ContentProblem(
                name, "", "timing",
                f"timing の時間の合計（optional: true の活動をのぞく）が {total} 分で、授業の長さ minutes（{doc['minutes']} 分）と合いません。"
                f"どれかの minutes を直して、合計を {doc['minutes']} 分にしてください。",
                f"the timing (without optional steps) adds up to {total} minutes but the lesson is {doc['minutes']} minutes long; "
                f"change the steps' minutes so they add up to {doc['minutes']}."))
    if problems:
        raise ContentError(problems)
    return Guide(
        file=name, lesson=doc["lesson"], title=_text(doc, "title"), audience=doc["audience"],
        minutes=doc["minutes"],
        aims=tuple(_pair(a) for a in doc["aims"]),
        timing=tuple(Step(s["minutes"], _text(s, "activity"), bool(s.get("optional"))) for s in doc["timing"]),
        questions=tuple(GuideQuestion(_text(q, "ask"), _text(q, "answer")) for q in doc["questions"]),
        notes=tuple(_pair(n) for n in doc.get("notes") or ()),
    )


def _text(values: dict, stem: str) -> Text:
    return Text.from_row(values, stem)


def _pair(values: dict) -> Text:
    return Text(str(values.get("ja") or "").strip(), str(values.get("en") or "").strip())


def guide_files(datasets: Path) -> list[Path]:
    """The guide files under ``datasets/guides``, skipping hidden and editor files."""
    folder = Path(datasets) / "guides"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.y*ml") if not p.name.startswith((".", "~$")))


def find_guide(datasets: Path, lesson_id: str) -> Guide | None:
    """The guide whose ``lesson`` is ``lesson_id`` (``<id>.yaml`` first), or None when there is none.

    Raises ``ContentError`` if that guide is broken.
    """
    files = guide_files(datasets)
    files.sort(key=lambda p: p.stem != lesson_id)
    for path in files:
        try:
            guide = load_guide(path)
        except ContentError:
            if path.stem == lesson_id:
                raise
            continue
        if guide.lesson == lesson_id:
            return guide
    return None


def guide_problems(guide: Guide, lessons: dict[str, dict]) -> list[ContentProblem]:
    """How a sound guide disagrees with the lessons: ``lessons`` maps notebook ids to their metadata."""
    meta = lessons.get(guide.lesson)
    if meta is None:
        known = "、".join(sorted(lessons)) or "（なし / none）"
        return [ContentProblem(
            guide.file, "", "lesson",
            f"id「{guide.lesson}」の授業ノートブックがありません。ノートブックの metadata.netkit.id を書いてください（いまある id: {known}）。",
            f"no lesson notebook has the id '{guide.lesson}'; write a notebook's metadata.netkit.id (ids now: {known}).")]
    problems = []
    if isinstance(meta.get("minutes"), int) and meta["minutes"] != guide.minutes:
        problems.append(ContentProblem(
            guide.file, "", "minutes",
            f"授業ノートブックは {meta['minutes']} 分ですが、手引きは {guide.minutes} 分です。どちらかに合わせてください。",
            f"the lesson notebook says {meta['minutes']} minutes but the guide says {guide.minutes}; make them agree."))
    if meta.get("audience") and meta["audience"] != guide.audience:
        problems.append(ContentProblem(
            guide.file, "", "audience",
            f"授業ノートブックの対象は {meta['audience']} ですが、手引きは {guide.audience} です。どちらかに合わせてください。",
            f"the lesson notebook is for {meta['audience']} but the guide says {guide.audience}; make them agree."))
    return problems


__all__ = ["Guide", "GuideQuestion", "Step", "find_guide", "guide_files", "guide_problems", "load_guide"]
