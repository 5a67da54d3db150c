"""``netkit``: the command teachers and school IT run. One module per subcommand, each with ``add_parser`` and its
``cmd_*`` functions; what several need (the lesson folders, a whole-number argument) is in ``kit.cli.common``; a
command typed wrong is answered in Japanese first by ``kit.cli.usage``.

    netkit serve [DIR] [--host H] [--port P] [--class-size N] [--lesson PATH] [--data-dir D]   kit/cli/serve.py
    netkit validate [DIR] [--lang en]                                                          kit/cli/validate.py
    netkit results list | export | purge                                                       kit/cli/results.py
    netkit init DIR [--update]                                                                 kit/cli/init.py
    netkit content export | import                                                             kit/cli/content.py
    netkit new lesson                                                                          kit/cli/new.py
    netkit print guide | worksheet                                                             kit/cli/printing.py
    netkit lab [DIR]                                                                           kit/cli/lab.py
    netkit doctor [--port P]                                                                   kit/cli/doctor.py
    netkit experiment list | on LESSON | off LESSON [--dir DIR]                                kit/cli/experiment.py
    netkit passcode [--new | --set TEXT]                                                       kit/cli/passcode.py
    netkit route [--store URL] [--port P]   (behind JupyterHub: each class to its instance)     kit/cli/route.py
"""

from __future__ import annotations

import argparse
import sys

from kit import __version__
from kit.cli import content, doctor, experiment, init, lab, new, passcode, printing, results, route, serve, validate
from kit.cli.usage import TeacherParser, chosen_parser

SUBCOMMANDS = (serve, validate, results, init, content, new, experiment, printing, lab, doctor, passcode, route)


def build_parser() -> argparse.ArgumentParser:
    """The ``netkit`` argument parser."""
    parser = TeacherParser(prog="netkit", description="Net Literacy Kit — ネットリテラシー教室")
    parser.add_argument("--version", action="version", version=f"netkit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in SUBCOMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``netkit`` with ``argv`` (default: the command line); return the exit status."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # told by the subcommand's own parser: its usage, and how to write a plain argument given as --name
        chosen = chosen_parser(parser, args)
        chosen.typed = ["netkit", *(sys.argv[1:] if argv is None else argv)]  # to show the command written right
        chosen.error(f"unrecognized arguments: {' '.join(unknown)}")
    return args.func(args)
