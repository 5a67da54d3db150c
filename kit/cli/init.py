"""``netkit init DIR`` and ``netkit init --update DIR``: the teacher's own copy, and its upgrade."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from kit import __version__
from kit.text.cli_text import say
from kit.workspace.manifest import Manifest
from kit.workspace.update import Kind, apply_change, diff_lines, init_folder, plan_update


def cmd_init(args) -> int:
    """Make a teacher's folder, or upgrade one with ``--update``."""
    from kit.workspace.targets import TargetError, shown, writable

    try:
        folder = writable(args.dir)
    except TargetError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.update:
        ask = None if args.yes or args.dry_run else (input if sys.stdin.isatty() else None)
        return run_update(folder, yes=args.yes, dry_run=args.dry_run or (ask is None and not args.yes), ask=ask,
                          explain_no_terminal=not (args.yes or args.dry_run))
    if (folder / "lessons").exists() or Manifest.read(folder) is not None:
        print(say("init_exists", folder=args.dir), file=sys.stderr)
        return 2
    count = init_folder(folder)
    print(say("init_done", count=count, folder=folder))
    print(say("init_next", folder=shown(folder)))
    return 0


def run_update(folder: Path, yes: bool = False, dry_run: bool = False, ask: Callable[[str], str] | None = None,
               out: Callable[[str], None] = print, explain_no_terminal: bool = False, root: Path | None = None) -> int:
    """Offer each change of the kit's new version; take what the teacher accepts (``ask`` reads answers)."""
    manifest = Manifest.read(folder)
    if manifest is None:
        out(say("update_no_manifest", folder=folder))
        return 2
    plan = plan_update(folder, manifest, root)
    if manifest.kit_version != __version__:
        out(say("update_versions", old=manifest.kit_version or "?", new=__version__))
    for rel, digest in plan.settled.items():
        if digest:
            manifest.files[rel] = digest
        else:
            manifest.files.pop(rel, None)
    if not plan.changes:
        out(say("update_nothing"))
        if not dry_run:
            manifest.kit_version = __version__
            manifest.write(folder)
        return 0
    out(say("update_count", count=len(plan.changes)))
    taken = skipped = 0
    for change in plan.changes:
        out("")
        out(f"● {change.path}  —  {say('kind_' + change.kind.value)}")
        if dry_run:
            diff = diff_lines(change, folder, root)
            added = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
            removed = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
            if diff:
                out(f"    +{added} −{removed} 行 / lines")
            continue
        accept = change.default if yes else _ask(change, folder, ask, out, root)
        if accept is None:
            break
        if accept:
            where = apply_change(change, folder, manifest, root)
            out("    " + (say("done_saved_beside", where=where) if change.kind is Kind.EDITED else say("done_taken", where=where)))
            taken += 1
        else:
            out("    " + say("done_skipped", path=change.path))
            skipped += 1
    out("")
    if dry_run:
        out(say("no_terminal") if explain_no_terminal else say("dry_run_note"))
        return 0
    manifest.kit_version = __version__
    manifest.write(folder)
    out(say("update_done", taken=taken, skipped=skipped, folder=folder))
    return 0


def _ask(change, folder: Path, ask: Callable[[str], str], out, root) -> bool | None:
    question = f"    {say('ask_' + change.kind.value)}? {say('prompt_choices')} > "
    while True:
        try:
            answer = ask(question).strip().lower()
        except EOFError:
            return None
        if answer in ("y", "yes", "はい"):
            return True
        if answer in ("n", "no", "いいえ", ""):
            return False
        if answer in ("q", "quit"):
            return None
        if answer == "d":
            for line in diff_lines(change, folder, root) or ["（差分を表示できない種類のファイルです / binary file）"]:
                out("    " + line)


def add_parser(sub) -> None:
    """Register ``netkit init``."""
    init = sub.add_parser("init", help="授業と内容ファイルを自分のフォルダにコピーする / copy the lessons into a folder you own")
    init.add_argument("dir", help="作るフォルダ / the folder to make (or to update)")
    init.add_argument("--update", action="store_true",
                      help="キットの新しい版の変更を見て、選んだものだけ取り込む / show what the kit's new version changed and take what you accept")
    init.add_argument("--yes", action="store_true", help="たずねずに取り込む（先生が編集したファイルは上書きしない）/ take every offer without asking (never overwrites your edits)")
    init.add_argument("--dry-run", action="store_true", help="何が変わるかを表示するだけ / only show what would change")
    init.set_defaults(func=cmd_init)
