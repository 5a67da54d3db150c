"""The students' link: LAN address when serving the classroom, drawn as a QR code for terminal and page."""

from __future__ import annotations

from pathlib import Path

import segno

from kit.serve import addresses, banner
from kit.serve.addresses import Address
from kit.serve.qr import qr_svg, qr_text


def test_students_get_the_network_cards_address_not_the_host_names(monkeypatch):
    # the host name resolves to 127.0.0.1 on many school PCs; the network card has the real address
    cards = [Address("172.17.0.1", "docker0"), Address("192.168.1.20", "Wi-Fi"), Address("10.8.0.5", "tun0")]
    monkeypatch.setattr(addresses, "interface_addresses", lambda: cards)
    monkeypatch.setattr(addresses, "outgoing_address", lambda: "")
    links = banner.student_links("0.0.0.0", 8866)
    assert links.best == "http://192.168.1.20:8866/" and not links.problem
    text = banner.serve_banner("0.0.0.0", 8866, Path("l"), Path("d"), 0, "pw", links=links)
    assert "生徒に伝えるアドレス / link for students:  http://192.168.1.20:8866/" in text
    assert "http://127.0.0.1:8866/teacher/" in text


def test_the_outgoing_interface_wins_and_the_class_goes_into_the_link(monkeypatch):
    cards = [Address("192.168.1.20", "eth0"), Address("10.1.2.3", "wlan0")]
    monkeypatch.setattr(addresses, "interface_addresses", lambda: cards)
    monkeypatch.setattr(addresses, "outgoing_address", lambda: "10.1.2.3")
    links = banner.student_links("0.0.0.0", 8866, class_code="2-3")
    assert links.links == ("http://10.1.2.3:8866/?class=2-3", "http://192.168.1.20:8866/?class=2-3")


def test_without_a_network_the_teacher_is_told_why_and_how_to_find_the_address(monkeypatch):
    monkeypatch.setattr(addresses, "interface_addresses", lambda: [])
    monkeypatch.setattr(addresses, "outgoing_address", lambda: "")
    links = banner.student_links("0.0.0.0", 8866)
    assert links.links == () and links.problem == "offline"
    text = banner.serve_banner("0.0.0.0", 8866, Path("l"), Path("d"), 0, "pw", links=links)
    assert "生徒に伝えるアドレス / link" not in text
    assert "ネットワーク（Wi-Fi・LAN）につながっていない" in text and "ipconfig" in text


def test_serving_to_this_computer_only_says_so_and_gives_students_no_link():
    links = banner.student_links("127.0.0.1", 9000)
    assert links.best == "http://127.0.0.1:9000/" and links.problem == "loopback"  # the teacher's page may show it
    assert links.for_students == ""  # nothing printed or drawn as a QR code for students
    text = banner.serve_banner("127.0.0.1", 9000, Path("l"), Path("d"), 0, "pw")
    assert "この PC からしか開けません" in text and "--host を付けずに起動し直して" in text
    assert "生徒に伝えるアドレス / link for students:" not in text and "students:  http" not in text
    assert "http://127.0.0.1:9000/teacher/" in text  # the teacher's own links stay


def test_netkit_serve_on_this_computer_only_prints_no_link_and_no_qr_code(monkeypatch, capsys, tmp_path):
    import kit.serve.app
    from kit.cli import main
    from kit.cli import serve as cli_serve

    monkeypatch.setattr(kit.serve.app, "make_app", lambda options: object())  # the banner, without starting Voilà
    monkeypatch.setattr(cli_serve, "_run", lambda app: 0)
    monkeypatch.setattr(cli_serve, "_port_in_use", lambda host, port: False)
    assert main(["serve", "--host", "127.0.0.1", "--port", "9000", "--data-dir", str(tmp_path / "results")]) == 0
    out = capsys.readouterr().out
    assert "生徒に伝えるアドレスはありません" in out and "--host を付けずに起動し直して" in out
    assert "生徒に伝えるアドレス / link" not in out and "QR" not in out and "█" not in out


def test_interfaces_are_read_from_this_machine():
    # whatever this machine has: no loopback, no link-local, each an IPv4 address
    for a in addresses.interface_addresses():
        assert addresses.usable(a.ip) and not a.ip.startswith(("127.", "169.254."))
    assert addresses.outgoing_address() == "" or addresses.usable(addresses.outgoing_address())


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
