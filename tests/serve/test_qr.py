"""The students' link: LAN address when serving the classroom, drawn as a QR code for terminal and page."""

from __future__ import annotations

import segno

from kit import cli
from kit.serve.qr import qr_svg, qr_text


def test_students_get_the_lan_address_when_the_classroom_is_served(monkeypatch):
    monkeypatch.setattr(cli, "lan_addresses", lambda: ["192.168.1.20"])
    assert cli.student_links("0.0.0.0", 8866) == ["http://192.168.1.20:8866/"]
    assert cli.student_links("127.0.0.1", 9000) == ["http://127.0.0.1:9000/"]
    banner = cli.serve_banner("0.0.0.0", 8866, cli.Path("l"), cli.Path("d"), 0, "pw")
    assert "link for students:  http://192.168.1.20:8866/" in banner and "http://127.0.0.1:8866/teacher/" in banner


def test_the_terminal_qr_draws_the_links_symbol():
    url = "http://192.168.1.20:8866/"
    matrix = [list(row) for row in segno.make(url, error="m").matrix]
    border = [[0] * len(matrix[0])] * 2
    rows = [[0, 0, *r, 0, 0] for r in border + matrix + border]
    lines = [line for line in qr_text(url).splitlines() if line.strip("\x1b[0m ") or line]
    drawn = [line for line in lines if line]
    assert len(drawn) == (len(rows) + 1) // 2  # two modules per character cell
    assert any(ch in qr_text(url) for ch in "▀▄█")


def test_the_page_qr_is_inline_svg_with_a_title():
    svg = qr_svg("http://192.168.1.20:8866/", "生徒に伝えるアドレス")
    assert svg.startswith("<svg") and 'class="nk-qr"' in svg
    assert "<title>生徒に伝えるアドレス</title>" in svg
    assert "http" not in svg.split("<title>")[0].replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing to fetch
