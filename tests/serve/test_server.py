"""``netkit serve`` as a process: what it prints, what it serves and refuses, and Ctrl+C."""

from __future__ import annotations

import json
import os
import signal
import urllib.error
import urllib.request

import pytest

from tests.served import REPO, Server


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    srv = Server(REPO, tmp_path_factory.mktemp("results"))
    yield srv
    srv.stop()


def get(url, timeout=60):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace"), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), dict(e.headers)


def test_prints_this_computers_link_and_says_students_cannot_reach_it(running):
    text = open(running.log.name, encoding="utf-8").read()
    assert f"この PC で開く / open on this computer:  http://127.0.0.1:{running.port}/" in text
    # --host 127.0.0.1: no link for students (they could not open it), and the teacher is told why
    assert "生徒に伝えるアドレス / link for students" not in text and "この PC からしか開けません" in text
    assert "Voilà is running at" not in text  # Voilà's own address (the host name) is not shown
    assert str(running.data_dir) in text


def test_catalogue_and_tree_show_lessons_without_kernels(running):
    before = running.kernels()
    for path in ("", "voila/tree", "voila/tree/defamation"):
        status, body, _ = get(running.url + path)
        assert status == 200 and "誹謗中傷" in body
    assert running.kernels() == before


@pytest.mark.parametrize("path", [
    "voila/files/defamation/basics.ipynb",
    "voila/files/../datasets/quizzes/defamation_basics.csv",
    "voila/files/%2e%2e/datasets/help/desks.yaml",
    "voila/api/contents",
    "voila/api/contents/defamation",
    "voila/static/../../../../etc/passwd",
])
def test_students_cannot_read_notebooks_content_or_listings(running, path):
    status, body, _ = get(running.url + path)
    assert status in (403, 404), (path, status)
    assert "schema_version" not in body and '"cells"' not in body


def test_lesson_page_is_local_only_and_compressed(running):
    req = urllib.request.Request(running.url + "voila/render/piracy/basics.ipynb", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=120) as r:
        assert r.headers.get("Content-Encoding") == "gzip"
        import gzip

        body = gzip.decompress(r.read()).decode("utf-8")
        cookie = " ".join(r.headers.get_all("Set-Cookie") or [])
    assert "_xsrf=" in cookie  # the tab's shutdown beacon needs it
    assert "cdn.jsdelivr.net" not in body and "cdnjs.cloudflare.com" not in body and "unpkg.com" not in body
    assert "nk-problem" not in body and "Traceback" not in body
    assert "先生へ" not in body  # the teacher's note cell (tagged teacher-note) is not on the students' page
    notebook = json.loads((REPO / "lessons/piracy/basics.ipynb").read_text("utf-8"))
    assert "teacher-note" in notebook["cells"][0]["metadata"]["tags"] and "先生へ" in "".join(notebook["cells"][0]["source"])
    assert "nk-connection-texts" in body and "つながりが切れました" in body  # the banner's words, ready before a drop


def test_lesson_page_gets_voilas_styles_as_stock_voila_does(running):
    """Voilà's page (``?page=voila``, or a notebook that is not only the kit's) gets Voilà's styles as stock Voilà
    does; the light page, a kit lesson's default, gets only the kit's."""
    status, body, _ = get(running.url + "voila/render/piracy/basics.ipynb?page=voila")
    import html
    import re

    (src,) = re.findall(r'<script src="/([^"]*voila-style\.js[^"]*)"', body)  # run in the head, as stock Voilà does
    status, script, _ = get(running.url + html.unescape(src))
    assert status == 200 and ".jp-" in script and "voila-style.css" not in body
    status, light, _ = get(running.url + "voila/render/piracy/basics.ipynb")
    assert status == 200 and "voila-style" not in light and "netkit-light.css" in light


def test_every_page_links_the_kits_tokens_and_base_card(running):
    for path in ("", "voila/render/piracy/basics.ipynb", "check"):
        status, body, _ = get(running.url + path)
        assert status == 200 and 'href="/voila/templates/netkit/static/netkit-base.css"' in body, path
    status, css, headers = get(running.url + "voila/templates/netkit/static/netkit-base.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert "--nk-blue:" in css and ".nk-card {" in css  # the tokens, then the base card that uses them


def test_lesson_page_announces_scripts_that_are_served(running):
    """Voilà's page (here asked for with ``?page=voila``) announces its 50-odd scripts; the light page, a
    kit lesson's default, announces its one module, and neither names a script the server does not have."""
    import html
    import re

    status, body, _ = get(running.url + "voila/render/piracy/basics.ipynb?page=voila")
    hrefs = [html.unescape(h) for h in re.findall(r'<link rel="preload" as="script" href="/([^"]+)"', body)]
    assert len(hrefs) > 50
    for href in hrefs[:3] + hrefs[-3:]:
        assert get(running.url + href)[0] == 200, href
    if os.environ.get("NETKIT_TEST_VOILA_PAGE"):
        return  # the suite runs on Voilà's page (tests/served.py)
    status, body, _ = get(running.url + "voila/render/piracy/basics.ipynb")
    assert re.findall(r'<link rel="preload" as="script"', body) == []
    modules = re.findall(r'<link rel="modulepreload" href="/([^"]+)"', body)
    assert modules == ["voila/templates/netkit/static/netkit-light.js"]
    assert get(running.url + modules[0])[0] == 200


def test_ctrl_c_stops_cleanly_and_frees_kernels(tmp_path):
    srv = Server(REPO, tmp_path / "results")
    get(srv.url + "voila/render/misinformation/basics.ipynb")
    kernels = srv.kernels()
    assert kernels
    srv.proc.send_signal(signal.SIGINT)
    assert srv.proc.wait(30) == 0
    srv.log.close()
    text = open(srv.log.name, encoding="utf-8").read()
    assert "停止しました / stopped" in text and "Traceback" not in text
    import os

    for pid in kernels:
        assert not os.path.exists(f"/proc/{pid}") or "zombie" in open(f"/proc/{pid}/status").read().lower()


def test_idle_unconnected_kernels_are_culled_but_the_pool_is_kept(tmp_path):
    import time

    # One preheated lesson: a pool per lesson would start as many kernels at once as there are lessons.
    srv = Server(REPO, tmp_path / "results", ["--pool", "1", "--cull-after", "4", "--lesson", "piracy/basics.ipynb"])
    try:
        lessons = 1
        deadline = time.monotonic() + 90
        log = open(srv.log.name, encoding="utf-8")
        seen = ""
        while seen.count("is filled with 1 kernel") < lessons and time.monotonic() < deadline:
            seen += log.read()
            time.sleep(0.5)
        pool = srv.kernels()
        assert len(pool) == lessons
        status, body, _ = get(srv.url + "voila/render/piracy/basics.ipynb")  # no websocket follows: like a crashed tab
        assert status == 200 and "nk-problem" not in body
        seen += log.read()
        assert "Using pre-heated kernel" in seen
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            now = srv.kernels()
            used_gone = len(pool - now) == 1
            if used_gone and len(now) == lessons:
                break
            time.sleep(0.5)
        now = srv.kernels()
        assert len(pool - now) == 1, "the used kernel should be culled"
        assert len(now) == lessons, "the pool should be refilled and its kernels kept"
        while seen.count("is filled with 1 kernel") < 2 and time.monotonic() < deadline:
            seen += log.read()
            time.sleep(0.5)
        assert seen.count("is filled with 1 kernel") == 2, "the pool should be refilled"
        # A crashed tab of a lesson without a pool: its kernel goes idle after the pooled one was
        # ready, so the cull round that takes it has passed over the pooled kernel as well.
        status, body, _ = get(srv.url + "voila/render/defamation/basics.ipynb", timeout=240)
        assert status == 200 and "nk-problem" not in body
        crashed = srv.kernels() - now
        assert len(crashed) == 1
        deadline = time.monotonic() + 60
        while srv.kernels() & crashed and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not srv.kernels() & crashed, "the crashed tab's kernel should be culled"
        assert srv.kernels() == now, "the pooled kernel should survive the cull round"
    finally:
        srv.stop()


def test_beyond_capacity_a_waiting_page_that_retries(tmp_path):
    srv = Server(REPO, tmp_path / "results", ["--max-kernels", "1"])
    try:
        status, body, _ = get(srv.url + "voila/render/piracy/basics.ipynb")
        assert status == 200 and len(srv.kernels()) == 1
        status, body, headers = get(srv.url + "voila/render/defamation/basics.ipynb")
        assert status == 503 and headers.get("Retry-After") == "10"
        assert "混みあっています" in body and 'http-equiv="refresh"' in body
        assert len(srv.kernels()) == 1  # no kernel was started for the waiting student
    finally:
        srv.stop()


def test_class_size_preheats_only_the_named_lesson(tmp_path):
    import time

    srv = Server(REPO, tmp_path / "results", ["--class-size", "2", "--lesson", "piracy/basics"])
    try:
        text = open(srv.log.name, encoding="utf-8").read()
        assert "授業ごとに 2 個 / 2 per lesson  (piracy/basics.ipynb)" in text
        deadline = time.monotonic() + 180
        while "is filled with 2 kernel" not in srv.output() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Kernel pool of piracy/basics.ipynb is filled with 2 kernel" in srv.output()
        # Every lesson's pool starts when the server does: by the time this one is full, kernels for
        # any other lesson would be running beside it.
        assert len(srv.kernels()) == 2  # two for the class's lesson, none for the others
    finally:
        srv.stop()


def test_static_scripts_are_compressed_and_cacheable(running):
    import gzip

    req = urllib.request.Request(running.url + "voila/static/voila.js", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.headers["Content-Encoding"] == "gzip" and "max-age" in r.headers["Cache-Control"]
        body = gzip.decompress(r.read())
    plain = urllib.request.urlopen(running.url + "voila/static/voila.js", timeout=30).read()
    assert body == plain and len(plain) > 1024
    status, _, _ = get(running.url + "voila/static/../../../etc/passwd")
    assert status in (403, 404)


def test_a_failing_teacher_cell_shows_no_traceback(tmp_path):
    import shutil

    import nbformat

    root = tmp_path / "school"
    shutil.copytree(REPO / "datasets", root / "datasets")
    nb = nbformat.v4.new_notebook()
    nb.metadata["netkit"] = {"title_ja": "テスト", "topic": "piracy", "audience": "中学生"}
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("1 / 0"), nbformat.v4.new_code_cell("print('つづき')")]
    (root / "lessons" / "piracy").mkdir(parents=True)
    nbformat.write(nb, root / "lessons" / "piracy" / "broken.ipynb")
    srv = Server(root, tmp_path / "results")
    try:
        status, body, _ = get(srv.url + "voila/render/piracy/broken.ipynb")
        assert status == 200
        assert "ZeroDivisionError" not in body and "Traceback" not in body
        assert "先生に知らせてください" in body and "つづき" in body  # the next cell still ran
    finally:
        srv.stop()
