"""Write the four piracy lessons (小5-6, 中学生, 高校生, 保護者・教職員) as thin notebooks.

Run once after changing the plan below; teachers then edit the notebooks. Each lesson names its
content only: texts, quiz bank, the law file, the models and the scenario. The teacher guides are
``datasets/guides/<lesson id>.yaml``.
"""

from pathlib import Path

import nbformat

from kit.authoring.notes import teacher_note_cell

LAW = "law_rules/download_rule.yaml"
ESTIMATES = "estimates/piracy_losses.yaml"

# Each step is one code cell: (comment, code). {text} and {bank} name the lesson's files.
LESSONS = {
    "piracy/es56.ipynb": dict(
        id="piracy-es56", audience="小5-6", minutes=45, furigana=True,
        text="texts/piracy_es56.yaml", bank="quizzes/piracy_es56.yaml",
        title_ja="海賊版ってなに？ — 作品と作る人を守ろう", title_en="What is piracy? — Protect works and their makers",
        summary_ja="ルールチェッカーで予想して確かめ、作る人にお金がとどくしくみを考える。", summary_en="Predict and check cases with the rule checker, and see how money reaches the makers.",
        steps=[
            ("はじめに: いまの考えを確かめる（事前テスト）", 'lesson.quiz("{bank}", group="pre", phase="pre")'),
            ("海賊版ってなに？", 'lesson.section("{text}", "intro")'),
            ("ダウンロードのルール", 'lesson.section("{text}", "rule")'),
            ("ルールチェッカー: 予想してから確かめる", f'lesson.download_rule_checker("{LAW}")'),
            ("作る人にお金がとどかないと？", 'lesson.section("{text}", "money")'),
            ("マンガ1巻の収入シミュレーター", "lesson.creator_income()"),
            ("「見るだけ」でも、あぶない", 'lesson.section("{text}", "safety")'),
            ("場面で考える: 友だちから届いたリンク", 'lesson.scenario("scenarios/piracy_free_manga_link.yaml")'),
            ("まとめ: 学んだことを確かめる（事後テスト）", 'lesson.quiz("{bank}", group="post", phase="post")'),
            ("困ったときの相談先", "lesson.help()"),
        ]),
    "piracy/jh.ipynb": dict(
        id="piracy-jh", audience="中学生", minutes=50, furigana=False,
        text="texts/piracy_jh.yaml", bank="quizzes/piracy_jh.yaml",
        title_ja="海賊版とネットのルール — 予想して、確かめよう", title_en="Piracy and the rules online — predict, then check",
        summary_ja="ダウンロード・見るだけ・アップロード・リンク。違法と犯罪のちがいを、ケースで確かめる。",
        summary_en="Downloading, watching, uploading, linking: tell illegal from criminal, case by case.",
        steps=[
            ("はじめに: いまの考えを確かめる（事前テスト）", 'lesson.quiz("{bank}", group="pre", phase="pre")'),
            ("この時間にすること", 'lesson.section("{text}", "intro")'),
            ("ダウンロードのルール", 'lesson.section("texts/piracy_basics.yaml", "download")'),
            ("ルールの対象にならないもの", 'lesson.section("texts/piracy_basics.yaml", "not-covered")'),
            ("アップロードとリンク", 'lesson.section("texts/piracy_basics.yaml", "upload")'),
            ("ルールチェッカーで確かめよう", 'lesson.section("{text}", "checker")'),
            ("ルールチェッカー", f'lesson.download_rule_checker("{LAW}")'),
            ("「見るだけ」は抜け道じゃない", 'lesson.section("texts/piracy_basics.yaml", "streaming")'),
            ("作者の収入と次の巻", 'lesson.section("{text}", "income")'),
            ("マンガ1巻の収入シミュレーター", "lesson.creator_income()"),
            ("正しく使う・正規版を選ぶ（引用とABJマーク）", 'lesson.section("{text}", "quote-and-abj")'),
            ("場面で考える: 友だちから届いたリンク", 'lesson.scenario("scenarios/piracy_free_manga_link.yaml")'),
            ("まとめ: 学んだことを確かめる（事後テスト）", 'lesson.quiz("{bank}", group="post", phase="post")'),
            ("困ったときの相談先", "lesson.help()"),
        ]),
    "piracy/hs.ipynb": dict(
        id="piracy-hs", audience="高校生", minutes=50, furigana=False,
        text="texts/piracy_hs.yaml", bank="quizzes/piracy_hs.yaml",
        title_ja="海賊版 — 法律のしくみと、被害額の推計を読む", title_en="Piracy — how the law works, and how to read loss estimates",
        summary_ja="改正著作権法のしくみをケースで確かめ、被害額の推計の仮定を動かして考える。",
        summary_en="Check the amended Copyright Act case by case, and move the assumptions behind loss estimates.",
        steps=[
            ("はじめに: いまの考えを確かめる（事前テスト）", 'lesson.quiz("{bank}", group="pre", phase="pre")'),
            ("2020年の著作権法改正のしくみ", 'lesson.section("{text}", "law")'),
            ("ルールチェッカー: 予想してから確かめる", f'lesson.download_rule_checker("{LAW}")'),
            ("被害額は「推計」", 'lesson.section("{text}", "estimate")'),
            ("推計エクスプローラー", f'lesson.estimate_explorer("{ESTIMATES}")'),
            ("作る人の側から見ると", 'lesson.section("{text}", "creators")'),
            ("マンガ1巻の収入シミュレーター", "lesson.creator_income()"),
            ("場面で考える: 買った音楽と、撮影したページ", 'lesson.scenario("scenarios/piracy_upload_bought_music.yaml")'),
            ("まとめ: 学んだことを確かめる（事後テスト）", 'lesson.quiz("{bank}", group="post", phase="post")'),
        ]),
    "piracy/adult.ipynb": dict(
        id="piracy-adult", audience="保護者・教職員", minutes=45, furigana=False,
        text="texts/piracy_adult.yaml", bank="quizzes/piracy_adult.yaml",
        title_ja="子どもと海賊版 — 2026年のルールと話し方", title_en="Children and piracy — the 2026 rules and how to talk about them",
        summary_ja="保護者会・校内研修用。子どもが出会う場面をルールチェッカーで確かめ、数字の伝え方と声かけを考える。",
        summary_en="For parents' meetings and staff training: check the situations children meet, and how to present numbers and talk.",
        steps=[
            ("はじめに: いまの理解を確かめる（事前テスト）", 'lesson.quiz("{bank}", group="pre", phase="pre")'),
            ("押さえておきたいルール", 'lesson.section("{text}", "rules")'),
            ("ルールチェッカー: 予想してから確かめる", f'lesson.download_rule_checker("{LAW}")'),
            ("子どもが出会いやすい場面", 'lesson.section("{text}", "children")'),
            ("場面で考える: 子どもに届いたリンク", 'lesson.scenario("scenarios/piracy_free_manga_link.yaml")'),
            ("数字の伝え方", 'lesson.section("{text}", "numbers")'),
            ("推計エクスプローラー", f'lesson.estimate_explorer("{ESTIMATES}")'),
            ("家庭・学級での声かけ", 'lesson.section("{text}", "home")'),
            ("まとめ（事後テスト）", 'lesson.quiz("{bank}", group="post", phase="post")'),
            ("相談先", 'lesson.help(audience="adults")'),
        ]),
}


def notebook(spec: dict, with_scenarios: bool = True) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["netkit"] = {
        "id": spec["id"], "topic": "piracy", "audience": spec["audience"], "minutes": spec["minutes"],
        "title_ja": spec["title_ja"], "title_en": spec["title_en"],
        "summary_ja": spec["summary_ja"], "summary_en": spec["summary_en"],
    }
    furigana = ", furigana=True" if spec["furigana"] else ""
    cells = [
        teacher_note_cell(
            f"授業の進め方は datasets/guides/{spec['id']}.yaml、文章は {spec['text']}、問題は {spec['bank']}、"
            f"法律のルールは datasets/{LAW} にあります。直したら `netkit validate` で確かめてください。"),
        nbformat.v4.new_code_cell(f'from kit.lesson import Lesson\n\nlesson = Lesson("{spec["id"]}"{furigana})'),
        nbformat.v4.new_code_cell(f'lesson.title("{spec["text"]}")'),
    ]
    for comment, code in spec["steps"]:
        if "scenario(" in code and not with_scenarios:
            continue
        cells.append(nbformat.v4.new_code_cell(f"# {comment}\n" + code.format(text=spec["text"], bank=spec["bank"])))
    nb.cells = cells
    return nb


if __name__ == "__main__":
    import sys

    root = Path(__file__).resolve().parent.parent / "lessons"
    with_scenarios = "--no-scenarios" not in sys.argv
    for rel, spec in LESSONS.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook(spec, with_scenarios), path)
        print("wrote", path)
