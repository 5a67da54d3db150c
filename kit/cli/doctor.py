"""``netkit doctor [--port P]``: one line per check of this computer before a lesson (the checks: ``kit.doctor``)."""

from __future__ import annotations

from pathlib import Path

from kit import doctor
from kit.cli.common import whole_number
from kit.text.cli_text import say


def cmd_doctor(args) -> int:
    """Print one line per check; exit 1 when any needs doing."""
    findings = doctor.report(args.port, Path(args.data_dir).resolve() if args.data_dir else None, args.class_size)
    print(say("doctor_title"))
    for finding in findings:
        print(finding.line())
    return 0 if all(f.ok for f in findings) else 1


def add_parser(sub) -> None:
    """Register ``netkit doctor``."""
    p = sub.add_parser("doctor", help="授業の前に、この PC を確かめる / check this computer before a lesson")
    p.add_argument("--port", type=int, default=8866, help="netkit serve のポート / the port of netkit serve (default 8866)")
    p.add_argument("--data-dir", help="結果の保存先 / where results are stored")
    p.add_argument("--class-size", type=whole_number, default=40, help="クラスの人数 / students in the class (default 40)")
    p.set_defaults(func=cmd_doctor)
