"""「だます側になってみよう」 games (``datasets/games/*.yaml``): a fictional account and technique stages.

A file names the student's fictional account and lists stages, one per manipulation technique
(なりすまし, 感情をあおる …). A stage says what the technique is and which fictional target it is
tried on, offers two to four posts to publish — each with how strongly it hooks readers (``hook``,
1–5) and how easy it is to see through (``risk``, 0–1), the two numbers ``kit.models.manipulator``
plays with — and ends with how to spot the technique (``spot``). ``load_game`` checks the heading,
then every stage and every choice against ``schema/manipulator.schema.json`` (each problem named
「stages の2番目（id: emotion）の choices の1番目」 with its fix), then ids written twice, and raises one
``ContentError`` listing every problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content.document import check_document, check_object
from kit.content.errors import ContentError, ContentProblem
from kit.content.schema import load_schema
from kit.content.tables import read_yaml_document
from kit.content.text import Text


@dataclass(frozen=True)
class GameChoice:
    """One post the student may publish, and what it does."""

    id: str
    text: Text
    hook: int
    risk: float
    result: Text


@dataclass(frozen=True)
class Stage:
    """One technique: what it is, its fictional target, the posts to choose from, and how to spot it."""

    id: str
    technique: Text
    target: Text
    explain: Text
    choices: tuple[GameChoice, ...]
    spot: tuple[Text, ...]


@dataclass(frozen=True)
class Game:
    """A whole checked game file."""

    file: str
    id: str
    title: Text
    intro: Text
    note: Text
    debrief: Text
    account_name: Text
    handle: str
    stages: tuple[Stage, ...]

    def stage(self, stage_id: str) -> Stage:
        """The stage ``stage_id`` (``KeyError`` if none)."""
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise KeyError(stage_id)


def load_game(path: str | Path) -> Game:
    """Read and check a game file; raise ``ContentError`` listing every problem found."""
    name, doc = read_yaml_document(path)
    problems = check_document("manipulator", name, doc)
    stages = doc.get("stages") if isinstance(doc, dict) else None
    if isinstance(stages, list):
        problems += _stage_problems(name, stages)
    if problems:
        raise ContentError(problems)
    account = doc["account"]
    return Game(
        file=name, id=doc["id"], title=_text(doc, "title"), intro=_text(doc, "intro"), note=_text(doc, "note"),
        debrief=_text(doc, "debrief"), account_name=_text(account, "name"), handle=account["handle"],
        stages=tuple(Stage(
            id=s["id"], technique=_text(s, "technique"), target=_text(s, "target"), explain=_text(s, "explain"),
            choices=tuple(GameChoice(c["id"], _text(c, "text"), int(c["hook"]), float(c["risk"]), _text(c, "result"))
                          for c in s["choices"]),
            spot=tuple(Text(str(p["ja"]).strip(), str(p.get("en") or "").strip()) for p in s["spot"]),
        ) for s in stages),
    )


def _stage_problems(file: str, stages: list) -> list[ContentProblem]:
    stage_schema, choice_schema = load_schema("manipulator#stage"), load_schema("manipulator#choice")
    problems: list[ContentProblem] = []
    seen: set[str] = set()
    for i, stage in enumerate(stages, start=1):
        place = _place("stages", i, stage)
        problems += check_object(stage_schema, stage, file, place)
        if not isinstance(stage, dict):
            continue
        problems += _twice(file, place, stage.get("id"), seen, "ステージ", "stage")
        choices = stage.get("choices")
        if not isinstance(choices, list):
            continue
        chosen: set[str] = set()
        for j, choice in enumerate(choices, start=1):
            where = f"{place}の {_place('choices', j, choice)}"
            problems += check_object(choice_schema, choice, file, where)
            if isinstance(choice, dict):
                problems += _twice(file, where, choice.get("id"), chosen, "選択肢", "choice")
    return problems


def _place(key: str, number: int, item) -> str:
    ident = item.get("id") if isinstance(item, dict) else None
    return f"{key} の{number}番目（id: {ident}）" if isinstance(ident, str) and ident else f"{key} の{number}番目"


def _twice(file: str, place: str, ident, seen: set[str], what_ja: str, what_en: str) -> list[ContentProblem]:
    if not isinstance(ident, str) or not ident:
        return []
    if ident in seen:
        return [ContentProblem(file, place, "id", f"{what_ja}の id「{ident}」が2回使われています。ちがう id にしてください。",
                               f"the {what_en} id '{ident}' is used twice; give it another id.")]
    seen.add(ident)
    return []


def _text(values: dict, stem: str) -> Text:
    return Text.from_row(values, stem)
