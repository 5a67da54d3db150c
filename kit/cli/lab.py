"""``netkit lab DIR``: open the teacher's folder in JupyterLab (Japanese).

``netkit lab --hub`` is the teacher's server that JupyterHub starts (``Spawner.cmd``): the teacher's own
``netkit init`` folder, made at the first start, in JupyterLab in Japanese (``kit.workspace.lab.hub_lab``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from kit.text.cli_text import say


def cmd_lab(args) -> int:
    """Start JupyterLab on the folder until Ctrl+C."""
    from kit.workspace import lab

    if args.hub:
        return lab.hub_lab(args.dir if args.dir != "." else None)
    folder = Path(args.dir).resolve()
    if not folder.is_dir():
        print(say("lab_no_folder", folder=args.dir), file=sys.stderr)
        return 2
    missing = lab.missing_packages()
    if missing:
        print(say("lab_missing", missing=", ".join(missing)), file=sys.stderr)
        return 2
    print(say("lab_starting", folder=folder), flush=True)
    proc = lab.start_lab(folder, port=args.port, open_browser=not args.no_browser)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait(30)
        return 0


def add_parser(sub) -> None:
    """Register ``netkit lab``."""
    p = sub.add_parser("lab", help="授業フォルダを日本語の JupyterLab で開く / open the folder in JupyterLab (Japanese)")
    p.add_argument("dir", nargs="?", default=".", help="授業のフォルダ / the folder (default: here)")
    p.add_argument("--port", type=int, default=8888, help="ポート番号 / port (default 8888)")
    p.add_argument("--no-browser", action="store_true", help="ブラウザを開かない / do not open a browser")
    p.add_argument("--hub", action="store_true", help="JupyterHub が起動する先生のサーバー（ホームの net-literacy-kit、なければ作る）"
                   " / the teacher's server JupyterHub starts (~/net-literacy-kit, made if missing)")
    p.set_defaults(func=cmd_lab)
