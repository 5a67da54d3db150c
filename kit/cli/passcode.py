"""``netkit passcode [--new | --set TEXT]``: show or change the teacher's passcode kept with the results."""

from __future__ import annotations

import sys
from pathlib import Path


def cmd_passcode(args) -> int:
    """Print the passcode (made and saved if there is none); ``--new`` or ``--set`` change it."""
    from kit.serve.teacher_auth import current_passcode, new_passcode, passcode_path, passcode_problem, save_passcode
    from kit.store import data_dir
    from kit.text.cli_text import say

    folder = Path(args.data_dir).resolve() if args.data_dir else data_dir()
    if args.set:
        problem = passcode_problem(args.set)
        if problem:
            print(say(problem, example=new_passcode()), file=sys.stderr)
            return 2
    if args.set or args.new:
        passcode = args.set or new_passcode()
        save_passcode(folder, passcode)
        print(say("passcode_changed", passcode=passcode))
        return 0
    passcode = current_passcode(folder)
    print(say("passcode_show", passcode=passcode, path=passcode_path(folder)))
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("passcode", help="先生用パスコードを表示・変更する / show or change the teacher passcode")
    p.add_argument("--data-dir", help="結果の保存先（netkit serve と同じ）/ the results folder (as for netkit serve)")
    change = p.add_mutually_exclusive_group()
    change.add_argument("--new", action="store_true", help="新しいパスコードを作る / make a new passcode")
    change.add_argument("--set", metavar="TEXT", help="このパスコードにする（10 文字以上、文字と数字）/ use this passcode (10+ characters, letters and digits)")
    p.set_defaults(func=cmd_passcode)
