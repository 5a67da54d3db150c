"""Write the three starter lesson notebooks (run once; teachers then edit the notebooks)."""

from pathlib import Path

import nbformat

from kit.authoring.notes import teacher_note_cell

LESSONS = {
    "defamation/basics.ipynb": dict(
        id="defamation-basics", topic="defamation", bank="quizzes/defamation_basics.csv",
        text="texts/defamation_basics.yaml", help=True,
        title_ja="誹謗中傷 — 書く前に考えよう", title_en="Online abuse — think before you post",
        summary_ja="どんな書き込みが人を傷つけ、法律に触れるのか。困ったときの相談先も。",
        summary_en="Which posts hurt people and break the law, and where to get help."),
    "misinformation/basics.ipynb": dict(
        id="misinformation-basics", topic="misinformation", bank="quizzes/misinformation_basics.yaml",
        text="texts/misinformation_basics.yaml", help=False,
        title_ja="偽・誤情報 — ちょっと待って、本当かな？", title_en="Misinformation — wait, is it true?",
        summary_ja="うわさはなぜ広がるのか。広める前に確かめる方法。",
        summary_en="Why rumours spread, and how to check before you share."),
    "piracy/basics.ipynb": dict(
        id="piracy-basics", topic="piracy", bank="quizzes/piracy_basics.csv",
        text="texts/piracy_basics.yaml", help=False,
        title_ja="海賊版 — 作品と作者を守る", title_en="Piracy — protecting works and their creators",
        summary_ja="2021年からのダウンロードのルールと、海賊版が作者にもたらすもの。",
        summary_en="The download rule since 2021, and what piracy does to creators."),
}


def notebook(spec: dict) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["netkit"] = {
        "id": spec["id"], "topic": spec["topic"], "audience": "中学生", "minutes": 15,
        "title_ja": spec["title_ja"], "title_en": spec["title_en"],
        "summary_ja": spec["summary_ja"], "summary_en": spec["summary_en"],
    }
    cells = [
        teacher_note_cell(
            "この授業の文章は datasets/texts、問題は datasets/quizzes にあります。"
            "直したら `netkit validate` で確かめてください。"),
        nbformat.v4.new_code_cell(f'from kit.lesson import Lesson\n\nlesson = Lesson("{spec["id"]}")'),
        nbformat.v4.new_code_cell(f'lesson.title("{spec["text"]}")'),
        nbformat.v4.new_code_cell(f'# はじめに: いまの考えを確かめる（事前テスト）\nlesson.quiz("{spec["bank"]}", group="pre", phase="pre")'),
        nbformat.v4.new_code_cell(f'# 説明\nlesson.sections("{spec["text"]}")'),
        nbformat.v4.new_code_cell(f'# まとめ: 学んだことを確かめる（事後テスト）\nlesson.quiz("{spec["bank"]}", group="post", phase="post")'),
    ]
    if spec["help"]:
        cells.append(nbformat.v4.new_code_cell("# 困ったときの相談先（誹謗中傷の授業は必ずこれで終わる）\nlesson.help_router()"))
    nb.cells = cells
    return nb


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent / "lessons"
    for rel, spec in LESSONS.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook(spec), path)
        print("wrote", path)
