"""HelpList: the desks for the audience, with contact, hours and checked date; readings in a lesson with furigana."""

from __future__ import annotations

from kit.content.help import HelpDesk
from kit.content.text import Text
from kit.text.ui import RUBY, label
from kit.widgets.help_list import HelpList

CHILD = HelpDesk(id="child", name=Text("子どもの人権110番", "Children's Rights 110"), purpose=Text("相談", "talk"),
                 contact="0120-007-110", wants=("talk",), checked="2026-04-01", source="moj", hours=Text("平日", "weekdays"),
                 audience=("children",))
ADULT = HelpDesk(id="adult", name=Text("<b>大人</b>", "Adults"), purpose=Text("相談", "talk"), contact="0570-003-110",
                 wants=("talk",), checked="2026-04-01", source="moj", audience=("adults",))


def test_only_the_audiences_desks_are_shown_with_their_contact_and_date():
    shown = HelpList([CHILD, ADULT], audience="children")
    assert [d.id for d in shown.desks] == ["child"]
    assert shown.shown == [{"id": "child", "name": "子どもの人権110番", "name_html": "子どもの人権110番", "for_html": "相談",
                            "contact": "0120-007-110", "contact_html": "0120-007-110", "tel": "0120007110",
                            "hours_html": "平日", "checked": "2026-04-01"}]
    assert shown.labels["help_checked"] == "確認日" and RUBY not in shown.labels


def test_english_and_names_stay_text():
    shown = HelpList([CHILD, ADULT], lang="en", audience="adults")
    assert shown.shown[0]["name_html"] == "Adults" and shown.labels["help_title"] == "Where to get help"
    assert HelpList([ADULT], audience="adults").shown[0]["name_html"] == "&lt;b&gt;大人&lt;/b&gt;"  # escaped: drawn as text


def test_with_furigana_the_desks_and_the_safety_sentence_have_readings():
    shown = HelpList([CHILD], furigana=True)
    desk = shown.shown[0]
    assert "<ruby>子<rp>(</rp><rt>こ</rt>" in desk["name_html"] and "<rt>そうだん</rt>" in desk["for_html"]
    assert "<rt>へいじつ</rt>" in desk["hours_html"] and desk["name"] == "子どもの人権110番"  # the plain name for a link
    note = shown.labels[RUBY][label("help_note", "ja")]
    assert "<rt>しんらい</rt>" in note and "<rt>いのち</rt>" in note  # 「…信頼できる大人や…命に関わるときや…」
    assert RUBY not in HelpList([CHILD], lang="en", furigana=True).labels  # English: no readings
