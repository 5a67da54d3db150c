"""SectionView (kit/widgets/fact_card.py): heading and body with readings when furigana is on, hand readings honoured, fact cards below."""

from kit.content.lesson_text import Section
from kit.content.text import Text
from kit.widgets.fact_card import SectionView


def markdown_of(view) -> str:
    return view.children[0].outputs[0]["data"]["text/markdown"]


def test_heading_and_body_get_furigana_for_young_readers():
    section = Section(id="s", heading=Text("相手の顔", "Faces"), body=Text("言葉は心にとどく", "Words reach hearts"))
    shown = markdown_of(SectionView(section, {}, furigana=True))
    heading = shown.split("\n\n")[0]
    assert heading.startswith("### ") and "<rt>あいて</rt>" in heading and "<rt>かお</rt>" in heading
    assert "<rt>ことば</rt>" in shown


def test_without_furigana_the_heading_is_escaped_text():
    section = Section(id="s", heading=Text("<b>相手</b>", "x"), body=Text("本文", "body"))
    shown = markdown_of(SectionView(section, {}))
    assert shown.startswith("### &lt;b&gt;相手&lt;/b&gt;") and "<rt>" not in shown


def test_lesson_sections_honour_hand_readings():
    section = Section("s", Text("見出し"), Text("**｜誹謗中傷《ひぼうちゅうしょう》**はいけない"))
    view = SectionView(section, {}, lang="ja", furigana=False)
    shown = str(view.children[0].outputs)
    assert "誹謗中傷" in shown and "《" not in shown and "ひぼうちゅうしょう" not in shown
    view = SectionView(section, {}, lang="ja", furigana=True)
    assert "<rt>ひぼうちゅうしょう</rt>" in str(view.children[0].outputs)
