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
