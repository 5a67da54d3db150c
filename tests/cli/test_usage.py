"""A command typed wrong is told in Japanese first, with what to type: never argparse's English alone."""

from __future__ import annotations

import pytest

from kit.cli import main


def typed(capsys, *argv) -> str:
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    assert info.value.code == 2
    return capsys.readouterr().err


def test_a_missing_subcommand_lists_the_subcommands_with_their_japanese_help(capsys):
    err = typed(capsys, "results")
    first = err.splitlines()[0]
    assert first.startswith("netkit results のあとに、することを1つ書いてください") and " / " in first
    assert "  netkit results list    クラスと授業の一覧" in err and "netkit results purge" in err
    assert "error:" not in err and "results_command" not in err
    assert typed(capsys, "content").splitlines()[0].startswith("netkit content のあとに")
    assert "netkit serve       授業を配信する" in typed(capsys)


def test_a_folder_given_as_dir_where_it_is_plain_shows_the_command_written_right(capsys):
    err = typed(capsys, "content", "import", "もんだい.xlsx", "--dir", "m_x")
    assert err.splitlines()[0].startswith(
        "netkit content import の dir は --dir を付けずに、そのまま書きます（例: netkit content import もんだい.xlsx m_x）。")
    assert "unrecognized arguments" not in err


def test_an_unknown_option_a_missing_argument_and_a_wrong_choice_are_japanese_first(capsys):
    assert typed(capsys, "serve", "--bogus").startswith("netkit serve に「--bogus」という指定はありません。")
    assert typed(capsys, "content", "import").startswith("netkit content import には file（取り込む .xlsx")
    assert typed(capsys, "results", "export", "--table", "zz").startswith("netkit results export の --table に「zz」は使えません。")
    assert typed(capsys, "serve", "--port").startswith("netkit serve の --port のあとに値を書いてください。")


def test_import_without_a_lesson_folder_suggests_the_folder_as_import_takes_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["content", "import", "もんだい.xlsx"]) == 2
    err = capsys.readouterr().err
    assert "例: netkit content import もんだい.xlsx じゅぎょう" in err and "--dir" not in err
