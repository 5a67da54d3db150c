"""The teacher's page after a misinformation lesson and its booster: when each class is due, the discernment
test's one sentence, and right after the lesson beside weeks later, from answers in the store."""

from __future__ import annotations

import html
import http.cookiejar
import random
import re
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

import pytest

from kit.content.discernment import load_discernment
from kit.store import Answer, open_store
from tests.served import REPO, Server

PASSCODE = "booster-7-pass"
FEED = load_discernment(REPO / "datasets" / "discernment" / "everyday.yaml")


def _judgments(store, lesson, phase, form, klass, when, right, students=12, seed=5):
    rng = random.Random(seed)
    for s in range(students):
        for post in FEED.form(form):
            ok = rng.random() < right(post)
            store.record(Answer(lesson, FEED.item(post), (0 if ok == post.truth else 1,), ok, phase, f"{klass}-{s}",
                                str(s + 1), klass, when.isoformat(), "discernment/everyday.yaml"))


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("results")
    store = open_store(data / "results.sqlite3")
    now = datetime.now(timezone.utc)
    weeks_ago = now - timedelta(days=20)
    # 5-1 took the lesson 20 days ago: guessing before, telling apart after; then the booster, today, a little worse
    _judgments(store, "misinformation-es56", "pre", "a", "5-1", weeks_ago - timedelta(hours=1), lambda p: 0.5)
    _judgments(store, "misinformation-es56", "post", "b", "5-1", weeks_ago, lambda p: 0.9)
    # 5-2 took it 3 days ago and after the lesson simply called everything suspicious
    _judgments(store, "misinformation-es56", "pre", "a", "5-2", now - timedelta(days=3, hours=1), lambda p: 0.6)
    _judgments(store, "misinformation-es56", "post", "b", "5-2", now - timedelta(days=3),
               lambda p: 0.15 if p.truth else 0.95)
    _judgments(store, "misinformation-booster", "delayed", "c", "5-1", now - timedelta(days=100), lambda p: 0.8, seed=6)
    store.close()
    srv = Server(REPO, data, ["--teacher-passcode", PASSCODE])
    yield srv
    srv.stop()


def teacher(srv):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(srv.url + "teacher/login").read().decode()
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', form).group(1)
    opener.open(urllib.request.Request(srv.url + "teacher/login", data=urllib.parse.urlencode(
        {"_xsrf": xsrf, "passcode": PASSCODE, "next": "/teacher/"}).encode()))
    return opener, xsrf


def read(opener, url):
    return opener.open(url).read().decode()


def test_the_dashboard_says_which_class_is_due_for_its_booster(served):
    opener, _ = teacher(served)
    page = html.unescape(read(opener, served.url + "teacher/"))
    section = page[page.index('id="nk-boosters"'):]
    rows = re.findall(r'<tr class="nk-booster-(\w+)"><td>([^<]+)</td><td>([^<]+)</td>', section)
    # the booster answers of 5-1 are older than its lesson, so they do not count as done
    assert rows == [("due", "5-1", "偽・誤情報"), ("early", "5-2", "偽・誤情報")]
    assert "まだ早い（あと 11 日）" in section


def test_a_class_that_only_doubts_more_is_told_so_in_one_sentence(served):
    opener, _ = teacher(served)
    page = html.unescape(read(opener, served.url + "teacher/?class=5-2&lesson=misinformation-es56"))
    part = page[page.index('id="nk-discern"'):]
    headline = re.search(r'<p class="nk-verdict nk-discern-headline">([^<]+)</p>', part).group(1)
    assert headline.startswith("クラスは見分けるのがうまくなったのではなく、何でも「あやしい」と答えるようになっただけ")
    good = html.unescape(read(opener, served.url + "teacher/?class=5-1&lesson=misinformation-es56&lang=en"))
    assert "The class got better at telling true posts from false ones" in good


def test_the_booster_page_shows_right_after_beside_weeks_later(served):
    opener, _ = teacher(served)
    page = html.unescape(read(opener, served.url + "teacher/?class=5-1&lesson=misinformation-booster"))
    part = page[page.index('id="nk-kept"'):]
    assert "授業の直後（事後）" in part and "数週間後（ブースター）" in part
    assert re.search(r"<td>見分ける力 d′</td><td>[0-9.]+（", part)
    assert "見分ける力" in re.search(r'<p class="nk-verdict">([^<]+)</p>', part).group(1)
    assert 'id="nk-discern"' not in page  # a booster's delayed test is not read as pre → post
