"""``netkit serve`` as a process: what it prints, what it serves and refuses, and Ctrl+C."""

from __future__ import annotations

import signal
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import REPO, Server


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    srv = Server(REPO, tmp_path_factory.mktemp("results"))
    yield srv
    srv.stop()


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.read().decode("utf-8", "replace"), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, "", dict(e.headers)


def test_prints_the_link_for_students(running):
    text = open(running.log.name, encoding="utf-8").read()
    assert f"生徒に伝えるアドレス / link for students:  http://127.0.0.1:{running.port}/" in text
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
