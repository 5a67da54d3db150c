"""``netkit lab DIR``: the teacher's folder in JupyterLab, in Japanese, on this computer only.

JupyterLab and its Japanese language pack come with the ``lab`` extra. The language is chosen
through a settings folder of the kit's own (``JUPYTERLAB_SETTINGS_DIR``), so the teacher's other
JupyterLab settings are left alone; the server listens on 127.0.0.1 with the folder as its root.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

LOCALE = "ja_JP"


def missing_packages() -> list[str]:
    """The lab extra's packages that are not installed."""
    wanted = {"jupyterlab": "jupyterlab", "jupyterlab_language_pack_ja_JP": "jupyterlab-language-pack-ja-JP"}
    return [pkg for module, pkg in wanted.items() if find_spec(module) is None]


def settings_dir() -> Path:
    """The kit's own JupyterLab user-settings folder, with the Japanese locale chosen."""
    from platformdirs import user_config_dir

    folder = Path(user_config_dir("netkit", appauthor=False)) / "lab-settings"
    plugin = folder / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings"
    plugin.parent.mkdir(parents=True, exist_ok=True)
    if not plugin.is_file():
        plugin.write_text(json.dumps({"locale": LOCALE}) + "\n", "utf-8")
    return folder


def lab_command(folder: Path, port: int = 8888, open_browser: bool = True, token: str | None = None) -> list[str]:
    """The command line that starts JupyterLab on ``folder`` (127.0.0.1 only)."""
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={Path(folder).resolve()}",
           "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=20",
           f"--ServerApp.open_browser={open_browser}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--ServerApp.allow_root=True")  # a container or a school server's admin shell
    if token is not None:
        cmd.append(f"--IdentityProvider.token={token}")
    return cmd


def lab_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for JupyterLab: the Japanese settings folder, and content found in the folder."""
    env = dict(os.environ if base is None else base)
    env["JUPYTERLAB_SETTINGS_DIR"] = str(settings_dir())
    env.pop("NETKIT_DATASETS", None)  # each notebook finds the datasets/ beside it
    return env


def start_lab(folder: Path, port: int = 8888, open_browser: bool = True, token: str | None = None) -> subprocess.Popen:
    """Start JupyterLab as a child process (stop it by its pid)."""
    return subprocess.Popen(lab_command(folder, port, open_browser, token), env=lab_environment(), cwd=str(folder))


HUB_FOLDER = "net-literacy-kit"  # the teacher's own folder in their home on the hub


def hub_folder(home: Path, folder: str | None = None) -> Path:
    """The teacher's ``netkit init`` folder under ``home``, made at the first start (kept as it is after that)."""
    from kit.workspace.update import init_folder

    target = Path(home) / (folder or HUB_FOLDER)
    if not (target / "lessons").exists():
        init_folder(target)
    return target


def hub_lab(folder: str | None = None) -> int:
    """Behind JupyterHub: make the teacher's folder if missing, then become ``jupyterhub-singleuser`` (JupyterLab in Japanese)."""
    home = Path(os.environ.get("HOME") or Path.home())
    hub_folder(home, folder)
    env = lab_environment()  # the hub's JUPYTERHUB_* variables are kept; the language is chosen as for netkit lab
    os.chdir(home)
    command = [sys.executable, "-m", "jupyterhub.singleuser"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--ServerApp.allow_root=True")  # a container run as root (the image runs as uid 1000)
    os.execve(sys.executable, command, env)
    return 0  # not reached
