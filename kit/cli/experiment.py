"""``netkit experiment list | on LESSON | off LESSON [--dir DIR]``: a lesson's class experiment, switched by a teacher."""

from __future__ import annotations

import sys


def cmd_experiment(args) -> int:
    """List the lessons that declare an experiment, or switch one on or off in the teacher's folder."""
    from kit.text.cli_text import say, word
    from kit.workspace.experiment import ExperimentError, declared, switch
    from kit.workspace.targets import TargetError, teacher_folder

    try:
        lessons, _datasets = teacher_folder(args.dir)
    except TargetError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.action == "list":
        found = declared(lessons)
        if not found:
            print(say("experiment_none", folder=lessons))
        for d in found:
            state = "experiment_state_on" if d.experiment.on else "experiment_state_off"
            print(say("experiment_row", lesson=d.lesson, path=d.path, title=d.experiment.title.get("ja"),
                      title_en=d.experiment.title.get("en"), state=word(state, "ja"), state_en=word(state, "en")))
        return 0
    if not args.lesson:
        print(say("experiment_name_lesson", action=args.action), file=sys.stderr)
        return 2
    try:
        path, experiment, changed = switch(lessons, args.lesson, args.action == "on")
    except ExperimentError as exc:
        print(exc, file=sys.stderr)
        return 1
    key = ("experiment_on" if experiment.on else "experiment_off") + ("" if changed else "_already")
    print(say(key, title=experiment.title.get("ja"), title_en=experiment.title.get("en"), path=path,
              arms="・".join(arm.label.get("ja") for arm in experiment.arms),
              arms_en=", ".join(arm.label.get("en") for arm in experiment.arms)))
    return 0


def add_parser(sub) -> None:
    """Register ``netkit experiment``."""
    p = sub.add_parser("experiment", help="クラスの実験を始める・やめる / switch a lesson's class experiment on or off")
    p.add_argument("action", choices=("list", "on", "off"),
                   help="list: 実験のある授業の一覧 / lessons with an experiment; on: 始める / run it; off: やめる / stop it")
    p.add_argument("lesson", nargs="?", help="授業の id かパス（例: misinformation-jh, misinformation/jh）/ lesson id or path")
    p.add_argument("--dir", help="授業のフォルダ（netkit init で作ったもの。省略するといまのフォルダ）/ "
                   "your lesson folder, made by netkit init (default: the current folder)")
    p.set_defaults(func=cmd_experiment)
