"""netkit lab: JupyterLab in Japanese on the teacher's folder, on 127.0.0.1 only."""

from __future__ import annotations

import json
import time
import urllib.request

import pytest

from kit.cli import main
from kit.workspace import lab


def test_the_command_line_serves_the_folder_on_this_computer_only(tmp_path):
    cmd = lab.lab_command(tmp_path, port=9999, open_browser=False)
    assert cmd[1:3] == ["-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={tmp_path.resolve()}" in cmd
    assert "--ServerApp.ip=127.0.0.1" in cmd and "--ServerApp.port=9999" in cmd
    assert "--ServerApp.open_browser=False" in cmd


def test_the_japanese_locale_is_chosen_in_the_kits_own_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("NETKIT_DATASETS", "/somewhere/else")
    env = lab.lab_environment()
    plugin = tmp_path / "config/netkit/lab-settings/@jupyterlab/translation-extension/plugin.jupyterlab-settings"
    assert env["JUPYTERLAB_SETTINGS_DIR"] == str(plugin.parents[2])
    assert json.loads(plugin.read_text("utf-8")) == {"locale": "ja_JP"}
    assert "NETKIT_DATASETS" not in env  # notebooks find the datasets beside them


def test_a_missing_folder_or_extra_is_explained(tmp_path, capsys, monkeypatch):
    assert main(["lab", str(tmp_path / "nope")]) == 2
    assert "netkit init" in capsys.readouterr().err
    monkeypatch.setattr(lab, "missing_packages", lambda: ["jupyterlab"])
    assert main(["lab", str(tmp_path)]) == 2
    assert 'pip install "net-literacy-kit[lab]"' in capsys.readouterr().err


@pytest.mark.skipif(bool(lab.missing_packages()), reason="the lab extra is not installed")
def test_jupyterlab_starts_in_japanese_and_stops_by_pid(tmp_path, monkeypatch):
    import socket

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert main(["init", str(tmp_path / "c")]) == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = lab.start_lab(tmp_path / "c", port=port, open_browser=False, token="t0ken")
    try:
        deadline, body = time.monotonic() + 120, None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                url = f"http://127.0.0.1:{port}/lab/api/translations/ja_JP?token=t0ken"
                with urllib.request.urlopen(url, timeout=5) as r:
                    body = json.loads(r.read())
                break
            except OSError:
                time.sleep(0.5)
        assert body is not None, "JupyterLab did not start"
        assert body["data"], body  # the Japanese pack answers
        settings = f"http://127.0.0.1:{port}/lab/api/settings/@jupyterlab/translation-extension:plugin?token=t0ken"
        with urllib.request.urlopen(settings, timeout=10) as r:
            assert json.loads(r.read())["settings"]["locale"] == "ja_JP"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/lessons?token=t0ken", timeout=10) as r:
            names = {item["name"] for item in json.loads(r.read())["content"]}
        assert {"defamation", "misinformation", "piracy"} <= names  # the folder is the root
    finally:
        proc.terminate()
        proc.wait(30)
