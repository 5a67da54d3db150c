"""Net Literacy Kit on The Littlest JupyterHub: one school's server, teachers signing in with the hub.

Install with TLJH's installer (``--plugin``, see docs/district.md), or on an installed TLJH with
``sudo /opt/tljh/hub/bin/python3 -m pip install deploy/tljh`` and ``sudo tljh-config reload hub``.

- The kit (with JupyterLab in Japanese, its ``lab`` extra) goes into TLJH's user environment, so that
  teachers' JupyterLab has ``netkit`` and the hub runs ``netkit serve`` from there.
- ``netkit serve --hub`` is a hub service named ``netkit``: its prefix is ``/services/netkit/``, where
  students open the lessons with a class code and a nickname (they have no hub account) and every hub
  user opens the teacher's page (the school's hub users are its teachers). The service runs as the system
  user ``netkit``, not as root, with its results in SQLite under ``/var/lib/netkit`` (one machine: no
  PostgreSQL needed) and the school's lessons in ``/srv/netkit`` (made with ``netkit init``).
- Each teacher's JupyterLab (Japanese) opens their own copy of the lessons, ``~/net-literacy-kit``, made with
  ``netkit init`` at their first start (``netkit lab --hub``); from the teacher's page (「授業を公開」) they publish a
  changed lesson to their classes (written into ``/srv/netkit/published``, kept in the SQLite store).
- Optional settings, with ``sudo tljh-config set KEY VALUE`` then ``sudo tljh-config reload hub``: each
  is one of netkit serve's own options (``netkit serve --help``)::

      netkit.student_url   --student-url  the link shown with its QR code, e.g. http://192.168.1.20/services/netkit/
      netkit.class_size    --class-size   kernels started in advance for today's lessons
      netkit.lessons       --lesson       today's lessons, a list (tljh-config add-item netkit.lessons defamation/basics)
      netkit.max_kernels   --max-kernels  most kernels at once (default: from the memory free at start)
"""

from __future__ import annotations

import os
import subprocess

from pluggy import HookimplMarker

hookimpl = HookimplMarker("tljh")  # the same marker as tljh.hooks.hookimpl, without importing TLJH

KIT_VERSION = "0.1.0"
SERVICE = "netkit"
PORT = 8866
USER = "netkit"
DATA_DIR = "/var/lib/netkit"
LESSONS_DIR = "/srv/netkit"
USER_ENV = "/opt/tljh/user"  # tljh.config.USER_ENV_PREFIX
SETTINGS = {"student_url": "--student-url", "class_size": "--class-size", "lessons": "--lesson", "max_kernels": "--max-kernels"}


def user_packages() -> list[str]:
    """What the user environment needs: the kit with JupyterLab in Japanese (jupyterhub is already there)."""
    return [f"net-literacy-kit[lab]=={KIT_VERSION}"]


def serve_command(settings: dict | None = None, user_env: str = USER_ENV) -> list[str]:
    """``netkit serve --hub`` for the hub to start, with the school's settings as netkit serve's own options."""
    command = [f"{user_env}/bin/netkit", "serve", LESSONS_DIR, "--hub", "--data-dir", DATA_DIR]
    for key, value in (settings or {}).items():
        option = SETTINGS.get(key)
        if option is None:
            raise ValueError(f"netkit.{key}: no such setting; use one of {', '.join('netkit.' + k for k in SETTINGS)}")
        for item in value if isinstance(value, list) else [value]:
            command += [option, str(item)]
    return command


def service(settings: dict | None = None, user_env: str = USER_ENV) -> dict:
    """The hub service: started and restarted by the hub, as user ``netkit``, at ``/services/netkit/``."""
    return {
        "name": SERVICE,
        "url": f"http://127.0.0.1:{PORT}",
        "command": serve_command(settings, user_env),
        "user": USER,
        "cwd": DATA_DIR,
        "environment": {"PATH": f"{user_env}/bin:/usr/local/bin:/usr/bin:/bin", "HOME": DATA_DIR},
        "oauth_no_confirm": True,
        "display": True,
    }


def user_role() -> dict:
    """Every hub user may open the teacher's page: on a school's TLJH the hub's users are its teachers."""
    return {"name": "user", "scopes": ["self", f"access:services!service={SERVICE}"]}


def settings_from(config: dict) -> dict:
    """The ``netkit`` section of TLJH's config.yaml (empty when there is none)."""
    section = config.get("netkit") or {}
    return dict(section) if isinstance(section, dict) else {}


def _tljh_settings() -> dict:
    try:
        from tljh.config import CONFIG_FILE
        from tljh.configurer import load_config
    except ImportError:  # not on a TLJH server (tests, a plain JupyterHub loading this module)
        return {}
    return settings_from(load_config(CONFIG_FILE))


@hookimpl
def tljh_extra_user_pip_packages():
    return user_packages()


@hookimpl
def tljh_custom_jupyterhub_config(c):
    c.JupyterHub.services = [*c.JupyterHub.get("services", []), service(_tljh_settings())]
    c.JupyterHub.load_roles = [*c.JupyterHub.get("load_roles", []), user_role()]
    c.Spawner.cmd = lab_command()
    c.Spawner.default_url = "/lab"


def lab_command(user_env: str = USER_ENV) -> list[str]:
    """Each teacher's server: their own ``netkit init`` folder (~/net-literacy-kit, made at the first start), JupyterLab in Japanese."""
    return [f"{user_env}/bin/netkit", "lab", "--hub"]


def setup_commands(user_exists: bool, lessons_exist: bool, user_env: str = USER_ENV) -> list[list[str]]:
    """What the server needs once: the system user, its results folder and the school's copy of the lessons."""
    commands = []
    if not user_exists:
        commands.append(["useradd", "--system", "--home-dir", DATA_DIR, "--shell", "/usr/sbin/nologin", USER])
    commands.append(["install", "-d", "-o", USER, "-g", USER, "-m", "0750", DATA_DIR])
    if not lessons_exist:
        commands.append([f"{user_env}/bin/netkit", "init", LESSONS_DIR])
    commands.append(["chown", "-R", f"{USER}:{USER}", LESSONS_DIR])
    return commands


@hookimpl
def tljh_post_install():
    user_exists = subprocess.run(["id", "-u", USER], capture_output=True).returncode == 0
    for command in setup_commands(user_exists, os.path.exists(LESSONS_DIR)):
        subprocess.run(command, check=True)
