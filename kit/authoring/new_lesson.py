"""``netkit new lesson``: a lesson from a teacher's own questions, ready to validate and serve.

From one quiz bank (CSV, XLSX or YAML) this writes four files: the bank itself under
``datasets/quizzes/``, a lesson text whose explanation is a marked placeholder (students see "your
teacher will explain" until the teacher writes it), a teacher guide whose timing adds up to the
lesson's length, and the notebook. Lessons on online abuse always end with the help desks.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import nbformat

from kit.authoring.notes import teacher_note_cell
from kit.content.errors import ContentError, ContentProblem, display_name
from kit.content.quiz import QuizBank, quiz_from_table
from kit.content.tables import read_table
from kit.content.vocab import AUDIENCES, TOPICS

AUDIENCE_SLUGS = {"小3-4": "es34", "小5-6": "es56", "中学生": "jhs", "高校生": "hs", "保護者・教職員": "adults"}


@dataclass(frozen=True)
class LessonSpec:
    """What the teacher asked for on the command line."""

    topic: str
    audience: str
    source: Path
    minutes: int = 45
    lesson_id: str = ""
    title_ja: str = ""
    title_en: str = ""
    aims: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Written:
    """The files a new lesson consists of, relative to the teacher's folder."""

    lesson_id: str
    notebook: Path
    bank: Path
    text: Path
    guide: Path


@cache
def topic_defaults() -> dict:
    """Title, summary, aims and whether help desks are needed, for each topic."""
    import yaml

    return yaml.safe_load(resources.files("kit.authoring").joinpath("topics.yaml").read_text("utf-8"))


def spec_problems(spec: LessonSpec) -> list[ContentProblem]:
    """Problems with the command line itself (topic, audience, minutes, id)."""
    problems = []
    if spec.topic not in TOPICS:
        problems.append(ContentProblem("--topic", "", "topic", f"topic は {', '.join(TOPICS)} のどれかにしてください。",
                                       f"use one of {', '.join(TOPICS)}."))
    if spec.audience not in AUDIENCES:
        problems.append(ContentProblem("--audience", "", "audience", f"audience は {'・'.join(AUDIENCES)} のどれかにしてください。",
                                       f"use one of {', '.join(AUDIENCES)}."))
    if not 10 <= spec.minutes <= 120:
        problems.append(ContentProblem("--minutes", "", "minutes", "授業の長さは10分から120分にしてください（1コマなら 45 か 50）。",
                                       "use 10 to 120 minutes (45 or 50 for a full period)."))
    if spec.lesson_id and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,59}", spec.lesson_id):
        problems.append(ContentProblem("--id", "", "id", "id は英小文字・数字・ハイフンにしてください（例: defamation-jhs-2）。",
                                       "use lowercase letters, digits and hyphens (e.g. defamation-jhs-2)."))
    return problems


def read_questions(source: Path, datasets: Path | None = None) -> QuizBank:
    """The teacher's questions, checked as ``netkit validate`` checks a bank (facts named by ``source``
    included, from ``datasets/facts``); ``ContentError`` names the spreadsheet's rows."""
    bank, problems = quiz_from_table(read_table(source, items_key="items"))
    if not problems and datasets is not None and (datasets / "facts").is_dir():
        from kit.content.facts import load_all_facts
        from kit.content.quiz import source_problems

        try:
            problems = source_problems(bank, load_all_facts(datasets / "facts"))
        except ContentError as exc:
            problems = exc.problems
    if problems:
        raise ContentError(problems)
    return bank


def free_id(spec: LessonSpec, lessons: Path, datasets: Path) -> str:
    """``spec.lesson_id``, or ``<topic>-<audience>`` numbered past any lesson already there."""
    from kit.notebook import by_id

    taken = set(by_id(lessons)) if lessons.is_dir() else set()
    if spec.lesson_id:
        return spec.lesson_id
    base = f"{spec.topic}-{AUDIENCE_SLUGS[spec.audience]}"
    candidate, n = base, 2
    while candidate in taken or _paths(candidate, spec, lessons, datasets)[0].exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _paths(lesson_id: str, spec: LessonSpec, lessons: Path, datasets: Path) -> tuple[Path, Path, Path, Path]:
    slug = lesson_id.removeprefix(spec.topic + "-") or lesson_id
    stem = lesson_id.replace("-", "_")
    return (lessons / spec.topic / f"{slug}.ipynb", datasets / "quizzes" / f"{stem}{spec.source.suffix.lower()}",
            datasets / "texts" / f"{stem}.yaml", datasets / "guides" / f"{lesson_id}.yaml")


def scaffold(spec: LessonSpec, lessons: Path, datasets: Path) -> Written:
    """Write the new lesson's four files; ``ContentError`` (nothing written) on any problem."""
    problems = spec_problems(spec)
    if problems:
        raise ContentError(problems)
    bank = read_questions(spec.source, datasets)
    lesson_id = free_id(spec, lessons, datasets)
    notebook, bank_path, text_path, guide_path = _paths(lesson_id, spec, lessons, datasets)
    existing = [p for p in (notebook, bank_path, text_path, guide_path) if p.exists()]
    if existing or lesson_id in _ids(lessons):
        raise ContentError.single(
            "--id", f"id「{lesson_id}」の授業か、そのファイル（{', '.join(display_name(p) for p in existing) or 'ノートブック'}）がもうあります。--id で別の id にしてください。",
            f"a lesson '{lesson_id}' or its files already exist; choose another id with --id.", field="id")
    defaults = topic_defaults()[spec.topic]
    title_ja = spec.title_ja or defaults["title"]["ja"]
    title_en = spec.title_en or (defaults["title"]["en"] if not spec.title_ja else "")  # none: the Japanese is shown
    aims = [{"ja": a} for a in spec.aims] or [dict(a) for a in defaults["aims"]]
    groups = {q.group for q in bank.questions}
    pre, post = ("pre", "post") if {"pre", "post"} <= groups else (None, None)
    rel_bank = bank_path.relative_to(datasets).as_posix()
    rel_text = text_path.relative_to(datasets).as_posix()

    for path in (notebook, bank_path, text_path, guide_path):
        path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(spec.source, bank_path)
    text_path.write_text(text_yaml(title_ja, title_en, aims), "utf-8")
    guide_path.write_text(guide_yaml(lesson_id, title_ja, title_en, spec, aims, bank, defaults["help"]), "utf-8")
    meta = {"id": lesson_id, "topic": spec.topic, "audience": spec.audience, "minutes": spec.minutes,
            "title_ja": title_ja, "title_en": title_en,
            "summary_ja": defaults["summary"]["ja"], "summary_en": defaults["summary"]["en"]}
    nbformat.write(lesson_notebook(meta, rel_bank, rel_text, pre, post, defaults["help"]), notebook)
    return Written(lesson_id, notebook, bank_path, text_path, guide_path)


def _ids(lessons: Path) -> set[str]:
    from kit.notebook import by_id

    return set(by_id(lessons)) if lessons.is_dir() else set()


def lesson_notebook(meta: dict, bank: str, text: str, pre: str | None, post: str | None, help_desks: bool):
    """The thin notebook: title, aims, pre-quiz, explanation, post-quiz, and help where needed."""
    def group(g):
        return f', group="{g}"' if g else ""

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["netkit"] = meta
    cells = [
        teacher_note_cell(
            f"netkit new lesson で作った授業です。説明は datasets/{text} の「explain」節に書き、"
            f"placeholder: true の行を消してください。問題は datasets/{bank}、手引きは datasets/guides/{meta['id']}.yaml です。"
            "直したら netkit validate で確かめてください。"),
        nbformat.v4.new_code_cell(f'from kit.lesson import Lesson\n\nlesson = Lesson("{meta["id"]}")'),
        nbformat.v4.new_code_cell(f'lesson.title("{text}")'),
        nbformat.v4.new_code_cell(f'# この授業のめあて\nlesson.section("{text}", "aims")'),
        nbformat.v4.new_code_cell(f'# はじめに: いまの考えを確かめる（事前テスト）\nlesson.quiz("{bank}"{group(pre)}, phase="pre")'),
        nbformat.v4.new_code_cell(f'# 説明（先生が書く）\nlesson.section("{text}", "explain")'),
        nbformat.v4.new_code_cell(f'# まとめ: 学んだことを確かめる（事後テスト）\nlesson.quiz("{bank}"{group(post)}, phase="post")'),
    ]
    if help_desks:
        cells.append(nbformat.v4.new_code_cell("# 困ったときの相談先（誹謗中傷の授業は必ずこれで終わる）\nlesson.help()"))
    nb.cells = cells
    return nb


def _yaml(value) -> str:
    from kit.content.tables import dump_yaml

    return dump_yaml(value)


def text_yaml(title_ja: str, title_en: str, aims: list[dict]) -> str:
    """The lesson text: the aims, and the explanation left for the teacher to write."""
    aims_ja = "\n".join(f"- {a['ja']}" for a in aims)
    aims_en = "\n".join(f"- {a['en']}" for a in aims) if all(a.get("en") for a in aims) else ""
    doc = {"schema_version": 1, "title_ja": title_ja, **({"title_en": title_en} if title_en else {}), "sections": [
        {"id": "aims", "heading_ja": "この授業のめあて", "heading_en": "What we will learn",
         "body_ja": aims_ja, **({"body_en": aims_en} if aims_en else {})},
        {"id": "explain", "placeholder": True,
         "heading_ja": "説明", "heading_en": "Explanation",
         "body_ja": "【先生へ】ここに生徒に読ませる説明を書いてください（Markdown が使えます）。"
                    "書いたら、上の「placeholder: true」の行を消してください。それまで生徒には「ここは先生が説明します」と表示されます。"
                    "数字や法律を書くときは、datasets/facts の事実（出典と時点つき）を facts: [id] で示してください。",
         "body_en": "[For the teacher] Write the explanation students read here (Markdown works), then delete the "
                    "'placeholder: true' line. Until then students see 'Your teacher will explain this part'. "
                    "Back any number or law with a fact from datasets/facts listed under facts: [id]."},
    ]}
    return "# netkit new lesson が作った授業の文章です。/ Lesson text made by netkit new lesson.\n" + _yaml(doc)


def guide_yaml(lesson_id: str, title_ja: str, title_en: str, spec: LessonSpec, aims: list[dict],
               bank: QuizBank, help_desks: bool) -> str:
    """A guide skeleton: aims, a timing that adds up, the quiz's first questions to discuss."""
    m = spec.minutes
    intro = wrap = max(1, round(m * 0.1))
    quiz = max(2, round(m * 0.15))
    explain = m - intro - 2 * quiz - wrap
    timing = [
        {"minutes": intro, "activity_ja": "導入。授業のめあてを読み、身近な経験を問いかける。", "activity_en": "Opening: read the aims and ask about students' own experience."},
        {"minutes": quiz, "activity_ja": "事前テスト。各自の端末で答える。", "activity_en": "Pre-quiz on each device."},
        {"minutes": explain, "activity_ja": "説明と話し合い（先生が書く説明の節）。下の問いかけを使う。", "activity_en": "Explanation and discussion (the section the teacher writes), using the questions below."},
        {"minutes": quiz, "activity_ja": "事後テスト。事前テストから変わった答えを確かめる。", "activity_en": "Post-quiz; notice which answers changed."},
        {"minutes": wrap, "activity_ja": "まとめ。" + ("相談窓口の画面をいっしょに見る。" if help_desks else "学んだことを一言で書く。"),
         "activity_en": "Wrap-up: " + ("look at the help desks together." if help_desks else "each student writes one thing they learnt.")},
    ]
    questions = []
    for q in bank.questions[:3]:
        right = "、".join(_answer_text(q, "ja"))
        right_en = ", ".join(_answer_text(q, "en"))
        english = {"ask_en": q.text.en, "answer_en": f"{right_en}. {q.explanation.en}"} if q.text.en and q.explanation.en else {}
        questions.append({"ask_ja": q.text.ja, "answer_ja": f"{right}。{q.explanation.ja}", **english})
    notes = [{"ja": "この手引きは netkit new lesson が作った下書きです。授業に合わせて書きかえてください。",
              "en": "This guide is a draft made by netkit new lesson; adapt it to your class."}]
    if help_desks:
        notes.append({"ja": "クラスに、いま実際に書かれている生徒がいるかもしれません。実際の出来事や名前を例に出さず、授業の最後は必ず相談窓口で終えてください。",
                      "en": "A student in the class may be a target right now. Never use real incidents or names, and always end with the help desks."})
    doc = {"schema_version": 1, "lesson": lesson_id, "title_ja": title_ja, **({"title_en": title_en} if title_en else {}),
           "audience": spec.audience, "minutes": m, "aims": aims, "timing": timing, "questions": questions, "notes": notes}
    return "# netkit new lesson が作った手引きの下書きです。/ Draft guide made by netkit new lesson.\n" + _yaml(doc)


def _answer_text(question, lang: str) -> list[str]:
    return [question.choices[i].text.get(lang) for i in question.answer]
