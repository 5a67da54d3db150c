"""Write the four 偽・誤情報 lessons (小5-6, 中学生, 高校生, 保護者・教職員); teachers then edit the notebooks.

Each lesson is one class period: a pre-quiz, explanation sections, the 「本当かな？」 timeline, the
spread lab where the model shows how choices like the class's spread, and a post-quiz. The words
live in datasets/ (texts, quizzes, timelines, guides); the notebooks only name them.
"""

from pathlib import Path

import nbformat

from kit.authoring.notes import teacher_note_cell

TIMELINE = "timelines/disaster_night.yaml"
LEVELS = "quizzes/misinformation_levels.yaml"

LESSONS = {
    "es56": dict(
        audience="小5-6", minutes=45, furigana=True,
        title_ja="「本当かな？」— 地震の夜のうわさ", title_en="\"Is it true?\" — rumours on the night of an earthquake",
        summary_ja="地震の夜のタイムラインで、シェア・確かめる・スルーを選ぶ。横読みで確かめる方法と、シェアが広がるしくみ。",
        summary_en="Choose share, check or scroll past on a timeline after an earthquake; learn to check sideways and see how shares spread.",
        cells=[
            ("title", "texts/misinformation_es56.yaml"),
            ("quiz-pre", LEVELS, "es56-pre"),
            ("section", "texts/misinformation_es56.yaml", "lion"),
            ("section", "texts/misinformation_es56.yaml", "how-to-check"),
            ("timeline", TIMELINE, ["city-shelter", "lion", "water", "health", "ai-dam", "factcheck"]),
            ("spread",),
            ("section", "texts/misinformation_es56.yaml", "promise"),
            ("quiz-post", LEVELS, "es56-post"),
        ]),
    "jh": dict(
        audience="中学生", minutes=50, furigana=False,
        title_ja="偽・誤情報 — 広める前に「ちょっと待って」", title_en="Misinformation — stop and check before you share",
        summary_ja="地震の夜のタイムラインで、うそ・本当・切り取り・AI画像を見分ける。自分たちの選び方がどう広がるかをモデルで見る。",
        summary_en="Tell false, true, clipped and AI-made posts apart on a timeline, then see in a model how choices like the class's spread.",
        cells=[
            ("title", "texts/misinformation_basics.yaml"),
            ("quiz-pre", "quizzes/misinformation_basics.yaml", "pre"),
            ("section", "texts/misinformation_basics.yaml", "intro"),
            ("section", "texts/misinformation_basics.yaml", "why-we-share"),
            ("section", "texts/misinformation_basics.yaml", "checklist"),
            ("timeline", TIMELINE, None),
            ("spread",),
            ("section", "texts/misinformation_basics.yaml", "pause"),
            ("quiz-post", "quizzes/misinformation_basics.yaml", "post"),
        ]),
    "hs": dict(
        audience="高校生", minutes=50, furigana=False,
        title_ja="うそは本当より速く広まる？ — 研究をモデルで確かめる", title_en="Does falsehood outrun truth? — testing the research in a model",
        summary_ja="Vosoughiら（Science 2018）の結果をクラスの実験としてモデルで再現し、Juul・Ugander（PNAS 2021）の反論で問い直す。",
        summary_en="Reproduce Vosoughi et al. (Science 2018) as a class experiment in the model, then question it with Juul & Ugander (PNAS 2021).",
        cells=[
            ("title", "texts/misinformation_hs.yaml"),
            ("quiz-pre", LEVELS, "hs-pre"),
            ("section", "texts/misinformation_hs.yaml", "finding"),
            ("timeline", TIMELINE, ["lion", "city-shelter", "clip", "ai-dam", "factcheck"]),
            ("section", "texts/misinformation_hs.yaml", "experiment"),
            ("spread",),
            ("cascade-lab",),
            ("section", "texts/misinformation_hs.yaml", "counterpoint"),
            ("section", "texts/misinformation_hs.yaml", "so-what"),
            ("quiz-post", LEVELS, "hs-post"),
        ]),
    "adult": dict(
        audience="保護者・教職員", minutes=45, furigana=False,
        title_ja="子どもと偽・誤情報 — 大人ができること", title_en="Children and misinformation — what adults can do",
        summary_ja="子どもと同じタイムラインを体験し、調査の数字から実態を知る。家庭での話し方と、学校の取り組み。",
        summary_en="Play the children's timeline, see what surveys show, and learn how to talk with children and what the school does.",
        cells=[
            ("title", "texts/misinformation_adult.yaml"),
            ("quiz-pre", LEVELS, "adult-pre"),
            ("section", "texts/misinformation_adult.yaml", "what-children-meet"),
            ("timeline", TIMELINE, ["lion", "city-shelter", "health", "clip", "ai-dam"]),
            ("spread",),
            ("section", "texts/misinformation_adult.yaml", "talking"),
            ("section", "texts/misinformation_adult.yaml", "school"),
            ("quiz-post", LEVELS, "adult-post"),
            ("help", "adults"),
        ]),
}

SPREAD_AVAILABLE = True  # kit.models.spread is on main


def code_for(cell: tuple) -> str | None:
    kind = cell[0]
    if kind == "title":
        return f'lesson.title("{cell[1]}")'
    if kind == "quiz-pre":
        return f'# はじめに: いまの考えを確かめる（事前テスト）\nlesson.quiz("{cell[1]}", group="{cell[2]}", phase="pre")'
    if kind == "quiz-post":
        return f'# まとめ: 学んだことを確かめる（事後テスト）\nlesson.quiz("{cell[1]}", group="{cell[2]}", phase="post")'
    if kind == "section":
        return f'lesson.section("{cell[1]}", "{cell[2]}")'
    if kind == "timeline":
        posts = "" if cell[2] is None else ", posts=[" + ", ".join(f'"{p}"' for p in cell[2]) + "]"
        return f'# 「本当かな？」タイムライン: 投稿ごとに シェア・確かめる・スルー を選ぶ\nlesson.timeline("{cell[1]}"{posts})'
    if kind == "cascade-lab":
        return "# クラスの実験: うその話と本当の話を200回ずつ広めて、そのまま・同じ大きさどうしで比べる\nlesson.cascade_lab()"
    if kind == "help":
        return f'# 困ったときの相談先\nlesson.help(audience="{cell[1]}")'
    if kind == "spread":
        if not SPREAD_AVAILABLE:
            return None
        return f'# わたしたちの選び方だと、うわさはどこまで広まる？（タイムラインのシェア率を広まり方のモデルに入れる）\nlesson.timeline_spread("{TIMELINE}")'
    raise ValueError(kind)


def notebook(slug: str, spec: dict) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["netkit"] = {
        "id": f"misinformation-{slug}", "topic": "misinformation", "audience": spec["audience"],
        "minutes": spec["minutes"], "title_ja": spec["title_ja"], "title_en": spec["title_en"],
        "summary_ja": spec["summary_ja"], "summary_en": spec["summary_en"],
    }
    furigana = ", furigana=True" if spec["furigana"] else ""
    cells = [
        teacher_note_cell(
            f"授業の進め方は datasets/guides/misinformation-{slug}.yaml、文章は datasets/texts、"
            "問題は datasets/quizzes、タイムラインは datasets/timelines にあります。直したら `netkit validate` で確かめてください。"),
        nbformat.v4.new_code_cell(f'from kit.lesson import Lesson\n\nlesson = Lesson("misinformation-{slug}"{furigana})'),
    ]
    for cell in spec["cells"]:
        code = code_for(cell)
        if code is not None:
            cells.append(nbformat.v4.new_code_cell(code))
    nb.cells = cells
    return nb


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent / "lessons" / "misinformation"
    root.mkdir(parents=True, exist_ok=True)
    for slug, spec in LESSONS.items():
        path = root / f"{slug}.ipynb"
        nbformat.write(notebook(slug, spec), path)
        print("wrote", path)
