"""The teacher's guide (docs/ja/teacher-guide.md) says what the kit does: quiz columns, the YAML example, passcodes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from kit.content.quiz import load_quiz
from kit.serve.teacher_auth import MIN_LENGTH, passcode_problem

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs/ja/teacher-guide.md").read_text("utf-8")
SCHEMA = json.loads((ROOT / "kit/content/schema/quiz.schema.json").read_text("utf-8"))


def _known(column: str) -> bool:
    return column in SCHEMA["properties"] or any(re.fullmatch(p, column) for p in SCHEMA.get("patternProperties", {}))


def _section(heading: str) -> str:
    start = GUIDE.index(heading)
    end = GUIDE.find("\n#", start + len(heading))
    return GUIDE[start:end if end != -1 else None]


def column_table() -> list[str]:
    """The first cell of each row of the table under 「列の書き方」."""
    rows = [line for line in _section("#### 列の書き方").splitlines() if line.startswith("| `")]
    return [re.match(r"\| `([^`]+)`", line).group(1) for line in rows]


def test_the_column_table_names_only_columns_the_quiz_schema_knows():
    columns = column_table()
    assert "form" in columns, "the guide must explain form, the column the shipped banks use for pre and post"
    unknown = [c for c in columns if not _known(c)]
    assert not unknown, f"the guide names columns no quiz bank can have: {unknown}"


def test_the_guide_uses_form_as_the_shipped_banks_do_not_group_pre_post():
    shipped = {q.form for name in ("defamation_basics.csv", "defamation_jh.yaml")
               for q in load_quiz(ROOT / "datasets/quizzes" / name).questions}
    assert shipped == {"A", "B"}
    assert not re.search(r"group[`:]?\s*[`]?(pre|post)\b", GUIDE.replace("`group` の列に `pre`", ""))
    assert "`pre`・`post` は書きません" in GUIDE  # and says not to


def test_the_guide_names_the_schema_version_line_of_a_csv():
    first = (ROOT / "datasets/quizzes/defamation_basics.csv").read_text("utf-8-sig").splitlines()[0]
    assert first == "schema_version,1"
    assert f"`{first}`" in _section("### 5.1")


def test_the_yaml_example_is_a_question_the_schema_accepts():
    block = re.search(r"```yaml\n(.*?)```", _section("### 5.2"), re.S).group(1)
    (item,) = yaml.safe_load(block)
    assert all(_known(k) for k in item), item
    assert item["form"] in ("A", "B")


def test_the_guide_states_the_passcode_rule_and_its_example_is_accepted():
    line = next(line for line in GUIDE.splitlines() if "--teacher-passcode" in line)
    assert f"{MIN_LENGTH} 文字以上" in line
    example = re.search(r"`--teacher-passcode ([^`]+)`", line).group(1)
    assert passcode_problem(example) is None
    assert passcode_problem("abc") is not None and "`abc`" in line
