"""``netkit route``: a class's students go to its instance; when that one stops, the class moves and stays moved."""

from __future__ import annotations

import tornado.testing

from kit.serve.route import make_router
from kit.store import open_store

PREFIX = "/services/netkit/"


class RouterTest(tornado.testing.AsyncHTTPTestCase):
    def get_app(self):
        import tempfile
        from pathlib import Path

        self.folder = tempfile.TemporaryDirectory()
        self.where = Path(self.folder.name) / "results.sqlite3"
        self.down: set[str] = set()
        store = open_store(self.where)
        for name in ("netkit-a", "netkit-b"):
            store.heartbeat(name, f"/services/{name}/", f"http://{name}:8866")
        store.close()
        return make_router(PREFIX, lambda: open_store(self.where), check_reachable=lambda url: url.split("//")[1].split(":")[0] not in self.down)

    def tearDown(self):
        super().tearDown()
        self.folder.cleanup()

    def go(self, path: str):
        return self.fetch(PREFIX + path, follow_redirects=False)

    def test_a_link_without_a_class_asks_for_it(self):
        page = self.go("voila/render/quiz.ipynb?name=kodama")
        assert page.code == 200
        text = page.body.decode()
        assert 'name="class"' in text and 'value="kodama"' in text and "授業に参加する" in text

    def test_a_class_is_pinned_and_moves_only_when_its_instance_stops(self):
        first = self.go("voila/render/quiz.ipynb?class=２年１組&name=kodama")
        assert first.code == 302
        assert first.headers["Location"] == "/services/netkit-a/voila/render/quiz.ipynb?class=%EF%BC%92%E5%B9%B4%EF%BC%91%E7%B5%84&name=kodama"
        assert self.go("?class=2-2").headers["Location"] == "/services/netkit-b/?class=2-2"  # the emptier instance
        assert self.go("?class=2-1").headers["Location"].startswith("/services/netkit-a/")  # stays
        self.down.add("netkit-a")
        assert self.go("?class=2-1").headers["Location"].startswith("/services/netkit-b/")
        self.down.clear()  # back again: the class stays where its students went
        assert self.go("?class=2-1").headers["Location"].startswith("/services/netkit-b/")
        assert open_store(self.where).pins() == {"2-1": "netkit-b", "2-2": "netkit-b"}

    def test_with_no_instance_serving_the_student_is_told_and_the_page_tries_again(self):
        self.down.update({"netkit-a", "netkit-b"})
        page = self.go("?class=2-1")
        assert page.code == 503 and page.headers["Retry-After"] == "10"
        assert "授業のサーバーが動いていません" in page.body.decode()

    def test_the_teacher_link_goes_to_a_live_instance(self):
        self.down.add("netkit-a")
        assert self.go("teacher/").headers["Location"] == "/services/netkit-b/teacher/"


def test_a_lesson_page_behind_the_router_knows_its_path_and_one_machine_does_not(monkeypatch):
    from kit.serve.route import RESUME_ENV, resume_prefix

    monkeypatch.delenv(RESUME_ENV, raising=False)
    assert resume_prefix("/") == ""
    monkeypatch.setenv(RESUME_ENV, "/services/netkit/")
    assert resume_prefix("/services/netkit-a/") == "/services/netkit/"
