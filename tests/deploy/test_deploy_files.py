"""deploy/: the district's Helm values and manifests, the image and the school's TLJH plugin say what the kit does.

Nothing here runs Kubernetes, Docker or TLJH: the files are read and checked against the kit itself (its
command-line options, the prefix ``netkit serve --hub`` takes, the routes it serves, its version) and
against its measured sizing in docs/performance.md, so that a change on either side that breaks a
deployment fails here.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path

import pytest
import yaml

from kit import __version__
from kit.cli import build_parser
from kit.serve.capacity import KERNEL_MB
from kit.serve.hub import service_prefix

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
VALUES = DEPLOY / "z2jh" / "values.yaml"
MANIFESTS = DEPLOY / "z2jh" / "netkit.yaml"
DOCKERFILE = DEPLOY / "image" / "Dockerfile"
PERFORMANCE = REPO / "docs" / "performance.md"
# The hooks TLJH declares (tljh/hooks.py, The Littlest JupyterHub 1.x); used when TLJH is not installed.
TLJH_HOOKS = {"tljh_extra_user_conda_packages": (), "tljh_extra_user_pip_packages": (), "tljh_extra_hub_pip_packages": (),
              "tljh_extra_apt_packages": (), "tljh_custom_jupyterhub_config": ("c",), "tljh_config_post_install": ("config",),
              "tljh_post_install": (), "tljh_new_user_create": ("username",)}


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def values() -> dict:
    return yaml.safe_load(VALUES.read_text("utf-8"))


@pytest.fixture(scope="module")
def objects() -> dict:
    """(kind, name) → object of deploy/z2jh/netkit.yaml."""
    docs = [d for d in yaml.safe_load_all(MANIFESTS.read_text("utf-8")) if d]
    return {(d["kind"], d["metadata"]["name"]): d for d in docs}


def container(objects, kind: str, name: str) -> dict:
    [only] = objects[(kind, name)]["spec"]["template"]["spec"]["containers"]
    return only


def environment(c: dict, **given: str) -> dict[str, str]:
    """The container's variables as Kubernetes expands them, ``given`` standing for those from the downward API."""
    env = dict(given)
    for item in c["env"]:
        if "value" in item:
            env[item["name"]] = re.sub(r"\$\((\w+)\)", lambda m: env.get(m.group(1), m.group(0)), item["value"])
    return env


def expand(words: list[str], env: dict[str, str]) -> list[str]:
    return [re.sub(r"\$\((\w+)\)", lambda m: env.get(m.group(1), m.group(0)), w) for w in words]


def instance_env(objects, index: int) -> dict[str, str]:
    return environment(container(objects, "StatefulSet", "netkit"), POD_NAME=f"netkit-{index}", POD_IP="10.0.0.5",
                       STUDENT_URL="https://hub.example.jp/services/netkit/")


def instance_names(values) -> list[str]:
    return sorted(name for name in values["hub"]["services"] if re.fullmatch(r"netkit-\d+", name))


def mb(quantity: str) -> float:
    """A Kubernetes memory quantity in MB (10^6 bytes)."""
    number, unit = re.fullmatch(r"([\d.]+)([A-Za-z]*)", str(quantity)).groups()
    return float(number) * {"": 1e-6, "k": 1e-3, "M": 1, "G": 1e3, "Ki": 1.024e-3, "Mi": 1.048576, "Gi": 1073.741824}[unit]


# --- the instances, their prefixes and the class affinity -------------------------------------------------

def test_each_instance_is_a_hub_service_at_its_own_stable_address(values, objects):
    """Session affinity: a class is pinned (by netkit route) to one instance, which the proxy reaches by its own name."""
    names = instance_names(values)
    statefulset = objects[("StatefulSet", "netkit")]
    assert len(names) == statefulset["spec"]["replicas"] >= 2
    assert names == [f"netkit-{i}" for i in range(len(names))]
    headless = objects[("Service", "netkit")]["spec"]
    assert headless["clusterIP"] == "None" and statefulset["spec"]["serviceName"] == "netkit"
    assert headless["publishNotReadyAddresses"] is True
    for i, name in enumerate(names):
        service = values["hub"]["services"][name]
        assert service["url"] == instance_env(objects, i)["JUPYTERHUB_SERVICE_URL"] == f"http://{name}.netkit:8866"
        assert service["oauth_client_id"] == instance_env(objects, i)["JUPYTERHUB_CLIENT_ID"] == f"service-{name}"
    # The router is one hub service whose students go to their class's instance.
    assert values["hub"]["services"]["netkit"]["url"] == "http://netkit-route:8865"
    assert objects[("Service", "netkit-route")]["spec"]["ports"][0]["port"] == 8865


def test_the_prefix_the_hub_gives_each_service_is_the_one_netkit_serves_at(values, objects):
    from jupyter_server.utils import url_path_join

    for i, name in enumerate(instance_names(values)):
        env = instance_env(objects, i)
        hub_prefix = url_path_join("/", "services", name) + "/"  # jupyterhub.services.service.Service.prefix
        assert service_prefix(env) == hub_prefix == env["JUPYTERHUB_SERVICE_PREFIX"]
        assert values["hub"]["services"][name]["oauth_redirect_uri"] == env["JUPYTERHUB_OAUTH_CALLBACK_URL"] \
            == hub_prefix + "oauth_callback"
        assert env["JUPYTERHUB_OAUTH_ACCESS_SCOPES"] == f'["access:services!service={name}"]'
    route = build_parser().parse_args(["route", *container(objects, "Deployment", "netkit-route")["args"]])
    assert service_prefix({"JUPYTERHUB_SERVICE_PREFIX": route.prefix}) == "/services/netkit/"
    assert route.host == "0.0.0.0"  # not the Service's name, which netkit route would otherwise take from the hub's URL


def test_the_commands_use_only_options_the_kit_has(objects, values):
    """argparse of the kit itself reads every command line deploy/ writes (an invented flag exits 2)."""
    parser = build_parser()
    instance = container(objects, "StatefulSet", "netkit")
    assert instance["command"][-1] == "netkit-instance"  # deploy/image/netkit-instance: exec netkit serve "$@"
    args = parser.parse_args(["serve", *expand(instance["args"], instance_env(objects, 0))])
    assert args.hub and args.host == "10.0.0.5" and args.data_dir == "/var/lib/netkit"
    assert args.student_url == "https://hub.example.jp/services/netkit/"
    route = container(objects, "Deployment", "netkit-route")
    assert route["command"][-2:] == ["netkit", "route"]
    parser.parse_args(["route", *route["args"]])
    lab = values["singleuser"]["cmd"]  # the teacher's server: their netkit init folder, JupyterLab in Japanese
    assert lab[0] == "netkit" and parser.parse_args(lab[1:]).hub
    cmd = shlex.split(DOCKERFILE.read_text("utf-8").split("\nCMD ")[1].splitlines()[0].strip("[]").replace(",", " "))
    assert cmd[0] == "netkit-instance"
    assert parser.parse_args(["serve", *cmd[1:]]).hub


def test_each_instance_reads_its_own_hub_token_from_the_charts_secret(values, objects):
    volume = next(v for v in objects[("StatefulSet", "netkit")]["spec"]["template"]["spec"]["volumes"] if v["name"] == "hub-tokens")
    assert volume["secret"]["secretName"] == "hub" and values.get("fullnameOverride") == ""
    items = {item["path"]: item["key"] for item in volume["secret"]["items"]}
    assert items == {name: f"hub.services.{name}.apiToken" for name in instance_names(values)}
    script = (DEPLOY / "image" / "netkit-instance").read_text("utf-8")
    assert '"$tokens/$JUPYTERHUB_SERVICE_NAME"' in script and 'exec netkit serve "$site" "$@"' in script
    mount = next(m for m in container(objects, "StatefulSet", "netkit")["volumeMounts"] if m["name"] == "hub-tokens")
    assert mount["mountPath"] == "/etc/netkit/hub-tokens" in script


def test_teachers_may_use_every_instance(values):
    teacher = values["hub"]["loadRoles"]["teacher"]
    assert sorted(teacher["scopes"]) == [f"access:services!service={n}" for n in instance_names(values)]
    assert teacher["groups"] == ["teachers"]


def test_only_teachers_an_admin_added_can_sign_in_to_the_hub(values):
    """Students have accounts in the district's domain too: a domain account alone must not open the hub."""
    config = values["hub"]["config"]
    assert config["JupyterHub"]["authenticator_class"] not in ("dummy", "null", "jupyterhub.auth.DummyAuthenticator")
    assert config["Authenticator"]["allow_all"] is False and config["Authenticator"]["allow_existing_users"] is True
    for name in ("OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET"):
        assert "secretKeyRef" in values["hub"]["extraEnv"][name]["valueFrom"], name


def test_students_link_and_teachers_sign_in_use_the_same_public_address(values, objects):
    from urllib.parse import urlsplit

    student = urlsplit(objects[("ConfigMap", "netkit")]["data"]["student-url"])
    callback = urlsplit(values["hub"]["extraEnv"]["OAUTH_CALLBACK_URL"])
    assert (student.scheme, student.netloc) == (callback.scheme, callback.netloc) and student.scheme == "https"
    assert student.path == "/services/netkit/" and callback.path == "/hub/oauth_callback"


def test_jupyterhub_loads_the_districts_and_the_schools_services(values, plugin, tmp_path):
    """JupyterHub itself reads the services and roles as z2jh's hub config and the TLJH plugin give them to it."""
    import asyncio
    import secrets

    app_module = pytest.importorskip("jupyterhub.app")
    from jupyterhub import orm
    from traitlets.config import Config

    c = Config()
    c.JupyterHub.db_url = f"sqlite:///{tmp_path / 'hub.sqlite'}"
    c.JupyterHub.cookie_secret = secrets.token_bytes(32)
    c.JupyterHub.log_level = "WARN"
    plugin.tljh_custom_jupyterhub_config(c)  # one school: service "netkit" run by the hub
    for key, spec in values["hub"]["services"].items():  # a district, as z2jh's jupyterhub_config.py adds them
        spec = dict(spec, name=f"district-{key}" if key == "netkit" else key, api_token=secrets.token_hex(16))
        c.JupyterHub.services.append(spec)
    c.JupyterHub.load_roles.extend(dict(role, name=key) for key, role in values["hub"]["loadRoles"].items())
    app = app_module.JupyterHub(config=c)
    asyncio.run(app.initialize([]))
    try:
        services = app._service_map
        for name in instance_names(values):
            assert services[name].prefix == f"/services/{name}/" and not services[name].managed
            assert services[name].oauth_redirect_uri == values["hub"]["services"][name]["oauth_redirect_uri"]
        school = services["netkit"]
        assert school.managed and school.user == "netkit" and school.prefix == "/services/netkit/"
        roles = {r.name: r for r in app.db.query(orm.Role)}
        assert [g.name for g in roles["teacher"].groups] == ["teachers"]
        assert "access:services!service=netkit" in roles["user"].scopes
        assert c.Spawner.cmd == ["/opt/tljh/user/bin/netkit", "lab", "--hub"]  # a teacher's own netkit init folder
        assert build_parser().parse_args(c.Spawner.cmd[1:]).hub
    finally:
        app.db.close()


# --- probes, resources, the hub's own parts -------------------------------------------------------------------

def test_probes_ask_for_a_page_the_kit_serves(objects):
    from kit.serve.check import handlers

    instance = container(objects, "StatefulSet", "netkit")
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert instance[probe]["exec"]["command"] == ["python", "/usr/local/lib/netkit/healthcheck.py"], probe
    healthcheck = load(DEPLOY / "image" / "healthcheck.py", "netkit_healthcheck")
    env = instance_env(objects, 1)
    url = healthcheck.health_url(env)
    assert url == "http://10.0.0.5:8866/services/netkit-1/check"
    path = url.split(":8866", 1)[1]
    assert any(re.fullmatch(pattern, path) for pattern, _ in handlers(env["JUPYTERHUB_SERVICE_PREFIX"]))
    # Without NETKIT_HEALTH_URL (docker run): the hub's service address and prefix, else 127.0.0.1:8866.
    assert healthcheck.health_url({"JUPYTERHUB_SERVICE_URL": "http://netkit-0.netkit:8866",
                                   "JUPYTERHUB_SERVICE_PREFIX": "/services/netkit-0/"}) == "http://netkit-0.netkit:8866/services/netkit-0/check"
    assert healthcheck.health_url({}) == "http://127.0.0.1:8866/check"
    route = container(objects, "Deployment", "netkit-route")
    assert route["readinessProbe"]["httpGet"]["path"] == route["livenessProbe"]["httpGet"]["path"] == "/services/netkit/"


def measured() -> dict[str, float]:
    """The sizing figures docs/performance.md gives for one school server."""
    text = PERFORMANCE.read_text("utf-8")
    sizing = text.split("## Sizing a school server")[1]
    servers = [float(m) for m in re.findall(r"\| (\d+) MB \| [\d.]+ \| \d+ s \| \d+ s \|", sizing)]
    return {
        "cores": float(re.search(r"measured on the development machine \((\d+) cores", text).group(1)),
        "server_mb": max(servers),
        "quiz_kernel_mb": float(re.search(r"about (\d+) MB for a quiz\s+and text lesson", sizing).group(1)),
        "counted_kernel_mb": float(re.search(r"counts (\d+) MB\s+per\s+kernel", sizing).group(1)),
        "played_max_mb": max(float(m) for m in re.findall(r"\| \d+ / \d+ MB \| (\d+) / \d+ MB \|", sizing)),
    }


def test_requests_and_limits_come_from_the_measured_sizing(objects):
    figures = measured()
    assert len([f for f in figures.values() if f]) == 5, figures
    assert figures["counted_kernel_mb"] == KERNEL_MB >= figures["played_max_mb"]
    instance = container(objects, "StatefulSet", "netkit")
    kernels = int(instance["args"][instance["args"].index("--max-kernels") + 1])
    resources = instance["resources"]
    request = figures["server_mb"] + kernels * figures["quiz_kernel_mb"]
    limit = figures["server_mb"] + kernels * figures["counted_kernel_mb"]
    # At least what the figures need, and within 3% of it (a change of the figures must change these).
    assert request <= mb(resources["requests"]["memory"]) <= request * 1.03, (request, resources)
    assert limit <= mb(resources["limits"]["memory"]) <= limit * 1.03, (limit, resources)
    assert float(resources["requests"]["cpu"]) == figures["cores"]  # the measured machine served a class and its pool
    assert "cpu" not in resources["limits"]  # a CPU cap would slow a class's burst; memory is what must be capped


def test_the_hub_culls_teachers_servers_schedules_them_and_prepulls_the_image(values):
    assert values["cull"]["enabled"] is True and 0 < values["cull"]["timeout"] <= 4 * 3600
    assert values["scheduling"]["userScheduler"]["enabled"] is True
    assert values["prePuller"]["hook"]["enabled"] is True and values["prePuller"]["continuous"]["enabled"] is True
    assert values["singleuser"]["storage"]["homeMountPath"] == "/home/netkit"  # the image's user (Dockerfile)


def test_the_instances_and_router_run_the_prepulled_image(values, objects):
    pulled = {f"{i['name']}:{i['tag']}" for i in values["prePuller"]["extraImages"].values()}
    for kind, name in (("StatefulSet", "netkit"), ("Deployment", "netkit-route")):
        assert container(objects, kind, name)["image"] in pulled


# --- the image -------------------------------------------------------------------------------------------------

def every_image(values, objects) -> list[str]:
    images = [f"{values['singleuser']['image']['name']}:{values['singleuser']['image']['tag']}"]
    images += [f"{i['name']}:{i['tag']}" for i in values["prePuller"]["extraImages"].values()]
    images += [container(objects, k, n)["image"] for k, n in (("StatefulSet", "netkit"), ("Deployment", "netkit-route"))]
    return images


def test_no_image_is_latest_and_the_kit_image_is_this_version(values, objects):
    for image in every_image(values, objects):
        name, _, tag = image.rpartition(":")
        assert tag and tag != "latest" and "/" not in tag, image
        assert tag == __version__, f"{image}: the kit is {__version__}"
    dockerfile = DOCKERFILE.read_text("utf-8")
    base = re.search(r"^ARG PYTHON_IMAGE=(\S+)$", dockerfile, re.M).group(1)
    assert ":" in base and not base.endswith(":latest"), base
    assert re.search(r"^ARG KIT_VERSION=(\S+)$", dockerfile, re.M).group(1) == __version__


def test_the_image_installs_the_wheel_offline_runs_as_a_user_and_checks_its_health():
    lines = [line.strip() for line in DOCKERFILE.read_text("utf-8").splitlines()]
    instructions = [line.split()[0] for line in lines if line and not line.startswith("#") and line.split()[0].isupper()]
    assert instructions.count("FROM") == 2  # the wheels are made in a first stage, the image gets only them
    assert any("dist/net_literacy_kit-${KIT_VERSION}-py3-none-any.whl" in line for line in lines if line.startswith("COPY"))
    install = next(line for line in lines if "pip install" in line)
    assert "--no-index" in install and "--find-links /wheels" in install
    assert "PIP_NO_INDEX=1" in " ".join(lines)
    user = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert user and user[-1].split(":")[0] not in {"0", "root"}
    assert any(line.startswith("HEALTHCHECK") for line in lines)
    assert "healthcheck.py" in " ".join(lines[lines.index(next(x for x in lines if x.startswith("HEALTHCHECK"))):][:2])
    for copied in re.findall(r"^COPY (deploy/\S+)", DOCKERFILE.read_text("utf-8"), re.M):
        assert (REPO / copied).is_file(), copied
    overrides = (DEPLOY / "image" / "overrides.json").read_text("utf-8")
    assert '"locale": "ja_JP"' in overrides and '"fetchNews": "false"' in overrides


def test_the_image_extras_exist():
    import tomllib

    extras = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"]
    wanted = re.search(r'net-literacy-kit\[([\w,]+)\]==', DOCKERFILE.read_text("utf-8")).group(1).split(",")
    assert set(wanted) <= set(extras) and any(d.startswith("jupyterhub") for d in extras["hub"])


# --- no secret in clear text ----------------------------------------------------------------------------------

SECRET_KEY = re.compile(r"(token|secret|password|passwd|apikey)", re.I)
LONG_RANDOM = re.compile(r"\b(?=[A-Za-z0-9+_-]*\d)(?=[A-Za-z0-9+_-]*[a-z])[A-Za-z0-9+_-]{32,}\b")  # a token, not a path
URL_PASSWORD = re.compile(r"://[^/\s:@]+:([^@\s]+)@")


def walk(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, (*path, str(k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, (*path, str(i)))
    else:
        yield path, node


def test_no_secret_is_written_in_clear_text(values, objects):
    assert not any("apiToken" in s or "api_token" in s for s in values["hub"]["services"].values())  # the chart makes them
    leaves = list(walk(values)) + [leaf for obj in objects.values() for leaf in walk(obj)]
    for path, value in leaves:
        reference = {"secret", "secretKeyRef"} & set(path) or path[-1] == "secretName"  # names a Secret, holds none
        if SECRET_KEY.search(path[-1]) and not reference and value not in (None, "", False, True):
            pytest.fail(f"{'.'.join(path)} holds a secret in clear text: keep it in a Kubernetes Secret")
    for kind, name in (("StatefulSet", "netkit"), ("Deployment", "netkit-route")):
        for item in container(objects, kind, name)["env"]:
            if SECRET_KEY.search(item["name"]) or item["name"] == "NETKIT_STORE":
                assert "secretKeyRef" in item.get("valueFrom", {}), item["name"]
    for path in sorted(DEPLOY.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            text = path.read_text("utf-8")
            assert not LONG_RANDOM.search(text), f"{path}: {LONG_RANDOM.search(text).group(0)}"
            for password in URL_PASSWORD.findall(text):
                assert password.startswith("$"), f"{path}: a password in a URL ({password})"


# --- one school: the TLJH plugin -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def plugin():
    return load(DEPLOY / "tljh" / "tljh_netkit.py", "tljh_netkit")


def test_the_plugins_hooks_are_tljhs(plugin):
    import inspect

    hooks = {name: f for name, f in vars(plugin).items() if callable(f) and hasattr(f, "tljh_impl")}
    assert set(hooks) == {"tljh_extra_user_pip_packages", "tljh_custom_jupyterhub_config", "tljh_post_install"}
    for name, f in hooks.items():
        assert tuple(inspect.signature(f).parameters) == TLJH_HOOKS[name], name
    entry = re.search(r"\[project.entry-points.tljh\]\s*\n(\w+) = \"(\w+)\"", (DEPLOY / "tljh" / "pyproject.toml").read_text("utf-8"))
    assert entry and entry.group(2) == "tljh_netkit"
    try:
        from tljh import hooks as tljh_hooks
    except ImportError:
        return  # TLJH is not on PyPI: the names and signatures above are checked against its hooks.py instead
    import pluggy

    manager = pluggy.PluginManager("tljh")
    manager.add_hookspecs(tljh_hooks)
    manager.register(plugin)
    assert [f"net-literacy-kit[lab]=={__version__}"] in manager.hook.tljh_extra_user_pip_packages()


def test_the_plugin_installs_this_kit_with_japanese_jupyterlab(plugin):
    import tomllib

    assert plugin.tljh_extra_user_pip_packages() == [f"net-literacy-kit[lab]=={__version__}"]
    extras = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"]
    assert "jupyterlab-language-pack-ja-JP" in extras["lab"]
    assert tomllib.loads((DEPLOY / "tljh" / "pyproject.toml").read_text("utf-8"))["project"]["version"] == __version__


def test_the_plugin_adds_netkit_as_a_hub_service_beside_tljhs_own(plugin):
    from traitlets.config import Config

    c = Config()
    c.JupyterHub.services = [{"name": "cull-idle", "admin": True, "command": ["python3", "-m", "jupyterhub_idle_culler"]}]
    plugin.tljh_custom_jupyterhub_config(c)
    names = [s["name"] for s in c.JupyterHub.services]
    assert names == ["cull-idle", "netkit"]
    netkit = c.JupyterHub.services[1]
    assert netkit["user"] == "netkit" and netkit["url"] == "http://127.0.0.1:8866"
    args = build_parser().parse_args(netkit["command"][1:])
    assert args.command == "serve" and args.hub and args.data_dir == "/var/lib/netkit"
    # The hub's prefix for the service is the one netkit serve --hub takes from it.
    assert service_prefix({"JUPYTERHUB_SERVICE_PREFIX": f"/services/{netkit['name']}/"}) == "/services/netkit/"
    assert c.JupyterHub.load_roles == [{"name": "user", "scopes": ["self", "access:services!service=netkit"]}]


def test_the_schools_settings_become_netkit_serves_own_options(plugin):
    settings = plugin.settings_from({"netkit": {"student_url": "http://192.168.1.20/services/netkit/", "class_size": 40,
                                                "lessons": ["defamation/basics", "piracy/hs"], "max_kernels": 60}})
    args = build_parser().parse_args(plugin.serve_command(settings)[1:])
    assert (args.student_url, args.class_size, args.lesson, args.max_kernels) == \
        ("http://192.168.1.20/services/netkit/", 40, ["defamation/basics", "piracy/hs"], 60)
    assert plugin.settings_from({}) == {}
    with pytest.raises(ValueError, match="netkit.classsize: no such setting"):
        plugin.serve_command({"classsize": 40})


def test_the_plugin_sets_up_a_system_user_and_the_schools_lessons_once(plugin):
    first = plugin.setup_commands(user_exists=False, lessons_exist=False)
    assert first[0][:2] == ["useradd", "--system"] and ["/opt/tljh/user/bin/netkit", "init", "/srv/netkit"] in first
    build_parser().parse_args(["init", "/srv/netkit"])
    again = plugin.setup_commands(user_exists=True, lessons_exist=True)
    assert not any(c[0] == "useradd" or "init" in c for c in again)


def test_an_instance_serves_a_writable_copy_of_the_lessons_made_once(tmp_path):
    """Published lessons are written into the served folder: the image's instance serves a netkit init copy, not the package."""
    import os
    import subprocess

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "netkit"  # records what the script runs; init makes the folder as netkit init does
    fake.write_text('#!/bin/sh\necho "$@" >> "$NETKIT_CALLS"\nif [ "$1" = init ]; then mkdir -p "$2/lessons"; fi\n')
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "NETKIT_SITE": str(tmp_path / "site"),
           "NETKIT_CALLS": str(tmp_path / "calls"), "NETKIT_HUB_TOKENS_DIR": str(tmp_path / "none")}
    for _ in range(2):
        subprocess.run(["sh", str(DEPLOY / "image" / "netkit-instance"), "--hub"], env=env, check=True)
    site = tmp_path / "site"
    assert (tmp_path / "calls").read_text().splitlines() == [f"init {site}", f"serve {site} --hub", f"serve {site} --hub"]
