"""A district on one machine for a test: JupyterHub (pip) + configurable-http-proxy (npm) + PostgreSQL + netkit.

``District`` starts, on 127.0.0.1 only: a throwaway PostgreSQL (``tests/store/postgres_cluster.py``),
JupyterHub with a shared-password sign-in for the teachers (the hub starts the proxy), the router
``netkit route`` at ``/services/netkit/`` and netkit instances at ``/services/netkit-a/``, ``…-b/``,
each an external hub service started here (so that a test can SIGKILL one and nobody restarts it).
Everything is stopped by process id.

configurable-http-proxy is found in ``$NETKIT_CHP``, on PATH, or under ``node_modules/.bin`` of ``.ci/node``
(where ``.ci/run`` puts it) or ``/work/node`` (``npm install --prefix DIR configurable-http-proxy``).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kit.serve.wait import wait_until_serving
from tests.served import REPO, free_port

PASSWORD = "district-pass-7"  # the teachers' shared password (DummyAuthenticator): a test hub only
TEACHERS = ("sato", "tanaka")
ADMIN = "kyoiku"
ROUTER = "netkit"


def proxy_command() -> str:
    """configurable-http-proxy's executable, or ""."""
    candidates = [os.environ.get("NETKIT_CHP", ""), shutil.which("configurable-http-proxy") or "",
                  str(REPO / ".ci/node/node_modules/.bin/configurable-http-proxy"), "/work/node/node_modules/.bin/configurable-http-proxy"]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), "")


def missing() -> str:
    """Why a district cannot run here ("" when it can)."""
    from tests.store.postgres_cluster import missing as postgres_missing

    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        return "jupyterhub is not installed (pip install 'net-literacy-kit[hub]')"
    if not proxy_command():
        return "configurable-http-proxy is not installed (npm install --prefix DIR configurable-http-proxy)"
    return postgres_missing()


def require_district() -> None:
    """Skip without jupyterhub, configurable-http-proxy or PostgreSQL; in CI (CI=true) fail instead."""
    reason = missing()
    if not reason:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"the district test cannot run: {reason}; CI must install it (.ci/run)")
    pytest.skip(f"district test skipped: {reason}")


class Process:
    """One started process with its log file, stopped by its id."""

    def __init__(self, name: str, command: list[str], folder: Path, env: dict[str, str], cwd: Path | None = None):
        self.name = name
        self.log_path = folder / f"{name}.log"
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=cwd or folder,
                                     start_new_session=True)

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL, as a crashed machine would stop it."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()


class District:
    """A hub, its proxy, one PostgreSQL and netkit instances serving ``lessons``; ``url`` is the proxy's."""

    def __init__(self, folder: Path, lessons: Path, instances: tuple[str, ...] = ("a", "b"), class_size: int = 0,
                 preheat: tuple[str, ...] = (), durable: bool = False, max_connections: int = 200):
        from tests.store.postgres_cluster import Cluster

        self.folder = folder
        self.processes: list[Process] = []
        self.cluster = Cluster(durable, max_connections)  # durable: fsync on (benchmarks/district)
        try:
            self.store = self.cluster.fresh_url()
            self.port, hub_port, api_port = free_port(), free_port(), free_port()
            self.url = f"http://127.0.0.1:{self.port}/"
            services = {ROUTER: {"port": free_port()}}
            for name in instances:
                services[f"netkit-{name}"] = {"port": free_port(), "token": secrets.token_hex(16)}
            self.services = services
            self.hub_api = f"http://127.0.0.1:{hub_port}/hub/api"
            # The services first: the hub waits for an external service that does not answer yet.
            self.router = self._start(ROUTER, [sys.executable, "-m", "kit", "route", "--store", self.store],
                                      self._service_env(ROUTER))
            self.instances = {}
            for name in instances:
                self.instances[name] = self.start_instance(name, lessons, class_size, preheat)
            config = folder / "jupyterhub_config.py"
            config.write_text(self._config(hub_port, api_port), encoding="utf-8")
            env = {**os.environ, "CONFIGPROXY_AUTH_TOKEN": secrets.token_hex(16)}
            self.hub = self._start("jupyterhub", [sys.executable, "-m", "jupyterhub", "-f", str(config)], env)
            wait_until_serving(self.url + "hub/login", self.hub.proc, timeout=180)
            wait_until_serving(f"http://127.0.0.1:{services[ROUTER]['port']}/services/{ROUTER}/", self.router.proc, timeout=120)
            for name, process in self.instances.items():
                wait_until_serving(f"{self.url}services/netkit-{name}/", process.proc, timeout=240)
        except BaseException:
            self.stop()
            raise

    def _start(self, name: str, command: list[str], env: dict[str, str]) -> Process:
        process = Process(name, command, self.folder, env)
        self.processes.append(process)
        return process

    def _config(self, hub_port: int, api_port: int) -> str:
        services = []
        for name, s in self.services.items():
            entry = {"name": name, "url": f"http://127.0.0.1:{s['port']}"}
            if "token" in s:  # a netkit instance: teachers sign in to it through the hub (OAuth)
                entry.update(api_token=s["token"], oauth_client_id=f"service-{name}",
                             oauth_redirect_uri=f"/services/{name}/oauth_callback", oauth_no_confirm=True)
            services.append(entry)
        access = [f"access:services!service={name}" for name, s in self.services.items() if "token" in s]
        return textwrap.dedent(f"""\
            c = get_config()  # noqa
            c.JupyterHub.ip = "127.0.0.1"
            c.JupyterHub.port = {self.port}
            c.JupyterHub.hub_ip = "127.0.0.1"
            c.JupyterHub.hub_port = {hub_port}
            c.JupyterHub.db_url = "sqlite:///{self.folder / 'jupyterhub.sqlite'}"
            c.JupyterHub.cookie_secret_file = "{self.folder / 'jupyterhub_cookie_secret'}"
            c.ConfigurableHTTPProxy.command = [{proxy_command()!r}]
            c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
            c.ConfigurableHTTPProxy.pid_file = "{self.folder / 'proxy.pid'}"
            c.JupyterHub.authenticator_class = "dummy"
            c.DummyAuthenticator.password = {PASSWORD!r}
            c.Authenticator.allowed_users = {set(TEACHERS)!r}
            c.Authenticator.admin_users = {{{ADMIN!r}}}
            c.JupyterHub.services = {services!r}
            c.JupyterHub.load_roles = [{{"name": "teacher", "scopes": {access!r}, "users": {list(TEACHERS)!r}}}]
            c.JupyterHub.cleanup_servers = True
            # Teachers' JupyterLab as the district runs it (deploy/z2jh/values.yaml singleuser.cmd): netkit lab --hub.
            # The simple spawner needs no system users (a test hub only); homes are under the test's folder.
            c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
            c.SimpleLocalProcessSpawner.home_dir_template = "{self.folder / 'home'}/{{username}}"
            c.Spawner.cmd = [{sys.executable!r}, "-m", "kit", "lab", "--hub"]
            c.Spawner.environment = {{"PYTHONPATH": {str(REPO)!r}}}
            c.Spawner.start_timeout = 180
            c.Spawner.http_timeout = 180
        """)

    def _service_env(self, name: str) -> dict[str, str]:
        s = self.services[name]
        env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTERHUB_")}
        env.update(PYTHONPATH=str(REPO), NETKIT_STORE=self.store, JUPYTERHUB_SERVICE_NAME=name,
                   JUPYTERHUB_SERVICE_PREFIX=f"/services/{name}/", JUPYTERHUB_SERVICE_URL=f"http://127.0.0.1:{s['port']}",
                   JUPYTERHUB_API_URL=self.hub_api, JUPYTERHUB_BASE_URL="/", JUPYTERHUB_HOST="")
        if "token" in s:
            env.update(JUPYTERHUB_API_TOKEN=s["token"], JUPYTERHUB_CLIENT_ID=f"service-{name}",
                       JUPYTERHUB_OAUTH_CALLBACK_URL=f"/services/{name}/oauth_callback",
                       JUPYTERHUB_OAUTH_ACCESS_SCOPES=json.dumps([f"access:services!service={name}"]))
        return env

    def start_instance(self, name: str, lessons: Path, class_size: int = 0, preheat: tuple[str, ...] = ()) -> Process:
        """Start netkit instance ``name`` (``netkit serve --hub``) as the hub's service ``netkit-NAME``."""
        data = self.folder / f"data-{name}"
        extra = [a for lesson in preheat for a in ("--lesson", lesson)]
        if class_size:
            extra += ["--class-size", str(class_size)]
        else:
            extra += ["--no-auto-pool"]
        command = [sys.executable, "-m", "kit", "serve", str(lessons), "--hub", "--data-dir", str(data),
                   "--store", self.store, "--student-url", f"{self.url}services/{ROUTER}/", *extra]
        return self._start(f"netkit-{name}", command, self._service_env(f"netkit-{name}"))

    def pins(self) -> dict[str, str]:
        """Class → the instance the router pinned it to."""
        from kit.store import open_store

        store = open_store(self.store)
        try:
            return store.pins()
        finally:
            store.close()

    def student_link(self, query: str = "", path: str = "") -> str:
        """The link a student opens: the router's, with their class (and nickname) in it."""
        return f"{self.url}services/{ROUTER}/{path}" + (f"?{query}" if query else "")

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.stop()
        self.processes.clear()
        proxy = self.folder / "proxy.pid"  # the hub stops its proxy; not if it was stopped while starting
        if proxy.exists():
            try:
                os.kill(int(proxy.read_text().strip()), signal.SIGTERM)
            except (OSError, ValueError):
                pass
        self.cluster.remove()


class TeacherBrowser:
    """A teacher's browser (``requests``): signed in to the hub, on the dashboard of whichever instance is live."""

    def __init__(self, district: District, name: str):
        import requests

        self.district, self.name = district, name
        self.http = requests.Session()
        login = self.http.get(district.student_link(path="teacher/"))  # the router → an instance → the hub's sign-in
        assert urlsplit(login.url).path == "/hub/login", login.url
        page = self.http.post(login.url, data={"username": name, "password": PASSWORD,
                                               "_xsrf": self.http.cookies.get("_xsrf", path="/hub/")})
        assert page.status_code == 200 and urlsplit(page.url).path.endswith("/teacher/"), (page.status_code, page.url)

    def get(self, url: str):
        return self.http.get(url)

    def claim(self, class_code: str):
        """Make ``class_code`` this teacher's with the dashboard's form."""
        page = self.http.get(self.district.student_link(path="teacher/"))
        base = page.url.split("teacher/")[0]
        xsrf = self.http.cookies.get("_xsrf", path=urlsplit(base).path)
        return self.http.post(base + "teacher/classes", data={"class": class_code, "_xsrf": xsrf},
                              headers={"Referer": page.url})


    def publish(self, filename: str, notebook: bytes, classes: list[str] | None = None,
                content: list[tuple[str, bytes]] = ()):
        """「授業を公開」 on the teacher's page: upload ``notebook`` as ``filename`` for ``classes`` (None: all the teacher's),
        with the content files ``content`` ((name, bytes) each)."""
        page = self.http.get(self.district.student_link(path="teacher/"))
        base = page.url.split("teacher/")[0]
        xsrf = self.http.cookies.get("_xsrf", path=urlsplit(base).path)
        files = [("notebook", (filename, notebook, "application/x-ipynb+json")),
                 *(("content", (name, body, "application/octet-stream")) for name, body in content)]
        return self.http.post(base + "teacher/publish", files=files,
                              data={"_xsrf": xsrf, **({"class": classes} if classes else {})}, headers={"Referer": page.url})


def sign_in(district: District, name: str) -> TeacherBrowser:
    return TeacherBrowser(district, name)
