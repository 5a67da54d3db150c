"""Write the five 誹謗中傷 lessons (小3-4, 小5-6, 中学生, 高校生, 保護者・教職員) as notebooks.

Each lesson is a list of steps; a step becomes one code cell with a short comment a teacher can
read. The notebooks are committed; run this again after changing a lesson here:

    python tools/make_defamation_lessons.py

Every lesson ends with where to get help. Teacher guides are in datasets/guides/<id>.yaml.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from kit.authoring.notes import teacher_note_cell

TEACHER_NOTE = (
    "この授業の文章は {text}、問題は {bank}、指導案（ねらい・時間配分・発問と答え）は "
    "datasets/guides/{id}.yaml にあります。直したら `netkit validate` で確かめてください。"
)


def section(sid: str, comment: str) -> tuple[str, str]:
    return ("section", sid, comment)


def code(source: str, comment: str) -> tuple[str, str, str]:
    return ("code", source, comment)


CHECKER = code("lesson.post_checker()", "送る前に、ちょっと待って: 書いた文を確かめる（書いた文は保存されません）")


def available(source: str) -> bool:
    """Whether every ``lesson.<method>`` the cell calls exists in this kit (components land one by one)."""
    from kit.lesson import Lesson

    return all(hasattr(Lesson, name) for name in re.findall(r"\blesson\.([a-z_]+)\(", source))


LESSONS: dict[str, dict] = {
    "es34": dict(
        audience="小3-4", minutes=45, furigana=True, help_audience="children",
        title_ja="ネットのことば — 送る前に、ちょっと待って",
        title_en="Words online — wait a moment before you send",
        summary_ja="顔が見えないネットの言葉が、どう相手にとどくか。見ている人にできることと、こまったときの相談先。",
        summary_en="How words online reach people you can't see, what watchers can do, and where to get help.",
        steps=[
            section("intro", "顔が見えないと、どうなる？"),
            code('lesson.scenario("scenarios/group_chat.yaml")', "ロールプレイ: クラスのグループトークで（役を選んで進める）"),
            section("scene", "ふりかえろう: 3人の気持ち"),
            section("before-send", "送る前に、ちょっと待って"),
            CHECKER,
            section("bystander", "見ている人にできること"),
        ],
    ),
    "es56": dict(
        audience="小5-6", minutes=45, furigana=True, help_audience="children",
        title_ja="その書きこみ、だれかを傷つけていない？",
        title_en="Could that post be hurting someone?",
        summary_ja="写真についた一言から考える誹謗中傷。広がって消えにくいこと、匿名でも特定されることがあること、見ている人にできること。",
        summary_en="Online abuse through a comment on a photo: posts spread, anonymous writers can be identified, and what bystanders can do.",
        steps=[
            section("intro", "誹謗中傷って、なに？"),
            code('lesson.scenario("scenarios/photo_post.yaml")', "ロールプレイ: 修学旅行の写真（役を選んで進める）"),
            section("scene", "ふりかえろう: 写真をのせる前と、のせたあと"),
            section("spread", "広がって、消えにくい・匿名でも特定されることがある"),
            section("law", "法律でも許されない"),
            section("before-send", "送る前に、ちょっと待って"),
            CHECKER,
            section("bystander", "見ている人にできること"),
        ],
    ),
    "jh": dict(
        audience="中学生", minutes=50, furigana=False, help_audience="children",
        title_ja="「1回だけ」が集まると — 誹謗中傷と炎上",
        title_en="When \"just once\" adds up — online abuse and pile-ons",
        summary_ja="グループチャットののっかり、炎上、なりすまし。名誉毀損と侮辱（親告罪・少年は家庭裁判所）、匿名でも特定されることがあるしくみ、見ている人にできること。",
        summary_en="Group-chat pile-ons, flaming and impersonation; defamation and insult law, how anonymous writers are found, and what bystanders can do.",
        steps=[
            section("intro", "書く人・書かれる人・見ている人"),
            code('lesson.scenario("scenarios/group_chat.yaml")', "ロールプレイ: クラスのグループトークで（役を選んで進める）"),
            section("pile-on", "グループチャットで起きること"),
            section("flaming", "炎上のしくみ"),
            code("lesson.flaming_lab()", "（省略可）炎上ラボ: 反応する人の割合や通報で、広がり方がどう変わるか（数はモデルの例）"),
            section("impersonation", "（省略可）なりすましアカウント"),
            section("law", "法律では — 名誉毀損と侮辱"),
            code('lesson.law_card("defamation", "insult")', "法律カード: 名誉毀損罪と侮辱罪"),
            section("anonymous", "匿名でも、書いた人が特定されることがある"),
            code("lesson.law_walk()", "（省略可）匿名でも特定されることがある: 発信者情報開示命令と7日ルールを一歩ずつ"),
            section("before-send", "送る前に、ちょっと待って"),
            CHECKER,
            section("bystander", "見ている人にできること"),
        ],
    ),
    "hs": dict(
        audience="高校生", minutes=50, furigana=False, help_audience="children",
        title_ja="批判と誹謗中傷のあいだ — 法律と開示のしくみ",
        title_en="Between criticism and abuse — the law and how writers are identified",
        summary_ja="有名人への返信から考える批判と誹謗中傷の違い。名誉毀損・侮辱（拘禁刑）、損害賠償、発信者情報開示命令、7日ルール。",
        summary_en="Criticism versus abuse through replies to a celebrity; defamation and insult, damages, disclosure orders and the 7-day rule.",
        steps=[
            section("data", "数字で見る、ネットの誹謗中傷"),
            section("scene", "考えてみよう: 有名人への返信"),
            code('lesson.scenario("scenarios/celebrity_replies.yaml")', "ロールプレイ: 番組のあとの返信欄（役を選んで進める）"),
            section("criticism", "批判と誹謗中傷は、どこが違う？"),
            section("law", "刑事の責任"),
            code('lesson.law_card("defamation", "insult")', "法律カード: 名誉毀損罪と侮辱罪"),
            section("why-2022", "（省略可）2022年の改正の背景（亡くなった方に触れる節。指導案の注意を読み、省いてもよい）"),
            section("civil", "民事の責任"),
            code('lesson.law_card("civil-damages")', "法律カード: 損害賠償"),
            section("disclosure", "匿名の投稿者は、どうやってわかるのか"),
            code("lesson.law_walk()", "（省略可）匿名でも特定されることがある: 発信者情報開示命令と7日ルールを一歩ずつ"),
            section("platforms", "（省略可）サイトに削除を求める — 7日ルール"),
            code("lesson.flaming_lab()", "（省略可）炎上ラボ: 大勢の中の一言の重さ（数はモデルの例）"),
            section("before-send", "投稿する前の4つの問い"),
            CHECKER,
            section("bystander", "見ている人にできること"),
        ],
    ),
    "adult": dict(
        audience="保護者・教職員", minutes=50, furigana=False, help_audience="adults",
        title_ja="子どもをネットの誹謗中傷から守る — 気づく・話す・対応する",
        title_en="Protecting children from online abuse — notice, talk, respond",
        summary_ja="保護者・教職員向け。サインに気づく、責めずに話を聞く、証拠・削除・開示・相談先で対応する。学校での対応の流れも。",
        summary_en="For parents and staff: notice the signs, listen without blaming, respond with evidence, removal, disclosure and help desks; how schools respond.",
        steps=[
            section("data", "いま、何が起きているか"),
            code('lesson.scenario("scenarios/fake_account.yaml")', "子どもの目線で体験する: にせものの「みずき」（なりすまされた子の役から）"),
            section("scene", "ふりかえり: 子どもの目線で"),
            section("flaming", "炎上と「のっかり」のしくみ"),
            code("lesson.flaming_lab()", "炎上ラボ: 小さな反応が重なると（数はモデルの例）"),
            code("lesson.post_checker()", "子どもが使う「送る前に、ちょっと待って」を体験する（書いた文は保存されません）"),
            section("notice", "気づく"),
            section("talk", "話す"),
            section("respond", "対応する — 証拠、削除、開示、相談"),
            code("lesson.law_walk()", "匿名でも特定されることがある: 発信者情報開示命令と7日ルールを一歩ずつ"),
            section("school", "学校での対応の流れ（教職員向け）"),
        ],
    ),
}


def notebook(slug: str, spec: dict) -> nbformat.NotebookNode:
    lesson_id = f"defamation-{slug}"
    bank = f"quizzes/defamation_{slug}.yaml"
    text = f"texts/defamation_{slug}.yaml"
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["netkit"] = {
        "id": lesson_id, "topic": "defamation", "audience": spec["audience"], "minutes": spec["minutes"],
        "title_ja": spec["title_ja"], "title_en": spec["title_en"],
        "summary_ja": spec["summary_ja"], "summary_en": spec["summary_en"],
    }
    furigana = ", furigana=True" if spec.get("furigana") else ""
    cells = [
        teacher_note_cell(TEACHER_NOTE.format(text=f"datasets/{text}", bank=f"datasets/{bank}", id=lesson_id)),
        nbformat.v4.new_code_cell(f'from kit.lesson import Lesson\n\nlesson = Lesson("{lesson_id}"{furigana})'),
        nbformat.v4.new_code_cell(f'lesson.title("{text}")'),
        nbformat.v4.new_code_cell(f'# はじめに: いまの考えを確かめる（事前テスト）\nlesson.quiz("{bank}", group="pre", phase="pre")'),
    ]
    for kind, value, comment in spec["steps"]:
        if kind == "section":
            source = f'# {comment}\nlesson.section("{text}", "{value}")'
        elif available(value):
            source = f"# {comment}\n{value}"
        else:
            continue  # that component has not landed in this kit yet; run this again when it has
        cells.append(nbformat.v4.new_code_cell(source))
    cells.append(nbformat.v4.new_code_cell(
        f'# まとめ: 学んだことを確かめる（事後テスト）\nlesson.quiz("{bank}", group="post", phase="post")'))
    cells.append(nbformat.v4.new_code_cell(f'# こまったときは（文章）\nlesson.section("{text}", "help")'))
    audience = spec["help_audience"]
    arg = "" if audience == "children" else f'audience="{audience}"'
    end = "help_router" if available("lesson.help_router()") else "help"
    cells.append(nbformat.v4.new_code_cell(
        f"# 困ったときの相談先（誹謗中傷の授業は必ずこれで終わる）\nlesson.{end}({arg})"))
    for number, cell in enumerate(cells):
        cell["id"] = f"{slug}-{number:02d}"  # stable ids: regenerating changes only what changed
    nb.cells = cells
    return nb


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent / "lessons" / "defamation"
    root.mkdir(parents=True, exist_ok=True)
    for slug, spec in LESSONS.items():
        path = root / f"{slug}.ipynb"
        nbformat.write(notebook(slug, spec), path)
        print("wrote", path)
