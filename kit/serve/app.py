"""The classroom server: Voilà 0.5 with the settings a classroom needs and the kit's handlers.

What stock Voilà gets wrong in a classroom, and where it is set right:

- requests leaving the machine (Font Awesome from a CDN in the lab template, MathJax from a CDN):
  the ``netkit`` template loads neither; MathJax points nowhere;
- a closed tab leaking its kernel: ``handlers.LessonHandler`` sets the xsrf cookie the shutdown
  beacon needs, the template also sends it on ``pagehide`` (iPad Safari skips ``beforeunload``),
  and kernels with no open connection are culled after ``cull_idle_timeout``;
- outputs silently dropped when the CPU is busy: nbclient waits 4 s for a cell's output by
  default; ``iopub_timeout`` here is long enough for a loaded school server;
- pooled (preheated) kernels culled as idle: Voilà's pool already guards them; culling only
  applies to kernels nobody is connected to;
- every installed JupyterLab extension loaded into every page: only the widget manager and
  anywidget are allowed;
- uncompressed responses: tornado compresses them (``KitVoila.init_settings``);
- scripts discovered one wave after another: the page announces them all at once
  (``preload.py``);
- each small message from the kernel held back up to 40 ms by Nagle's algorithm: the kernel
  websocket sends at once (``websocket.py``);
- a kernel that builds any widget the browser names, sends tracebacks to the page and has no
  memory or CPU cap: lesson kernels are the kit's student kernel (``kernelspec.py``, ``kit/kernel.py``);
- every kernel importing the same 40 MB of code for itself: kernels are forked from a warm parent
  per lesson folder and share it (``forking.py``, ``kit/zygote.py``);
- bare English error pages with a traceback or a Python name ("500: Internal Server Error",
  "There was an error when executing cell [3]"): a page in the kit's style that tells the student
  what to do, and one sentence for the teacher in the terminal (``errors.py``).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config

TEMPLATE_NAME = "netkit"
ALLOWED_EXTENSIONS = [
    "@jupyter-widgets/jupyterlab-manager",
    "@voila-dashboards/widgets-manager8",
    "anywidget",
]


@dataclass(frozen=True)
class ServeOptions:
    """What ``netkit serve`` was asked for."""

    root: Path
    host: str = "0.0.0.0"
    port: int = 8866
    pool: int = 0  # preheated kernels per lesson (the class size)
    preheat: tuple[str, ...] = ()  # lessons to preheat, relative to root; empty: every lesson
    max_kernels: int = 0  # 0: as many as the memory available at start holds
    kernels_per_address: int = 4  # most kernels one student's device may hold (0: no limit)
    reconnect_grace: float = 30.0  # seconds a kernel without a tab still counts for its device
    connections_per_address: int = 64  # most open connections from one address (0: no limit)
    refill_spacing: float = 1.0  # seconds between the starts of replacement kernels
    auto_pool: bool = True  # without a pool, the second browser to open a lesson starts one (autopool.py)
    pool_idle_seconds: float = 900.0  # a self-started pool nobody used for this long shrinks
    data_dir: Path | None = None
    teacher_passcode: str = ""  # made fresh at start when empty
    iopub_timeout: int = 120  # seconds nbclient waits for a cell's outputs
    cull_idle_timeout: int = 600  # seconds before a kernel nobody is connected to is shut down
    student_url: str = ""  # the link students open (shown with its QR code on the teacher's page)
    student_class: str = ""  # the class put into the link and QR code (--class), already normalised
    student_link_problem: str = ""  # why students cannot use it: "offline", "loopback" (kit.serve.banner)
    kernel_memory_mb: int = -1  # most memory one lesson kernel may use (kit/kernel.py); -1: the default, 0: no cap
    kernel_cpu_seconds: int = -1  # most CPU seconds one lesson kernel may use; -1: the default, 0: no cap
    light_page: bool = True  # the kit's lessons on the light page (kit/serve/light.py), others on Voilà's; --no-light-page: all on Voilà's
    base_url: str = "/"  # behind JupyterHub: the service's prefix (/services/netkit/)
    hub: bool = False  # teachers sign in with JupyterHub (kit.serve.hub) instead of the passcode
    instance_name: str = ""  # behind the hub: this instance's name for netkit route (kit.serve.route)
    instance_url: str = ""  # where the hub's proxy reaches this instance
    fork_kernels: bool = True  # fork lesson kernels from a warm parent per lesson folder (forking.py)


def template_root() -> Path:
    """The folder to add to JUPYTER_PATH so that Voilà finds the ``netkit`` template."""
    return Path(__file__).resolve().parent / "jupyter"


def classroom_config(options: ServeOptions) -> Config:
    """The traitlets configuration of Voilà for a classroom."""
    c = Config()
    c.Voila.ip = options.host
    c.Voila.port = options.port
    c.Voila.port_retries = 0
    c.Voila.open_browser = False
    c.Voila.root_dir = str(options.root)
    c.Voila.base_url = options.base_url
    c.Voila.mathjax_url = options.base_url + "voila/templates/netkit/static/mathjax-offline.js"
    c.KitVoila.hub = options.hub
    c.KitVoila.instance_name = options.instance_name
    c.KitVoila.instance_url = options.instance_url
    c.KitVoila.data_dir = str(options.data_dir or "")
    c.KitVoila.datasets_dir = str(options.root.parent / "datasets")
    c.KitVoila.teacher_passcode = options.teacher_passcode
    c.KitVoila.student_url = options.student_url
    c.KitVoila.student_link_problem = options.student_link_problem
    c.KitVoila.student_class = options.student_class
    c.KitVoila.today = list(options.preheat)
    c.VoilaConfiguration.template = TEMPLATE_NAME
    c.VoilaConfiguration.theme = "light"
    # A link must not choose the page: ``?theme=`` was written into the page unescaped (a script
    # ran), and ``?template=lab`` brought back the CDN assets.
    c.VoilaConfiguration.allow_template_override = "NO"
    c.VoilaConfiguration.allow_theme_override = "NO"
    c.VoilaConfiguration.show_tracebacks = False
    # Lesson kernels are the kit's student kernel: capped, and the browser opens only the widget
    # manager's comm (kit/kernel.py, kit/serve/kernelspec.py).
    c.VoilaConfiguration.kernel_spec_manager_class = "kit.serve.kernelspec.StudentKernelSpecManager"
    if options.kernel_memory_mb >= 0:
        c.StudentKernelSpecManager.memory_mb = options.kernel_memory_mb
    if options.kernel_cpu_seconds >= 0:
        c.StudentKernelSpecManager.cpu_seconds = options.kernel_cpu_seconds
    c.StudentKernelSpecManager.fork = options.fork_kernels
    c.VoilaConfiguration.extension_allowlist = list(ALLOWED_EXTENSIONS)
    # The lesson page announces every script it will load (kit/serve/preload.py).
    c.VoilaExporter.filters = {"netkit_preload": "kit.serve.preload.preload_links", "netkit_label": "kit.text.ui.label",
                               "netkit_cell_problem": "kit.serve.errors.cell_problem_html",
                               "netkit_labels": "kit.text.ui.both_languages", "netkit_light": "kit.serve.light.light_page",
                               "netkit_resume": "kit.serve.route.resume_prefix"}
    c.VoilaConfiguration.file_allowlist = [r".*\.(png|jpg|jpeg|gif|svg|webp)"]
    c.VoilaConfiguration.file_denylist = [r".*\.(ipynb|py|csv|xlsx|yaml|yml|sqlite3|db|json)", r"(^|.*/)\..*"]
    auto_pool = options.auto_pool and options.pool <= 0  # --class-size takes precedence
    c.VoilaConfiguration.preheat_kernel = options.pool > 0 or auto_pool
    c.VoilaConfiguration.default_pool_size = max(options.pool, 0)
    c.KitVoila.auto_pool = auto_pool
    c.KitVoila.pool_idle_seconds = options.pool_idle_seconds
    if auto_pool:  # no lesson is preheated until a student opens it
        c.VoilaKernelManager.kernel_pools_config = {"default": {"pool_size": 0}}
    elif options.pool > 0 and options.preheat:
        c.VoilaKernelManager.kernel_pools_config = {
            "default": {"pool_size": 0},
            **{lesson: {"pool_size": options.pool} for lesson in options.preheat},
        }
    c.VoilaKernelManager.fill_delay = 8.0  # let the page that took the kernel load before a refill competes for the CPU
    c.KitVoila.refill_spacing = options.refill_spacing
    c.KitVoila.max_kernels = options.max_kernels
    c.KitVoila.kernels_per_address = options.kernels_per_address
    c.KitVoila.reconnect_grace = options.reconnect_grace
    c.KitVoila.connections_per_address = options.connections_per_address
    c.VoilaExecutor.iopub_timeout = options.iopub_timeout
    c.VoilaExecutor.raise_on_iopub_timeout = False
    c.VoilaExecutor.allow_errors = True  # a failing cell must not hide the rest of the lesson
    # What a student reads if a cell a teacher wrote fails (never the traceback):
    c.VoilaExecutor.cell_error_instruction = "先生に知らせてください。ほかの部分は使えます。/ Please tell your teacher; the rest of the lesson works."
    if sys.platform != "win32":
        # TCP kernels pick random ports; 40 starting at once collide ("Address already in use") and a
        # student gets a page without a quiz. Unix sockets cannot collide, and stay on this machine.
        c.KernelManager.transport = "ipc"
    c.MappingKernelManager.cull_idle_timeout = options.cull_idle_timeout
    c.MappingKernelManager.cull_interval = max(1, min(30, options.cull_idle_timeout // 2))
    c.MappingKernelManager.cull_connected = False
    c.MappingKernelManager.cull_busy = False
    return c


def kernel_environment(options: ServeOptions) -> dict[str, str]:
    """Environment variables every lesson kernel inherits from the server."""
    env = {"PYTHONUNBUFFERED": "1"}
    if options.data_dir is not None:
        env["NETKIT_DATA_DIR"] = str(options.data_dir)
    datasets = options.root.parent / "datasets"
    if datasets.is_dir():
        env["NETKIT_DATASETS"] = str(datasets)
    return env


def make_app(options: ServeOptions, argv: list[str] | None = None):
    """A configured, initialised Voilà application with the kit's handlers, not yet started."""
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(template_root()), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))]
    )
    os.environ.update(kernel_environment(options))
    if options.hub and options.student_url:  # a lesson page whose server died sends its student back through netkit route
        from urllib.parse import urlsplit

        from kit.serve.route import RESUME_ENV

        os.environ[RESUME_ENV] = urlsplit(options.student_url).path
    import warnings

    from kit.serve import light
    from kit.serve.voila_app import KitVoila

    light.enable(options.light_page)

    warnings.filterwarnings("ignore", message=".*mathjax_url is deprecated.*")
    app = KitVoila(config=classroom_config(options))
    app.initialize(argv or [])
    return app
