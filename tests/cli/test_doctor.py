"""``netkit doctor``: one line per check, ✓ or what to do, tested in-process with the machine's facts injected."""

from __future__ import annotations

import socket

from kit import doctor
from kit.cli import main

MEMINFO = "MemTotal: 8000000 kB\nMemAvailable: {kb} kB\n"


def test_python_and_kernel():
    assert doctor.python_check((3, 11, 7), "/usr/bin/python3").line().startswith("✓ Python 3.11.7")
    old = doctor.python_check((3, 8, 10))
    assert not old.ok and "3.10 以上" in old.text
    missing = doctor.kernel_check(specs={}, ipykernel_version=None)
    assert not missing.ok and "-m pip install ipykernel" in missing.text
    assert not doctor.kernel_check(specs={"python3": "/x"}, ipykernel_version=None).ok
    assert doctor.kernel_check(specs={"python3": "/x"}, ipykernel_version="6.29.5").line() == (
        "✓ 授業のカーネル: Python（ipykernel 6.29.5） / lesson kernel: Python (ipykernel 6.29.5)")


def test_chromium_for_printing_names_the_extra():
    assert doctor.chromium_check("/usr/bin/chromium", True).ok
    no_browser = doctor.chromium_check(None, True)
    assert no_browser.note and 'pip install "net-literacy-kit[print]"' in no_browser.text and "--to html" in no_browser.text
    no_playwright = doctor.chromium_check("/usr/bin/chromium", False)
    assert no_playwright.note and "net-literacy-kit[print]" in no_playwright.text
    assert no_playwright.line().startswith("・ 印刷（PDF）用のブラウザ") and "（授業には不要）" in no_playwright.line()


def test_a_missing_print_extra_is_a_note_and_the_check_still_passes(tmp_path, capsys, monkeypatch):
    """The optional print extra missing is no reason for exit 1: a lesson does not need it."""
    monkeypatch.setattr(doctor, "report", lambda port, data_dir, class_size: [
        doctor.python_check((3, 11, 7)), doctor.chromium_check("/usr/bin/chromium", False), doctor.data_dir_check(data_dir)])
    assert main(["doctor", "--data-dir", str(tmp_path)]) == 0
    assert [line[0] for line in capsys.readouterr().out.splitlines()[1:]] == ["✓", "・", "✓"]


def test_memory_gives_the_class_it_holds():
    roomy = doctor.memory_check(40, MEMINFO.format(kb=6 * 1024 * 1024), forked=False)  # 6 GB free: (6144 - 1024) / 100
    assert roomy.ok and "同時に 51 人まで" in roomy.text
    short = doctor.memory_check(40, MEMINFO.format(kb=3 * 1024 * 1024), forked=False)
    assert not short.ok and "同時に 20 人までしか" in short.text and "40 人のクラスには足りません" in short.text
    # kernels forked from a warm parent (netkit serve's default) are counted at 50 MB: 3 GB free holds the class
    forked = doctor.memory_check(40, MEMINFO.format(kb=3 * 1024 * 1024))
    assert forked.ok and "同時に 40 人まで" in forked.text and "1人 50 MB" in forked.text


def test_addresses_say_whether_the_port_answers(tmp_path):
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        port = listening.getsockname()[1]
        [line] = doctor.address_checks(port, addresses=["127.0.0.1"])
        assert line.ok and f"http://127.0.0.1:{port}/" in line.text
    [gone] = doctor.address_checks(port, addresses=["127.0.0.1"])
    assert not gone.ok and "netkit serve が起動していません" in gone.text

    # answering on this machine but not on the school network: the host or the firewall
    [local_only] = doctor.address_checks(8866, addresses=["192.168.1.20"], answers=lambda host, port: host == "127.0.0.1")
    assert not local_only.ok and "http://192.168.1.20:8866/" in local_only.text and "ファイアウォール" in local_only.text
    [offline] = doctor.address_checks(8866, addresses=[])
    assert not offline.ok and "LAN ケーブルか Wi-Fi" in offline.text


def test_data_folder_writable_or_what_to_do(tmp_path):
    assert doctor.data_dir_check(tmp_path / "results").ok
    assert not list((tmp_path / "results").iterdir())  # the probe file is gone
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    bad = doctor.data_dir_check(blocked / "results")
    assert not bad.ok and "--data-dir" in bad.text and str(blocked / "results") in bad.text


def test_the_command_prints_one_line_each_and_fails_when_something_needs_doing(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(doctor, "report", lambda port, data_dir, class_size: [
        doctor.python_check((3, 11, 7)), doctor.data_dir_check(data_dir), *doctor.address_checks(port, addresses=["127.0.0.1"])])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, not listening: nothing answers
    assert main(["doctor", "--port", str(port), "--data-dir", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("授業の前の確認")
    assert [line[0] for line in lines[1:]] == ["✓", "✓", "✗"]
