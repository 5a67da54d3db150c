"""``netkit validate`` run in process, over a teacher's folder."""

from __future__ import annotations

import re

import nbformat
import pytest

from kit.cli import main
from tests.conftest import REPO, read_rows, set_cell, write_rows


def lesson(path, code: list[str], meta=True, bind=True):
    """A lesson notebook of ``code`` cells; ``bind``: its first cell starts with ``lesson = Lesson(...)`` if none has it."""
    if bind and code and not any("Lesson(" in c for c in code):
        code = ['from kit.lesson import Lesson; lesson = Lesson("t"); ' + code[0], *code[1:]]
    nb = nbformat.v4.new_notebook()
    if meta:
        topic = path.parent.name if path.parent.name in ("misinformation", "piracy") else "defamation"
        nb.metadata["netkit"] = {"title_ja": "テスト", "topic": topic, "audience": "中学生"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in code]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


@pytest.fixture
def folder(datasets):
    root = datasets.parent
    lesson(root / "lessons" / "defamation" / "demo.ipynb", [
        'from kit.lesson import Lesson\nlesson = Lesson("demo")',
        'lesson.quiz("quizzes/sample.csv", group="pre", phase="pre")',
        'lesson.section("texts/sample.yaml", "intro")',
        'lesson.quiz("quizzes/sample.csv", group="pre", phase="post")',
        "lesson.help()",
    ])
    return root


def test_clean_folder_passes(folder, capsys):
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "OK" in out and "注意" not in out


def test_every_problem_listed_and_exit_nonzero(folder, capsys):
    rows = set_cell(read_rows(folder / "datasets/quizzes/sample.csv"), "q-single", "audience", "中学")
    write_rows(folder / "datasets/quizzes/broken.csv", rows)
    lesson(folder / "lessons/piracy/other.ipynb", [
        'lesson.quiz("quizzes/missing.csv")',
        'lesson.section("texts/sample.yaml", "nosuch")',
        'lesson.quiz("quizzes/sample.csv", group="middle")',
    ], meta=False, bind=False)
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "quizzes/broken.csv: 3行目、列・項目「audience」" in out
    assert "lessons/piracy/other.ipynb" in out and "quizzes/missing.csv" in out
    assert "節「nosuch」がありません" in out
    assert "group「middle」" in out
    assert "題名・話題・対象がありません" in out
    assert "と書いたセルがないので" in out  # nor a Lesson cell
    assert out.strip().splitlines()[-1].startswith("6 件の問題があります")


def test_fact_references_are_checked(folder, capsys):
    rows = set_cell(read_rows(folder / "datasets/quizzes/sample.csv"), "q-multi", "source", "no-such-fact")
    write_rows(folder / "datasets/quizzes/sample.csv", rows)
    assert main(["validate", str(folder)]) == 1
    assert "no-such-fact" in capsys.readouterr().out


def test_broken_notebook_json(folder, capsys):
    (folder / "lessons" / "broken.ipynb").write_text("{not json", encoding="utf-8")
    assert main(["validate", str(folder), "--lang", "en"]) == 1
    assert "not a readable notebook" in capsys.readouterr().out


def test_the_kits_own_lessons_and_content_are_valid(capsys):
    assert main(["validate", str(REPO)]) == 0, capsys.readouterr().out


def test_the_readmes_example_is_what_validate_prints(capsys):
    """README's example of a clean run, with its counts left as …, is the line validate prints for the checkout."""
    readme = (REPO / "README.md").read_text("utf-8")
    example = re.search(r"\$ netkit validate\n(OK: .*)\n", readme).group(1)
    assert re.search(r"\d", example) is None, "counts written into README drift: write them as …"
    assert main(["validate", str(REPO)]) == 0
    printed = capsys.readouterr().out.strip().splitlines()[-1]
    assert re.fullmatch(re.escape(example).replace("…", r"\d+"), printed), (example, printed)


def test_network_files_are_checked(folder, capsys):
    (folder / "datasets/networks/broken.json").write_text('{"schema_version": 1, "id": "x", "nodes": 3}', "utf-8")
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "networks/broken.json" in out and "「edges」" in out and "「layout」" in out


def test_timelines_and_their_references_are_checked(folder, capsys):
    import yaml

    path = folder / "datasets/timelines/sample.yaml"
    doc = yaml.safe_load(path.read_text("utf-8"))
    doc["posts"][1]["truth"] = "maybe"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    lesson(folder / "lessons/misinformation/tl.ipynb", [
        'lesson.timeline("timelines/sample.yaml", posts=["rumour", "nosuch"])',
        'lesson.timeline("timelines/missing.yaml")',
    ])
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"timelines/sample.yaml: 2番目の項目（id: official）、\d+行目、列・項目「truth」", out)
    assert "lessons/misinformation/tl.ipynb" in out and "timelines/missing.yaml" in out
    assert out.strip().splitlines()[-1].startswith("2 件の問題があります")


def test_timeline_post_ids_in_a_notebook_are_checked(folder, capsys):
    lesson(folder / "lessons/misinformation/tl.ipynb", [
        'lesson.timeline("timelines/sample.yaml", posts=["rumour", "nosuch"])',
    ])
    assert main(["validate", str(folder)]) == 1
    assert "投稿 nosuch がありません" in capsys.readouterr().out


def test_timeline_fact_sources_are_checked(folder, capsys):
    import yaml

    path = folder / "datasets/timelines/sample.yaml"
    doc = yaml.safe_load(path.read_text("utf-8"))
    doc["posts"][0]["sources"] = ["no-such-fact"]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    assert main(["validate", str(folder)]) == 1
    assert "rumour、列・項目「sources」: 事実「no-such-fact」" in capsys.readouterr().out


def test_scenarios_routers_and_law_are_checked_with_the_notebooks_that_name_them(folder, capsys):
    lesson(folder / "lessons/defamation/play.ipynb", [
        'lesson.scenario("scenarios/sample.yaml", role="bystander")',
        'lesson.scenario("scenarios/sample.yaml", role="poster")',
        'lesson.law_walk("law/walk.yaml")',
        'lesson.law_card("insult")',
        'lesson.law_card("libel")',
        "lesson.help_router()",
    ])
    broken = (folder / "datasets/scenarios/sample.yaml").read_text("utf-8").replace("next: b-3", "next: b-33", 1)
    (folder / "datasets/scenarios/other.yaml").write_text(broken.replace("id: sample-chat", "id: other"), "utf-8")
    router = (folder / "datasets/help/router.yaml").read_text("utf-8").replace("[ihaho]", "[ihahoo]")
    (folder / "datasets/help/router.yaml").write_text(router, "utf-8")
    walk = (folder / "datasets/law/walk.yaml").read_text("utf-8").replace("[insult-penalty-2022]", "[no-such-fact]")
    (folder / "datasets/law/walk.yaml").write_text(walk, "utf-8")
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "scenarios/other.yaml: 場面「b-2」の選択肢2、列・項目「next」" in out and "「b-3」のまちがい" in out
    assert "立場「poster」がありません" in out and "立場「bystander」" not in out
    assert "help/router.yaml: 項目「delete」、列・項目「desks」" in out and "「ihaho」のまちがい" in out
    assert "law/walk.yaml: 段階「one」" in out and "no-such-fact" in out
    assert "id「libel」のカードがありません" in out and "「insult」のカードがありません" not in out
    assert out.strip().splitlines()[-1].startswith("5 件の問題があります")


def test_thousands_of_bad_rows_show_thirty_and_the_count(folder, capsys):
    rows = read_rows(folder / "datasets/quizzes/sample.csv")
    template = next(r for r in rows if r[0] == "q-single")
    bad = [[f"bad-{i}", *template[1:]] for i in range(2000)]
    audience = rows[1].index("audience")
    for row in bad:
        row[audience] = "中学"
    write_rows(folder / "datasets/quizzes/pasted.csv", rows[:2] + bad)
    assert main(["validate", str(folder)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert len([line for line in lines if "pasted.csv: " in line and "「audience」" in line]) == 30
    assert any(line.endswith("pasted.csv: ほかに 1970 件の問題があります（ここには最初の 30 件だけを出しています）。") for line in lines)
    assert lines[-1].startswith("2000 件の問題があります")


def test_a_lesson_on_online_abuse_without_its_help_desks_fails(tmp_path, capsys):
    import json
    import shutil

    shutil.copytree(REPO / "lessons", tmp_path / "lessons")
    shutil.copytree(REPO / "datasets", tmp_path / "datasets")
    path = tmp_path / "lessons" / "defamation" / "basics.ipynb"
    doc = json.loads(path.read_text("utf-8"))
    doc["cells"] = [c for c in doc["cells"] if "help_router" not in "".join(c["source"])]  # the teacher deleted the cell
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "lessons/defamation/basics.ipynb" in out and "相談先（lesson.help_router() か lesson.help()）で終わる決まり" in out


def test_lateral_files_and_task_ids_in_a_notebook_are_checked(folder, capsys):
    import shutil

    import yaml

    from tests.conftest import REPO

    target = folder / "datasets/lateral/who_is_behind.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "datasets/lateral/who_is_behind.yaml", target)
    lesson(folder / "lessons/misinformation/lr.ipynb", [
        'lesson.lateral("lateral/who_is_behind.yaml", tasks=["water", "nosuch"])',
    ])
    assert main(["validate", str(folder)]) == 1
    assert "課題 nosuch がありません" in capsys.readouterr().out
    doc = yaml.safe_load(target.read_text("utf-8"))
    doc["tasks"][0]["page"]["address"] = "example.com/real"
    target.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    lesson(folder / "lessons/misinformation/lr.ipynb", ['lesson.lateral("lateral/who_is_behind.yaml")'])
    assert main(["validate", str(folder)]) == 1
    assert re.search(r"lateral/who_is_behind.yaml: 1番目の項目（id: supplement）.*page\.address", capsys.readouterr().out)


def shipped(tmp_path, notebook: str, keep) -> str:
    """A copy of the kit's lessons and datasets with cells of ``notebook`` left out (``keep(source)`` false)."""
    import json
    import shutil

    shutil.copytree(REPO / "lessons", tmp_path / "lessons")
    shutil.copytree(REPO / "datasets", tmp_path / "datasets")
    path = tmp_path / "lessons" / notebook
    doc = json.loads(path.read_text("utf-8"))
    doc["cells"] = [c for c in doc["cells"] if keep("".join(c["source"]))]
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return str(tmp_path)


def test_a_lesson_without_its_lesson_cell_fails_naming_where_it_goes(tmp_path, capsys):
    root = shipped(tmp_path, "defamation/hs.ipynb", lambda source: "Lesson(" not in source)
    assert main(["validate", root]) == 1
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if "hs.ipynb" in line]
    assert line.startswith("lessons/defamation/hs.ipynb: ")
    assert 'lesson = Lesson("defamation-hs") と書いたセルがないので、最初の lesson.' in line and "より前にそのセルを加えてください。" in line
    assert line.count("。") == 1
    assert main(["validate", root, "--lang", "en"]) == 1
    assert 'there is no cell with lesson = Lesson("defamation-hs"), so add one before the first lesson.' in capsys.readouterr().out


def test_a_lesson_cell_after_the_first_call_fails(folder, capsys):
    lesson(folder / "lessons" / "defamation" / "late.ipynb", [
        'lesson.quiz("quizzes/sample.csv", group="pre")',
        'from kit.lesson import Lesson\nlesson = Lesson("late")',
        "lesson.help()",
    ])
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "lessons/defamation/late.ipynb: 2番目のセル: lesson = Lesson(" in out
    assert "より後にあるので、そのセルを最初の lesson.… より前に移してください。" in out


def test_a_pre_test_without_a_post_test_is_a_warning(tmp_path, capsys):
    root = shipped(tmp_path, "defamation/hs.ipynb", lambda source: 'phase=\"post\"' not in source and 'phase="post"' not in source)
    assert main(["validate", root]) == 0  # the lesson works; the teacher is warned
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if "hs.ipynb" in line]
    assert line.startswith("注意 lessons/defamation/hs.ipynb: ")
    assert "事前テスト（lesson.quiz(…, phase=\"pre\")）はあるのに事後テストがなく" in line
    assert 'lesson.quiz("quizzes/defamation_hs.yaml", phase="post") のセルを加えてください。' in line
    assert line.count("。") == 1
    assert "注意が 1 件あります" in out.splitlines()[-1]
    assert main(["validate", root, "--lang", "en"]) == 0
    assert "1 warning:" in capsys.readouterr().out


def test_a_post_test_without_a_pre_test_is_a_warning(folder, capsys):
    lesson(folder / "lessons" / "defamation" / "after.ipynb", [
        'from kit.lesson import Lesson\nlesson = Lesson("after")',
        'lesson.quiz("quizzes/sample.csv", group="pre", phase="post")',
        "lesson.help()",
    ])
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "注意 lessons/defamation/after.ipynb: 2番目のセル" in out and "事前テストがなく" in out
    assert "授業の始め近くに lesson.quiz(\"quizzes/sample.csv\", phase=\"pre\")" in out
