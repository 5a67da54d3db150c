"""``netkit``'s answer to a command typed wrong: Japanese first, then English, never argparse's English alone.

``TeacherParser`` is the parser of ``netkit`` and of every subcommand (argparse makes subparsers of the
parser's own class). A missing subcommand lists the subcommands with their help; a missing argument, an
option that does not exist (``--dir`` where the folder is written plainly), an unknown choice and any other
argparse message each get one sentence from ``kit/text/cli.yaml``, then the usage line. The exit status
stays argparse's 2.
"""

from __future__ import annotations

import argparse
import re
import sys

from kit.text.cli_text import say


class TeacherParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors a teacher can read (see the module docstring)."""

    def error(self, message: str):
        print(explain(self, message), file=sys.stderr)
        self.exit(2)


def explain(parser: argparse.ArgumentParser, message: str) -> str:
    """The lines ``netkit`` prints for argparse's ``message`` about ``parser``."""
    prog = parser.prog
    required = re.fullmatch(r"the following arguments are required: (.+)", message)
    subcommands = _subcommands(parser)
    if required and subcommands is not None and subcommands.dest in required.group(1).split(", "):
        names = [a.dest for a in subcommands._choices_actions]
        lines = [say("usage_need_subcommand", prog=prog, example=f"{prog} {names[0]}")]
        width = max(map(len, names))
        lines += [f"  {prog} {a.dest.ljust(width)}  {a.help or ''}" for a in subcommands._choices_actions]
        lines.append(say("usage_help", example=f"{prog} {names[0]}"))
        return "\n".join(lines)
    if required:
        sentence = say("usage_need_argument", prog=prog, names="・".join(_named(parser, n) for n in required.group(1).split(", ")))
    elif unknown := re.fullmatch(r"unrecognized arguments: (.+)", message):
        sentence = _unknown(parser, unknown.group(1))
    elif choice := re.fullmatch(r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.+)\)", message):
        sentence = say("usage_invalid_choice", prog=prog, arg=choice.group(1), value=choice.group(2),
                       choices=choice.group(3).replace("'", ""))
    elif expected := re.fullmatch(r"argument (\S+): expected (one|at least one) argument", message):
        sentence = say("usage_needs_value", prog=prog, arg=expected.group(1))
    elif re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", message):
        sentence = f"{prog}: {message}"  # the kit's own message (a count typed wrong): Japanese already
    else:
        sentence = say("usage_other", prog=prog, message=message)
    return sentence + "\n" + parser.format_usage().rstrip()


def _named(parser: argparse.ArgumentParser, name: str) -> str:
    """A required argument as argparse names it, with its help: 「file（取り込む .xlsx または .csv / …）」."""
    action = next((a for a in parser._actions if name in (a.dest, a.metavar, *a.option_strings)), None)
    return f"{name}（{action.help}）" if action is not None and action.help else name


def _unknown(parser: argparse.ArgumentParser, words: str) -> str:
    """An option that does not exist; when it names a plain argument (``--dir m_x``), the command written right."""
    plain = {a.dest for a in parser._actions if not a.option_strings and a.dest != argparse.SUPPRESS}
    for word in words.split():
        option, _, value = word.partition("=")
        name = option.lstrip("-")
        if option.startswith("--") and name in plain:
            typed = list(getattr(parser, "typed", ()))
            if option in typed:
                typed.remove(option)
            elif word in typed:
                typed[typed.index(word)] = value
            example = " ".join(typed) or " ".join(parser.format_usage().removeprefix("usage: ").split())
            return say("usage_plain_argument", prog=parser.prog, option=option, name=name, example=example)
    return say("usage_unknown", prog=parser.prog, words=words)


def _subcommands(parser: argparse.ArgumentParser):
    return next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)


def chosen_parser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The parser of the subcommand ``args`` ran (``netkit content import``), for its own usage line."""
    while (subcommands := _subcommands(parser)) is not None:
        name = getattr(args, subcommands.dest, None)
        if name not in subcommands.choices:
            break
        parser = subcommands.choices[name]
    return parser
