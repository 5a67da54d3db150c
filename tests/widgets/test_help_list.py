"""HelpList: the desks for the audience, with contact, hours and checked date, sent as plain text."""

from __future__ import annotations

from kit.content.help import HelpDesk
from kit.content.text import Text
from kit.widgets.help_list import HelpList

CHILD = HelpDesk(id="child", name=Text("子どもの人権110番", "Children's Rights 110"), purpose=Text("相談", "talk"),
                 contact="0120-007-110", wants=("talk",), checked="2026-04-01", source="moj", hours=Text("平日", "weekdays"),
                 audience=("children",))
ADULT = HelpDesk(id="adult", name=Text("<b>大人</b>", "Adults"), purpose=Text("相談", "talk"), contact="0570-003-110",
                 wants=("talk",), checked="2026-04-01", source="moj", audience=("adults",))


def test_only_the_audiences_desks_are_shown_with_their_contact_and_date():
    shown = HelpList([CHILD, ADULT], audience="children")
    assert [d.id for d in shown.desks] == ["child"]
    assert shown.shown == [{"name": "子どもの人権110番", "purpose": "相談", "contact": "0120-007-110", "hours": "平日",
                            "checked": "2026-04-01"}]
    assert shown.labels["help_checked"] == "確認日"


def test_english_and_names_stay_text():
    shown = HelpList([CHILD, ADULT], lang="en", audience="adults")
    assert shown.shown[0]["name"] == "Adults" and shown.labels["help_title"] == "Where to get help"
    assert HelpList([ADULT], audience="adults").shown[0]["name"] == "<b>大人</b>"  # the browser draws it as text
