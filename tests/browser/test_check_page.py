"""/check, opened on a student's device before the lesson: page, websocket, Japanese font, device; advice when blocked."""

from __future__ import annotations

from urllib.parse import urlparse

from tests.browser.conftest import TEACHER_PASSCODE


def finished(page) -> str:
    page.locator(".nk-check[data-done]").wait_for(timeout=30_000)
    return page.locator(".nk-check").get_attribute("data-done")


def test_everything_works_on_this_device(server, page):
    page.goto(server.url + "check")
    assert finished(page) == "ok"
    for item in ("page", "socket", "font"):
        assert page.locator(f"#nk-check-{item}").get_attribute("data-state") == "ok", item
    assert "WebSocket）がつながり、応答がありました" in page.locator("#nk-check-socket").inner_text()
    assert "日本語の文字が正しく表示されます" in page.locator("#nk-check-font").inner_text()
    device = page.locator("#nk-check-device").inner_text()
    assert "画面" in device and "ウィンドウ 1024×768" in device
    assert page.locator("#nk-check-advice").is_hidden()
    assert page.locator("#nk-check-summary").inner_text() == "この端末で授業ができます。"
    assert all(urlparse(u).hostname == "127.0.0.1" for u in page.requested_urls if u.startswith(("http", "ws")))


def test_a_blocked_websocket_says_what_to_ask_the_schools_it_contact(server, page):
    page.route_web_socket("**/check/ws", lambda ws: ws.close())  # as a school's web filter would
    page.goto(server.url + "check")
    assert finished(page) == "fail"
    assert page.locator("#nk-check-socket").get_attribute("data-state") == "fail"
    assert "クイズやボタンが動きません" in page.locator("#nk-check-socket").inner_text()
    advice = page.locator("#nk-check-advice-text").inner_text()
    assert f"アドレス 127.0.0.1、ポート {server.port}（TCP）" in advice
    assert f"WebSocket（ws://127.0.0.1:{server.port}/）" in advice
    assert "IT 担当" in page.locator("#nk-check-summary").inner_text()


def test_in_english(server, page):
    page.goto(server.url + "check?lang=en")
    assert finished(page) == "ok"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#nk-check-summary").inner_text() == "Lessons will work on this device."


def test_on_127_0_0_1_the_teachers_page_draws_no_check_qr_code(server, page):
    # no student's device can open a server on 127.0.0.1; on the classroom network the teacher's page links /check
    # with its QR code (tests/serve/test_teacher_link.py)
    page.goto(server.url + "teacher/")
    page.fill("input[name=passcode]", TEACHER_PASSCODE)
    page.locator("form button[type=submit]").click()
    page.locator(".nk-link-problem").wait_for(timeout=30_000)
    assert page.locator(".nk-check-link").count() == 0 and page.locator("svg.nk-qr").count() == 0
