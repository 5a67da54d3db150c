"""The students' link on the teacher's page: a QR code only when students' devices can open the link.

A server on the classroom network (``netkit serve``, ``--host 0.0.0.0``) shows its link and QR codes as
before; one that listens on 127.0.0.1 alone shows no QR code and no student link, only why and the command
that serves the class, and this computer's link for the teacher. The page is rendered here from its template
with a LAN address, which a test server (always on 127.0.0.1) cannot have.
"""

from __future__ import annotations

import re

import jinja2
import pytest

from kit.serve.hub import PASSCODE_TEACHER
from kit.serve.teacher import student_link_view
from kit.text.ui import labels

LAN = "http://192.168.1.20:8866/"
LOOPBACK = "http://127.0.0.1:8866/"


def render(view: dict, problem: str, lang: str = "ja", link_class: str = "2-3") -> str:
    from pathlib import Path

    import kit

    folder = Path(kit.__file__).parent / "serve/jupyter/voila/templates/netkit"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True)
    return env.get_template("teacher.html.j2").render(
        L=labels(lang), lang=lang, base_url="/", static_url="/static/", summary=[], class_code=None, lesson=None,
        report=None, lesson_title=None, merged={}, link_class=link_class, quote=lambda v: v, boosters=[],
        link_problem=problem, today=[], xsrf="", district=False, teacher=PASSCODE_TEACHER, mine=[], claimed="",
        taken="", published=[], **view)


def test_a_lan_address_gets_its_link_and_both_qr_codes():
    view = student_link_view(LAN, "", "2-3", "ja")
    assert view["student_url"] == LAN + "?class=2-3" and view["check_url"] == LAN + "check"
    assert view["student_qr"].startswith("<svg") and view["check_qr"].startswith("<svg")
    assert view["local_url"] == ""
    page = render(view, "")
    assert page.count('class="nk-qr"') == 2
    assert f'<p class="nk-link-text"><a href="{LAN}?class=2-3">' in page and f'href="{LAN}check"' in page
    assert labels("ja")["student_link_hint"] in page and "nk-link-problem" not in page and "nk-local-link" not in page


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_loopback_server_shows_no_qr_code_and_says_how_to_serve_the_class(lang):
    view = student_link_view(LOOPBACK, "loopback", "2-3", lang)
    assert (view["student_url"], view["student_qr"], view["check_url"], view["check_qr"]) == ("", "", "", "")
    assert view["local_url"] == LOOPBACK + "?class=2-3" and view["local_host"] == "127.0.0.1"
    page = render(view, "loopback", lang)
    assert "<svg" not in page and "nk-link-text" not in page and "nk-check-link" not in page
    assert labels(lang)["student_link_hint"] not in page  # "students scan the QR code" would be wrong here
    assert labels(lang)["student_link_class_button"] not in page  # no "Make the QR code" button
    form = re.search(r'<form method="get" class="nk-inline-form">.*?</form>', page, re.S).group(0)
    assert 'name="link_class" value="2-3"' in form and labels(lang)["student_link_class_local"] in form  # a class still goes in
    problem = re.search(r'<p class="nk-error nk-link-problem" role="note">([^<]+)</p>', page).group(1)
    assert "netkit serve" in problem and "--host 127.0.0.1" in problem and "--host 0.0.0.0" in problem
    assert problem.startswith("生徒の端末では" if lang == "ja" else "Students&#39; devices cannot open this address")
    assert f'<p class="nk-local-link">{labels(lang)["student_link_preview"]} <a href="{LOOPBACK}?class=2-3">' in page


def test_a_loopback_server_names_its_own_address():
    assert student_link_view("http://[::1]:9000/", "loopback", "", "en")["local_host"] == "::1"
    assert student_link_view("http://localhost:9000/", "loopback", "", "en")["local_url"] == "http://localhost:9000/"


def test_the_report_page_draws_no_qr_code_and_an_offline_server_has_no_link():
    assert student_link_view(LAN, "", "", "ja", with_qr=False)["student_qr"] == ""
    assert student_link_view("", "offline", "", "ja") == {"student_url": "", "student_qr": "", "check_url": "",
                                                           "check_qr": "", "local_url": "", "local_host": ""}
    assert "この PC はネットワーク" in render(student_link_view("", "offline", "", "ja"), "offline")
