"""The help router: 法務省's guide chart as a decision tree over the help desks (``datasets/help/router*.yaml``).

A router file holds questions (``ask`` + ``answers`` leading to next steps) and results (``say``
+ desk ids from the desks file beside it). ``load_router`` checks every step against
``schema/router.schema.json`` and the tree as a whole — every answer leads somewhere, every desk
id exists, nothing loops, every step can be reached, every result names a desk — and raises one
``ContentError`` listing every problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content import schema
from kit.content.errors import ContentError, ContentProblem
from kit.content.help import HelpDesk, load_help
from kit.content.suggest import did_you_mean
from kit.content.tables import Row, read_table
from kit.content.text import Text


@dataclass(frozen=True)
class RouterAnswer:
    """One answer button and the step it leads to."""

    text: Text
    next: str


@dataclass(frozen=True)
class RouterStep:
    """A question with answers, or a result naming help desks."""

    id: str
    ask: Text = Text("")
    answers: tuple[RouterAnswer, ...] = ()
    say: Text = Text("")
    desks: tuple[str, ...] = ()
    more: str = ""

    @property
    def is_question(self) -> bool:
        return bool(self.answers)


@dataclass(frozen=True)
class HelpRouterChart:
    """A checked router with the desks it points to."""

    file: str
    title: Text
    intro: Text
    start: str
    source: str
    checked: str
    steps: tuple[RouterStep, ...]
    desks: dict[str, HelpDesk]

    def step(self, step_id: str) -> RouterStep:
        return {s.id: s for s in self.steps}[step_id]


def load_router(path: str | Path) -> HelpRouterChart:
    """Read and check a router and the desks file it names; ``ContentError`` lists every problem."""
    path = Path(path)
    table = read_table(path, items_key="steps")
    file = table.file
    # YAML reads 2026-11-01 as a date; the schema wants the teacher's text.
    meta = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in table.meta.items()}
    problems = schema.check_version("router", file, table.schema_version)
    top = Row({**meta, "steps": [r.values for r in table.rows]}, "", 0, table.lines)
    problems += [p for p in schema.check_row("router", file, top) if p.field != "schema_version"]

    desks: dict[str, HelpDesk] = {}
    desk_file = path.parent / str(meta.get("desks") or "desks.yaml")
    try:
        desks = {d.id: d for d in load_help(desk_file)}
    except ContentError as exc:
        problems += exc.problems

    steps = _steps(file, table.rows, problems)
    by_id = {s.id: s for s in steps}
    for step in steps:
        _check_step(file, step, by_id, desks, problems)
    start = str(meta.get("start") or "")
    if start and start not in by_id:
        ja, en = did_you_mean(start, by_id)
        problems.append(ContentProblem(file, "", "start", f"最初の質問「{start}」がありません。{ja}steps にある id を書いてください。",
                                       f"the first question '{start}' does not exist; {en}use an id from steps."))
    elif start and not by_id[start].is_question:
        problems.append(ContentProblem(file, "", "start", "最初は質問（ask と answers のある項目）にしてください。",
                                       "start with a question (a step with ask and answers)."))
    if start in by_id:
        problems += _tree_problems(file, steps, by_id, start)
    if problems:
        raise ContentError(problems)
    return HelpRouterChart(file, Text.from_row(meta, "title"), Text.from_row(meta, "intro"), start,
                           str(meta["source"]), str(meta["checked"]), tuple(steps), desks)


def _steps(file: str, rows: list[Row], problems: list[ContentProblem]) -> list[RouterStep]:
    found: list[RouterStep] = []
    for row in rows:
        v = row.values
        sid = str(v.get("id") or "")
        place = f"項目「{sid}」" if sid else row.place
        if "__not_a_mapping__" in v:
            problems.append(ContentProblem(file, row.place, "", "「名前: 値」の組を並べた項目にしてください。",
                                           "each item must be a set of 'name: value' pairs."))
            continue
        problems += schema.check_row("router#step", file, Row(v, place, row.number))
        if sid in {s.id for s in found}:
            problems.append(ContentProblem(file, place, "id", f"id「{sid}」が2回使われています。別の id にしてください。",
                                           f"the id '{sid}' is used twice; use another id."))
            continue
        if not sid:
            continue
        answers = []
        raw = v.get("answers")
        for n, item in enumerate(raw if isinstance(raw, list) else [], start=1):
            aplace = f"項目「{sid}」の答え{n}"
            if not isinstance(item, dict):
                problems.append(ContentProblem(file, aplace, "", "「text_ja: …」「next: …」の組で書いてください。",
                                               "write the answer as 'text_ja: …', 'next: …' pairs."))
                continue
            problems += schema.check_row("router#answer", file, Row(item, aplace, n))
            answers.append(RouterAnswer(Text.from_row(item, "text"), str(item.get("next") or "")))
        desks = v.get("desks") if isinstance(v.get("desks"), list) else []
        found.append(RouterStep(sid, Text.from_row(v, "ask"), tuple(answers), Text.from_row(v, "say"),
                                tuple(str(d) for d in desks), str(v.get("more") or "")))
    return found


def _check_step(file: str, step: RouterStep, by_id: dict[str, RouterStep], desks: dict[str, HelpDesk],
                problems: list[ContentProblem]) -> None:
    place = f"項目「{step.id}」"

    def problem(where: str, fld: str, ja: str, en: str) -> None:
        problems.append(ContentProblem(file, where, fld, ja, en))

    if step.answers and (step.desks or step.say.ja):
        problem(place, "desks", "質問（answers）と結果（say・desks）が両方あります。どちらか一方にしてください。",
                "it has both answers and a result (say, desks); keep one.")
    elif step.answers:
        for lang, name in (("ja", "日本語"), ("en", "英語")):
            if not getattr(step.ask, lang):
                problem(place, f"ask_{lang}", f"質問の{name}（ask_{lang}）を書いてください。", f"write the question (ask_{lang}).")
    elif not step.desks:
        problem(place, "desks", "答えも相談窓口もなく、ここで行き止まりです。answers（次の質問へ）か desks（相談窓口の id）を書いてください。",
                "it is a dead end with neither answers nor desks; add answers (to go on) or desks (help-desk ids).")
    else:
        for lang, name in (("ja", "日本語"), ("en", "英語")):
            if not getattr(step.say, lang):
                problem(place, f"say_{lang}", f"結果で伝えること（say_{lang}、{name}）を書いてください。",
                        f"write what the result says (say_{lang}).")
    for n, answer in enumerate(step.answers, start=1):
        if answer.next and answer.next not in by_id:
            ja, en = did_you_mean(answer.next, by_id)
            problem(f"{place}の答え{n}", "next", f"行き先「{answer.next}」がありません。{ja}steps にある id を書いてください。",
                    f"it leads to '{answer.next}', which does not exist; {en}use an id from steps.")
    for desk in step.desks:
        if desks and desk not in desks:
            ja, en = did_you_mean(desk, desks)
            problem(place, "desks", f"相談窓口「{desk}」が desks.yaml にありません。{ja}desks.yaml の id を書くか、窓口を加えてください。",
                    f"help desk '{desk}' is not in desks.yaml; {en}use an id from desks.yaml or add the desk.")
    if step.more:
        if step.more not in by_id:
            ja, en = did_you_mean(step.more, by_id)
            problem(place, "more", f"「{step.more}」がありません。{ja}steps にある質問の id を書いてください。",
                    f"'{step.more}' does not exist; {en}use the id of a question in steps.")
        elif not by_id[step.more].is_question:
            problem(place, "more", "more には質問の id を書いてください。", "more must name a question.")


def _edges(step: RouterStep, by_id: dict[str, RouterStep]) -> list[tuple[str, str]]:
    """(where, target) for every answer of ``step`` that names an existing step.

    A result's ``more`` ("something else?") goes back to a question on purpose, so it is not an
    edge here: only answers must lead on, without loops, to a result.
    """
    out = [(f"項目「{step.id}」の答え{n}", a.next) for n, a in enumerate(step.answers, start=1)]
    return [(where, target) for where, target in out if target in by_id]


def _tree_problems(file: str, steps: list[RouterStep], by_id: dict[str, RouterStep], start: str) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    state: dict[str, str] = {}  # "open" while on the current path, "done" after

    def visit(sid: str) -> None:
        state[sid] = "open"
        for where, target in _edges(by_id[sid], by_id):
            if state.get(target) == "open":
                problems.append(ContentProblem(
                    file, where, "next", f"「{target}」にもどるので、同じ質問がくり返され、終わりません。先に進む質問か結果につないでください。",
                    f"it goes back to '{target}', so the questions loop forever; lead it on to a later question or a result."))
            elif target not in state:
                visit(target)
        state[sid] = "done"

    visit(start)
    for step in steps:
        if step.id not in state:
            problems.append(ContentProblem(file, f"項目「{step.id}」", "id",
                                           "最初の質問からたどり着けません。どこかの答えからつなぐか、消してください。",
                                           "no answer leads here from the first question; link it from an answer or delete it."))
    return problems
