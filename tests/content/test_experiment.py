"""A lesson's class experiment: read from its notebook metadata, and what netkit validate says about it."""

from __future__ import annotations

import json
from pathlib import Path

from kit.content.experiment import experiment_problems, read_experiment

REPO = Path(__file__).resolve().parents[2]
GOOD = {"id": "accuracy-prompt", "on": True, "outcome": "careful", "title_ja": "問いかけの実験",
        "arms": [{"id": "control", "label_ja": "ふつう"}, {"id": "accuracy_prompt", "label_ja": "問いかけ"}]}


def meta(**changes):
    return {"id": "demo", "experiment": {**GOOD, **changes}}


def test_a_sound_declaration_is_read_with_its_arms_and_design():
    experiment = read_experiment(meta())
    assert experiment.on and experiment.arm_ids == ("control", "accuracy_prompt")
    assert experiment.design == "experiment:accuracy-prompt" and experiment.arms[1].label.ja == "問いかけ"
    assert read_experiment({"id": "demo"}) is None and read_experiment(meta(on=False)).on is False


def test_each_problem_is_one_sentence_naming_notebook_field_and_fix():
    cases = {
        "arms": meta(arms=[{"id": "control"}]),
        "id": meta(id=""),
        "on": meta(on="yes"),
        "outcome": meta(outcome="likes"),
    }
    for field, declared in cases.items():
        [problem] = experiment_problems("lessons/misinformation/jh.ipynb", declared, ["timeline"])
        assert problem.file == "lessons/misinformation/jh.ipynb" and problem.field == f"netkit.experiment.{field}"
        assert problem.sentence().count("。") == 1, problem.sentence()
    [unknown] = experiment_problems("x.ipynb", meta(arms=[{"id": "control"}, {"id": "prebunk"}]), ["timeline"])
    assert "「prebunk」" in unknown.why and "accuracy_prompt" in unknown.why
    [same] = experiment_problems("x.ipynb", meta(arms=[{"id": "control"}, {"id": "control"}]), ["timeline"])
    assert "同じ" in same.why
    assert read_experiment(meta(outcome="likes")) is None  # a broken declaration runs no experiment


def test_a_treatment_needs_the_component_that_gives_it():
    [problem] = experiment_problems("x.ipynb", meta(), ["quiz", "section"])
    assert "lesson.timeline(…)" in problem.why and problem.field == "netkit.experiment.arms"
    assert experiment_problems("x.ipynb", meta(), ["quiz", "timeline"]) == []


def test_the_shipped_timeline_lesson_declares_the_accuracy_prompt_off_until_a_teacher_turns_it_on():
    netkit = json.loads((REPO / "lessons/misinformation/jh.ipynb").read_text("utf-8"))["metadata"]["netkit"]
    experiment = read_experiment(netkit)
    assert experiment is not None and not experiment.on and "accuracy_prompt" in experiment.arm_ids


PILE_ON = {"id": "prebunk-pile-on", "on": False, "outcome": "post_score", "title_ja": "前か後か",
           "arms": [{"id": "control", "label_ja": "あと"}, {"id": "prebunk_first", "label_ja": "前"}]}


def calls_of(*cells):
    """A notebook's calls as ``kit.notebook`` reads them, one cell each."""
    from kit.notebook import Call

    return [Call(method, args, kwargs, cell=number) for number, (method, args, kwargs) in enumerate(cells, start=2)]


def test_parts_for_one_arm_make_an_arm_of_any_name_and_each_broken_part_is_one_sentence():
    section = ("section", ("texts/defamation_jh.yaml", "pile-on"))
    before, after = (("section", section[1], {"arm": arm}) for arm in ("prebunk_first", "control"))
    declared = {"id": "defamation-jh", "experiment": PILE_ON}
    assert experiment_problems("x.ipynb", declared, calls=calls_of(before, ("scenario", ("s.yaml",), {}), after)) == []
    assert read_experiment(declared).arm_ids == ("control", "prebunk_first")
    cases = {  # what is written → (the cell named, words of the fix)
        "unknown arm": ([("section", section[1], {"arm": "prebunk"}), after], 2, ("「prebunk」", "control・prebunk_first")),
        "not a section": ([before, ("quiz", ("q.yaml",), {"arm": "control"})], 3, ("lesson.section(…)", "lesson.quiz(…) からは消して")),
        "computed": ([("section", section[1], {"arm": object()}), after], 2, ("arm「?」",)),
    }
    for case, (cells, cell, words) in cases.items():
        [problem] = experiment_problems("lessons/defamation/jh.ipynb", declared, calls=calls_of(*cells))
        assert (problem.file, problem.place, problem.field) == ("lessons/defamation/jh.ipynb", f"{cell}番目のセル", "arm"), case
        sentence = problem.sentence()
        assert sentence.startswith(f"lessons/defamation/jh.ipynb: {cell}番目のセル") and sentence.count("。") == 1, sentence
        assert all(w in sentence for w in words), (case, sentence)
        assert problem.sentence_en().count("; ") == 1, problem.sentence_en()


def test_an_arm_that_changes_nothing_and_a_part_with_no_experiment_are_named():
    [idle] = experiment_problems("x.ipynb", {"experiment": PILE_ON}, calls=calls_of(("section", ("t.yaml", "a"), {})))
    assert idle.field == "netkit.experiment.arms" and "群「prebunk_first」はこの授業のどこも変えない" in idle.why
    assert 'lesson.section(…, arm="prebunk_first")' in idle.why and idle.sentence().count("。") == 1
    [orphan] = experiment_problems("x.ipynb", {"id": "x"}, calls=calls_of(("section", ("t.yaml", "a"), {"arm": "control"})))
    assert (orphan.place, orphan.field) == ("2番目のセル", "arm") and "netkit.experiment" in orphan.why
    [badly] = experiment_problems("x.ipynb", {"experiment": {**PILE_ON, "arms": [{"id": "control"}, {"id": "Before!"}]}})
    assert "「Before!」" in badly.why and badly.field == "netkit.experiment.arms"


def test_the_shipped_defamation_and_piracy_lessons_declare_a_sound_experiment_off_with_a_part_for_each_arm():
    from kit import notebook

    for rel, moved in (("defamation/jh.ipynb", "pile-on"), ("piracy/jh.ipynb", "streaming")):
        book = notebook.read(REPO / "lessons" / rel)
        experiment = read_experiment(book.meta)
        assert experiment is not None and not experiment.on and experiment.outcome == "post_score", rel
        assert experiment_problems(rel, book.meta, book.methods(), book.calls) == []
        parts = [(c.kwargs["arm"], c.text(1)) for c in book.calls if "arm" in c.kwargs]
        assert sorted(parts) == sorted((arm, moved) for arm in experiment.arm_ids), rel  # the same section, two places
        order = [c.method for c in book.calls]
        first = next(i for i, c in enumerate(book.calls) if c.kwargs.get("arm"))
        assert order.index("scenario") > first and order.index("scenario") < max(
            i for i, c in enumerate(book.calls) if c.kwargs.get("arm")), rel  # one before the role-play, one after
        assert all(a.label.ja and a.label.en for a in experiment.arms) and experiment.title.en


def test_validate_names_the_notebook_cell_field_and_fix_of_a_broken_part(tmp_path, capsys):
    from kit.cli import main

    (tmp_path / "lessons" / "defamation").mkdir(parents=True)
    (tmp_path / "datasets").symlink_to(REPO / "datasets")
    text = (REPO / "lessons/defamation/jh.ipynb").read_text("utf-8").replace('arm=\\"prebunk_first\\"', 'arm=\\"prebunk_frist\\"')
    (tmp_path / "lessons/defamation/jh.ipynb").write_text(text, "utf-8")
    assert main(["validate", str(tmp_path)]) != 0
    said = capsys.readouterr()
    line = next(ln for ln in (said.out + said.err).splitlines() if "prebunk_frist" in ln)
    assert "lessons/defamation/jh.ipynb" in line and "番目のセル" in line and "arm" in line
    assert "control・prebunk_first のどちらかにしてください" in line
