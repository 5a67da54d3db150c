"""What already held when a student attacked the server, kept closed: each test is one thing a student tried."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["teacher/", "teacher/export.csv", "teacher/export.xlsx?class=2-3&lesson=x",
                                  "teacher/export.csv?table=students"])
def test_teacher_pages_and_exports_need_the_passcode(student, path):
    r = student.get(path)
    assert r.status == 302 and "/teacher/login" in r.header("Location")
    assert "nickname" not in r.text and "token" not in r.text


def test_the_teacher_with_the_passcode_gets_in(teacher):
    assert teacher.get("teacher/").status == 200


def _replies(socket, until_msg_ids: set[str], deadline_s: float = 180) -> list[dict]:
    """Every message from the kernel until a reply to each of ``until_msg_ids`` arrived, in any order
    (the control channel's reply often comes before the shell's)."""
    import json
    import time

    seen, waiting, deadline = [], set(until_msg_ids), time.monotonic() + deadline_s
    while waiting and time.monotonic() < deadline:
        msg = json.loads(socket.recv(timeout=deadline - time.monotonic()))
        seen.append(msg)
        if msg["header"]["msg_type"].endswith("_reply"):
            waiting.discard(msg.get("parent_header", {}).get("msg_id"))
    if waiting:
        raise AssertionError("the kernel never answered kernel_info_request")
    return seen


def test_no_code_runs_in_a_kernel_from_the_websocket(student, served, tmp_path):
    """Held: execute, inspect, complete and debug requests are dropped (Voilà's allowed message types)."""
    import json

    from tests.security.student import shell_message

    marker = tmp_path / "ran.txt"
    page, kernel = student.open_lesson()
    assert page.status == 200 and kernel
    code = f"open({str(marker)!r}, 'w').write('ran')"
    with student.kernel_socket(kernel) as ws:
        ws.send(shell_message("execute_request", {"code": code, "silent": False, "store_history": True,
                                                  "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}))
        ws.send(shell_message("inspect_request", {"code": "open", "cursor_pos": 4, "detail_level": 1}))
        ws.send(shell_message("complete_request", {"code": "import o", "cursor_pos": 8}))
        ws.send(shell_message("debug_request", {"type": "request", "seq": 1, "command": "evaluate",
                                                "arguments": {"expression": code}}, channel="control"))
        ws.send(shell_message("execute_request", {"code": code, "silent": True}, channel="control"))
        last_shell = shell_message("kernel_info_request", {})
        last_control = shell_message("kernel_info_request", {}, channel="control")
        ws.send(last_shell)
        ws.send(last_control)
        seen = _replies(ws, {json.loads(last_shell)["header"]["msg_id"], json.loads(last_control)["header"]["msg_id"]})
    types = {m["header"]["msg_type"] for m in seen}
    assert types & {"execute_reply", "inspect_reply", "complete_reply", "debug_reply", "execute_result", "stream"} == set()
    assert not marker.exists()


def test_exports_neutralise_formulas_and_the_dashboard_shows_markup_as_text(served, teacher):
    """Held: a nickname or class code written as a spreadsheet formula or as a script stays text."""
    from kit.store import DB_NAME, open_store
    from kit.store.records import Answer

    store = open_store(served.data_dir / DB_NAME)
    try:
        for name in ("=HYPERLINK(\"http://x\")", "<script>window.__x=1</script>", "+1+cmd|'/c calc'!A0", "@SUM(A1)"):
            store.record(Answer(lesson="defamation/basics.ipynb", item="quiz:held:1", response=(0,), correct=True,
                                phase="pre", session=f"s-{len(name)}", student=name, class_code="=1+1"))
    finally:
        store.close()
    csv = teacher.get("teacher/export.csv?class=%3D1%2B1&lesson=defamation%2Fbasics.ipynb&table=answers")
    assert csv.status == 200
    for dangerous in ("=HYPERLINK", "+1+cmd", "@SUM", "=1+1"):
        assert f",{dangerous}" not in csv.text and f"\n{dangerous}" not in csv.text, dangerous
        assert f"'{dangerous}" in csv.text
    page = teacher.get("teacher/?class=%3D1%2B1&lesson=defamation%2Fbasics.ipynb")
    assert page.status == 200
    assert "<script>window.__x=1</script>" not in page.text and "&lt;script&gt;window.__x=1&lt;/script&gt;" in page.text


@pytest.mark.parametrize("path", ["", "voila/render/piracy/basics.ipynb", "teacher/login", "teacher/"])
def test_pages_name_nothing_on_the_internet(teacher, path):
    """Held: every src and href on the kit's pages is on this server."""
    import ipaddress
    import re
    from urllib.parse import urlparse

    def on_the_internet(url: str) -> bool:
        if not re.match(r"(?i)(https?:)?//", url):
            return False  # a path on this server
        try:
            return not ipaddress.ip_address(urlparse(url).hostname or "").is_private  # the students' LAN link is fine
        except ValueError:
            return True

    page = teacher.get(path)
    assert page.status == 200
    external = [u for u in re.findall(r'(?:src|href)\s*=\s*"([^"]+)"', page.text) if on_the_internet(u)]
    assert external == [], external
