"""A district on one machine: JupyterHub + configurable-http-proxy + PostgreSQL + two netkit instances.

Two teachers sign in through the hub and make their classes theirs; two classes of 20 students
(websocket clients) and one Chromium student each take a quiz through ``netkit route``; mid-lesson
the instance serving one class is killed with SIGKILL, and its students go on from where they were on
the other instance. Every answer is stored once, every acknowledged answer is kept, a teacher sees
only their own classes (a hub admin sees both), and a student reaches no hub admin page, no
teacher's JupyterLab and no dashboard.

The tests run in order on one district (starting it takes about a minute on a loaded 2-core machine).
"""

from __future__ import annotations

import json
import re
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.district.hub import ADMIN, PASSWORD, District, require_district, sign_in
from tests.district.quiz_student import LESSON, QuizStudent
from tests.served import headless_chromium

pytestmark = pytest.mark.timeout(900)

LESSONS = Path(__file__).resolve().parent / "kit"
CLASS_SIZE = 20
CLASSES = {"2-1": "sato", "2-2": "tanaka"}  # class → its teacher
ITEMS = {"b1", "b2", "b3", "b4", "b5"}
LESSON_ID = "district-quiz"


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    require_district()
    # Kernels start as students arrive (no pool): a pool would start a class's kernels again to refill
    # itself, twice the kernel starts on a 2-core machine for nothing the district adds.
    lessons = tmp_path_factory.mktemp("district-kit") / "kit"  # a copy: published lessons are written into it
    shutil.copytree(LESSONS, lessons)
    found = District(tmp_path_factory.mktemp("district"), lessons)
    found.lessons = lessons
    yield found
    found.stop()


@pytest.fixture(scope="module")
def teachers(district):
    return {name: sign_in(district, name) for name in (*CLASSES.values(), ADMIN)}


def dashboard(district, session, query: str = ""):
    return session.get(district.student_link(query, path="teacher/"))


def test_a_teacher_signs_in_through_the_hub_and_makes_a_class_theirs(district, teachers):
    for klass, name in CLASSES.items():
        page = teachers[name].claim(klass)
        assert page.status_code == 200, page.text[:500]
        assert f"{klass} をあなたのクラスにしました。" in page.text
        assert f"{name} さんとしてハブにサインインしています" in page.text
    taken = teachers["tanaka"].claim("2年1組")  # sato's class, however it is typed
    assert "2-1 はほかの先生のクラスです" in taken.text


def _changed_lesson(code: str = "") -> bytes:
    doc = json.loads((LESSONS / "lessons" / LESSON).read_text("utf-8"))
    doc["metadata"]["netkit"].update(id="district-quiz-sato", title_ja="佐藤先生の学区クイズ", title_en="Sato's district quiz")
    if code:
        doc["cells"].append({"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": code})
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def test_a_teacher_publishes_a_changed_lesson_to_their_class_and_every_instance_serves_it_only_to_that_class(district, teachers):
    import requests

    sato = teachers["sato"]
    refused = sato.publish("quiz.ipynb", _changed_lesson("import os\nos.system('id')"))
    assert refused.status_code == 400 and "公開しませんでした" in refused.text
    assert "lessons/quiz.ipynb: 2番目のセル、1行目: " in refused.text and "from kit.lesson import Lesson だけ" in refused.text
    assert sato.publish("../quiz.ipynb", _changed_lesson()).status_code == 400
    assert sato.publish("quiz.ipynb", _changed_lesson(), classes=["2-2"]).status_code == 400  # tanaka's class
    assert _publications(district) == []  # nothing refused was stored
    page = sato.publish("quiz.ipynb", _changed_lesson())
    assert page.status_code == 200 and "published/sato/quiz.ipynb を公開しました" in page.text, page.text[:800]
    assert "services/netkit/voila/render/published/sato/quiz.ipynb?class=2-1" in page.text  # the link through the router
    assert [row[:3] for row in _publications(district)] == [("published/sato/quiz.ipynb", "sato", ["2-1"])]
    student = requests.Session()
    for name in district.instances:  # every instance lists it for 2-1 only, and serves it to 2-1 only
        base = f"{district.url}services/netkit-{name}/"
        assert "佐藤先生の学区クイズ" in student.get(base + "?class=2-1").text
        assert "佐藤先生の学区クイズ" not in student.get(base + "?class=2-2").text
        assert student.get(base + "voila/render/published/sato/quiz.ipynb?class=2-2").status_code == 404
        assert student.get(base + "voila/render/published/sato/..%2Fsato%2Fquiz.ipynb").status_code == 404
        # a student cannot publish: no hub sign-in, no teacher's page
        sent = student.post(base + "teacher/publish", files={"notebook": ("x.ipynb", _changed_lesson())},
                            data={"_xsrf": student.cookies.get("_xsrf") or ""})
        assert sent.status_code == 403 or urlpath(sent.url) == "/hub/login", (sent.status_code, sent.url)
    lesson = student.get(district.student_link("class=2-1&name=pub", path="voila/render/published/sato/quiz.ipynb"))
    assert lesson.status_code == 200 and "/voila/render/published/sato/quiz.ipynb" in lesson.url  # through the router
    assert "application/vnd.jupyter.widget-view+json" in lesson.text  # its cells ran: the quiz is on the page
    assert [row[:3] for row in _publications(district)] == [("published/sato/quiz.ipynb", "sato", ["2-1"])]


QUIZ = LESSONS / "datasets" / "quizzes" / "district.csv"
CHANGED = "佐藤先生が書きかえた問題：悪口を書かれたら？"


def _own_question(district, klass: str, lesson: str) -> str:
    """The first question of ``lesson`` as the kernel sends it to a student of ``klass`` (through the router)."""
    from tests.security.lesson_tab import LessonTab

    tab = LessonTab(district.student_link(), lesson, f"class={klass}&name=own-{klass}")
    try:
        card = tab.component("question", "result")
        tab.custom(card, {"action": "hello", "session": tab.session, "class_code": "", "student": ""})
        states = tab.widget_states()
        return json.dumps([s["question"] for s in states.values() if s.get("question")], ensure_ascii=False)
    finally:
        tab.close()


def test_a_teacher_publishes_a_changed_quiz_csv_with_the_lesson_and_only_that_class_gets_the_changed_question(district, teachers):
    import requests

    sato = teachers["sato"]
    changed = QUIZ.read_bytes().replace("悪口を書かれたら、まずどうする？".encode(), CHANGED.encode())
    broken = QUIZ.read_bytes().replace(b"b1,,single,", b"b1,,maybe,")
    before = _publications(district)
    refused = sato.publish("quiz.ipynb", _changed_lesson(), content=[("district.csv", broken)])
    assert refused.status_code == 400 and "公開しませんでした" in refused.text
    assert "datasets/quizzes/district.csv: 3行目、列・項目「type」: 「maybe」は使えません" in refused.text, refused.text[:1500]
    unnamed = sato.publish("quiz.ipynb", _changed_lesson(), content=[("district.yaml", b"facts: []")])
    assert unnamed.status_code == 400 and "このノートブックは「district.yaml」を使っていません" in unnamed.text
    for trick in ("../district.csv", "quizzes/district.csv", ".district.csv"):
        assert sato.publish("quiz.ipynb", _changed_lesson(), content=[(trick, changed)]).status_code == 400, trick
    assert _publications(district) == before and _file_digests(district) == {}  # nothing refused was stored

    page = sato.publish("quiz.ipynb", _changed_lesson(), content=[("district.csv", changed)])
    assert page.status_code == 200 and "datasets/quizzes/district.csv" in page.text, page.text[:1500]
    assert list(_file_digests(district)) == ["published/sato/quiz.ipynb"]
    assert CHANGED in _own_question(district, "2-1", "published/sato/quiz.ipynb")  # the class it was published for
    kit_lesson = _own_question(district, "2-2", LESSON)  # every other class: the kit's lesson and file, unchanged
    assert "悪口を書かれたら、まずどうする？" in kit_lesson and CHANGED not in kit_lesson
    student = requests.Session()  # a student cannot publish files either
    for name in district.instances:
        sent = student.post(f"{district.url}services/netkit-{name}/teacher/publish",
                            files=[("notebook", ("x.ipynb", _changed_lesson())), ("content", ("district.csv", broken))])
        assert sent.status_code == 403 or urlpath(sent.url) == "/hub/login", (sent.status_code, sent.url)
    [written] = district.lessons.rglob("own/datasets/quizzes/district.csv")
    assert written.read_bytes() == changed and "published/sato/" in written.as_posix()

    teacher_page = sato.get(district.student_link(path="teacher/"))
    base = teacher_page.url.split("teacher/")[0]
    xsrf = sato.http.cookies.get("_xsrf", path=urlsplit(base).path)
    gone = sato.http.post(base + "teacher/withdraw", data={"path": "published/sato/quiz.ipynb", "_xsrf": xsrf},
                          headers={"Referer": teacher_page.url})
    assert gone.status_code == 200 and _publications(district) == [] and _file_digests(district) == {}
    assert not written.exists()  # stop publishing: its files go too
    page = sato.publish("quiz.ipynb", _changed_lesson())  # published again, as the tests after this one expect
    assert page.status_code == 200


def _from_store(district, query: str):
    """``query`` (a method of the district's store) asked of a store opened for it and closed after."""
    from kit.store import open_store

    store = open_store(district.store)
    try:
        return getattr(store, query)()
    finally:
        store.close()


def _file_digests(district):
    return _from_store(district, "published_file_digests")


def _publications(district):
    return _from_store(district, "publications")


def _answers(district) -> list[tuple[str, str, str, str]]:
    import psycopg

    with psycopg.connect(district.store, autocommit=True) as db:
        return db.execute("SELECT session, item, class_code, student FROM answers WHERE lesson = %s",
                          (LESSON_ID,)).fetchall()


def _answer_in_browser(page, until_summary: bool, answers: int = 0) -> None:
    from tests.browser.lesson_page import WIDGET_TIMEOUT, answer_with_mouse

    done = 0
    while until_summary or done < answers:
        page.locator(".nk-quiz-card, .nk-summary").first.wait_for(timeout=WIDGET_TIMEOUT)
        if page.locator(".nk-summary .nk-score").count() and page.locator(".nk-score").first.inner_text().strip():
            return
        card = page.locator(".nk-quiz-card").last
        answer_with_mouse(card)
        card.locator("button.nk-next").wait_for(timeout=WIDGET_TIMEOUT)
        card.locator("button.nk-next").click()
        done += 1
        page.wait_for_function("(n) => document.querySelectorAll('.nk-quiz-card').length > n || "
                               "document.querySelector('.nk-summary .nk-score')?.textContent.trim()",
                               arg=page.locator(".nk-quiz-card").count() - 1, timeout=WIDGET_TIMEOUT)


def test_two_classes_take_a_lesson_and_one_instance_dies_mid_lesson(district):
    router = district.student_link()
    students = [QuizStudent(router, klass, f"{klass}-{n:02d}") for klass in CLASSES for n in range(1, CLASS_SIZE + 1)]
    go_on = threading.Event()
    threads = [threading.Thread(target=s.take, kwargs={"pause_after": 2, "go_on": go_on}, daemon=True) for s in students]
    with headless_chromium() as browser:
        pages = {}
        for klass in CLASSES:  # one Chromium student per class, on the same link
            pages[klass] = browser.new_page()
            pages[klass].set_default_navigation_timeout(180_000)  # a kernel starts for the page on a loaded machine
            pages[klass].set_default_timeout(90_000)  # and 40 classmates' kernels answer beside it
            pages[klass].goto(district.student_link(f"class={klass}&name={klass}-web", path=f"voila/render/{LESSON}"))
            _answer_in_browser(pages[klass], until_summary=False, answers=1)
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 400
        while sum(len(s.acknowledged) >= 2 for s in students) < len(students):  # every student two answers in
            assert time.monotonic() < deadline, [(s.name, s.acknowledged, s.error) for s in students if len(s.acknowledged) < 2]
            assert all(t.is_alive() for t in threads), [s.error for s in students]
            time.sleep(0.2)
        pins = district.pins()
        assert set(pins) == set(CLASSES) and len(set(pins.values())) == 2  # one class on each instance
        doomed_class = "2-1"
        doomed = pins[doomed_class].removeprefix("netkit-")
        acknowledged_before = {(s.token, item) for s in students for item in s.acknowledged}
        go_on.set()  # the third answers go out; the first one stored on the doomed instance, it dies
        while not any(len(s.acknowledged) >= 3 for s in students if s.class_code == doomed_class):
            assert time.monotonic() < deadline, "no third answer on the doomed instance"
            time.sleep(0.05)
        district.instances[doomed].kill()
        for thread in threads:
            thread.join(timeout=max(1.0, deadline + 300 - time.monotonic()))
        assert not any(t.is_alive() for t in threads), [(s.name, s.acknowledged, s.error) for s in students]
        # The Chromium student whose server died: the page says so and, once the router answers, its button
        # opens the lesson on the live instance, which goes on after the question answered there before.
        page = pages[doomed_class]
        notice = page.locator(".nk-connection[role=alert]")
        notice.locator("button").wait_for(timeout=60_000)
        assert "つながりが切れました" in notice.inner_text()
        notice.locator("button").click()
        page.locator(".nk-quiz-card").first.wait_for(timeout=90_000)
        assert f"netkit-{doomed}" not in page.url and "/voila/render/" in page.url
        browser_tokens = {klass: page.evaluate("localStorage.getItem('netkit.session')") for klass, page in pages.items()}

    rows = _answers(district)
    stored = {}
    for session, item, klass, student in rows:
        stored.setdefault((session, item), []).append((klass, student))
    assert all(len(v) == 1 for v in stored.values()), [k for k, v in stored.items() if len(v) > 1]  # each answer once
    for s in students:  # every question answered, under the student's class and nickname
        assert {item for (session, item) in stored if session == s.token} == ITEMS, s.name
        assert {stored[(s.token, item)][0] for item in ITEMS} == {(s.class_code, s.name)}
    assert acknowledged_before <= set(stored)  # nothing acknowledged was lost
    assert {(s.token, item) for s in students for item in s.acknowledged} <= set(stored)
    moved = [s for s in students if s.class_code == doomed_class]
    assert all(len(s.instances) >= 2 and f"netkit-{doomed}" not in s.instances[-1] for s in moved)
    assert all(s.resumed_at[-1] >= 2 for s in moved)  # the other instance went on from their stored answers
    for klass, token in browser_tokens.items():  # the Chromium students' first answers, stored once under their names
        assert [stored[(token, "b1")]] == [[(klass, f"{klass}-web")]], klass
    assert district.pins()[doomed_class] != f"netkit-{doomed}"


def test_a_teacher_sees_only_their_own_classes_and_a_hub_admin_sees_the_district(district, teachers):
    mine, other = dashboard(district, teachers["sato"]).text, dashboard(district, teachers["tanaka"]).text
    assert re.search(r"<td>2-1</td>", mine) and not re.search(r"<td>2-2</td>", mine)
    assert re.search(r"<td>2-2</td>", other) and not re.search(r"<td>2-1</td>", other)
    report = dashboard(district, teachers["tanaka"], f"class=2-1&lesson={LESSON_ID}")
    assert report.status_code == 404  # the other teacher's class: nothing to see
    export = teachers["tanaka"].get(district.student_link("class=2-1", path="teacher/export.csv"))
    assert export.status_code == 404 and "2-1-01" not in export.text
    everything = teachers["tanaka"].get(district.student_link("table=answers", path="teacher/export.csv"))
    assert "2-2-01" in everything.text and "2-1-01" not in everything.text
    own = dashboard(district, teachers["sato"], f"class=2-1&lesson={LESSON_ID}")
    assert own.status_code == 200 and "2-1-01" in own.text
    admin = dashboard(district, teachers[ADMIN]).text
    assert re.search(r"<td>2-1</td><td>sato</td>", admin) and re.search(r"<td>2-2</td><td>tanaka</td>", admin)
    assert teachers["sato"].get(district.url + "hub/admin").status_code == 403  # a teacher is no hub admin


def test_a_student_reaches_no_hub_admin_page_no_jupyterlab_and_no_dashboard(district):
    import requests

    student = requests.Session()
    lesson = student.get(district.student_link("class=2-2&name=curious", path=f"voila/render/{LESSON}"))
    assert lesson.status_code == 200  # a student with a lesson open, and its cookies
    live = [name for name, process in district.instances.items() if process.proc.poll() is None]
    assert live  # the killed instance's address answers with the proxy's error page instead
    for path in ("hub/admin", "user/sato/lab", "user/tanaka/lab", "services/netkit/teacher/",
                 *(f"services/netkit-{name}/teacher/" for name in live)):
        page = student.get(district.url + path)
        assert urlpath(page.url) == "/hub/login", (path, page.url)
        assert "nk-classes" not in page.text and "2-2-01" not in page.text
    assert student.get(district.url + "hub/api/users").status_code == 403
    refused = student.post(district.url + "hub/login", data={"username": "curious", "password": PASSWORD,
                                                             "_xsrf": student.cookies.get("_xsrf", path="/hub/")})
    assert urlpath(refused.url) == "/hub/login" and refused.status_code == 403  # students get no hub account


def test_a_teacher_s_jupyterlab_starts_through_the_hub_in_japanese_with_their_own_netkit_init_folder(district, teachers):
    """The hub starts sato's server with netkit lab --hub, as deploy/ does; their folder is made at the first start."""
    sato = teachers["sato"].http
    started = sato.get(district.url + "hub/spawn/sato")  # the hub's own "start my server" link
    assert started.status_code == 200, started.status_code
    deadline = time.monotonic() + 180
    while True:  # JupyterLab's page, once the server is up (the hub's spawn-pending page until then)
        lab = sato.get(district.url + "user/sato/lab")
        if lab.status_code == 200 and urlpath(lab.url) == "/user/sato/lab":
            break
        assert time.monotonic() < deadline, (lab.status_code, lab.url)
        time.sleep(1)
    api = {"X-XSRFToken": sato.cookies.get("_xsrf", path="/user/sato/") or ""}  # cookie-signed API calls carry it
    folder = sato.get(district.url + "user/sato/api/contents/net-literacy-kit", headers=api)
    assert folder.status_code == 200, folder.status_code
    assert {"lessons", "datasets"} <= {item["name"] for item in folder.json()["content"]}
    assert (district.folder / "home/sato/net-literacy-kit/lessons/defamation/basics.ipynb").is_file()
    setting = sato.get(district.url + "user/sato/lab/api/settings/@jupyterlab/translation-extension:plugin", headers=api).json()
    assert setting["settings"]["locale"] == "ja_JP"  # JupyterLab opens in Japanese
    language = sato.get(district.url + "user/sato/lab/api/translations/ja_JP", headers=api).json()
    assert language["data"] and language["message"] == ""  # the Japanese language pack answers
    assert teachers["tanaka"].get(district.url + "user/sato/api/contents/net-literacy-kit").status_code in (403, 404)


def urlpath(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).path
