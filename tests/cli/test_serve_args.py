"""``netkit serve``'s numbers: a teacher's typo gets one sentence, never a server that turns everyone away."""

from __future__ import annotations

import pytest

from kit.cli import build_parser


def test_counts_typed_full_width_are_read():
    args = build_parser().parse_args(["serve", "--class-size", "４０", "--max-kernels", "６０"])
    assert (args.class_size, args.max_kernels) == (40, 60)


@pytest.mark.parametrize("option,value", [("--max-kernels", "-5"), ("--class-size", "forty"), ("--cull-after", "1.5")])
def test_a_negative_or_non_number_is_refused_with_one_sentence(option, value, capsys):
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["serve", option, value])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "0 以上の整数を書いてください" in err and "whole number" in err and option in err


def test_the_light_page_is_the_default_and_voilas_page_a_switch_away():
    """The kit's own lessons get the light page unless the teacher asks for Voilà's page for every lesson."""
    from kit.serve.app import ServeOptions

    assert build_parser().parse_args(["serve"]).light_page is True
    assert ServeOptions(root=".").light_page is True
    assert build_parser().parse_args(["serve", "--no-light-page"]).light_page is False


def test_a_folder_with_a_content_problem_is_served_with_validates_sentences_as_a_warning(tmp_path, monkeypatch, capsys):
    """netkit serve m_x starts (never refuses) and says below the banner what netkit validate m_x would say."""
    import shutil
    import socket
    import threading

    from kit.cli import main, serve
    from tests.conftest import REPO

    folder = tmp_path / "m_x"
    shutil.copytree(REPO / "datasets", folder / "datasets")
    shutil.copytree(REPO / "lessons", folder / "lessons", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    bank = folder / "datasets/quizzes/defamation_basics.csv"
    lines = bank.read_text("utf-8-sig").splitlines()
    lines[2] = lines[2].rsplit(",×,", 1)[0] + ",○," + lines[2].rsplit(",×,", 1)[1]
    bank.write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.setattr("kit.serve.app.make_app", lambda options: object())

    def run(app):  # the server would run until Ctrl+C; here it waits only for the background check
        for thread in threading.enumerate():
            if thread.name == serve.CONTENT_CHECK_THREAD:
                thread.join(60)
        return 0

    monkeypatch.setattr(serve, "_run", run)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.chdir(tmp_path)
    assert main(["serve", "m_x", "--host", "127.0.0.1", "--port", str(port), "--data-dir", str(tmp_path / "data"),
                 "--no-auto-pool"]) == 0
    out, err = capsys.readouterr()
    assert "Net Literacy Kit を起動しました" in out
    assert "注意: この授業フォルダの内容に問題があります" in err and "netkit validate m_x で確かめて" in err
    assert "datasets/quizzes/defamation_basics.csv: 3行目、列・項目「answer」" in err
    assert serve.content_warning(REPO / "lessons", REPO / "datasets") == ""  # a sound folder: no warning
