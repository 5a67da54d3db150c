"""KitVoila: Voilà's application with the kit's catalogue, lesson and teacher handlers swapped in."""

from __future__ import annotations

import logging

from jupyter_server.auth.login import LoginFormHandler as JupyterLoginHandler
from jupyter_server.auth.logout import LogoutHandler as JupyterLogoutHandler
from jupyter_server.services.kernels.handlers import KernelHandler
from jupyter_server.utils import url_path_join
from traitlets import Bool, Float, Integer, List, Unicode
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.contentshandler import VoilaContentsHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from kit.serve import autopool, check, errors, headers, limits, teacher, teacher_auth, tokens
from kit.serve.caching import REPLACEMENTS
from kit.serve.capacity import default_max_kernels, kernel_mb, pace_refills
from kit.serve.handlers import CatalogueHandler, LessonHandler
from kit.serve.kernel_handlers import LocalRequestInfoHandler, OwnedKernelHandler, OwnedShutdownHandler
from kit.serve.kernels import DEFAULT_GRACE, DEFAULT_PER_ADDRESS, Kernels
from kit.serve.warm import warm_compression
from kit.serve.websocket import PromptKernelWebsocketHandler

OWNED = {KernelHandler: OwnedKernelHandler, VoilaShutdownKernelHandler: OwnedShutdownHandler,
         RequestInfoSocketHandler: LocalRequestInfoHandler}


class KitVoila(Voila):
    """Voilà serving a lesson folder: catalogue at ``/``, lessons at ``/voila/render/…``, teacher at ``/teacher/``."""

    name = "netkit-serve"

    data_dir = Unicode("", config=True, help="Folder of the results store (outside the served lessons).")
    datasets_dir = Unicode("", config=True, help="Folder of the content files (for question texts in reports).")
    teacher_passcode = Unicode("", config=True, help="Passcode for the teacher's pages; the data folder's, or made fresh, when empty.")
    student_url = Unicode("", config=True, help="The link students open, shown with a QR code on the teacher's page.")
    student_class = Unicode("", config=True, help="The class the teacher's page puts into the link at first (--class).")
    student_link_problem = Unicode("", config=True, help="Why students cannot use the link: 'offline', 'loopback' or ''.")
    today = List(Unicode(), config=True, help="Today's lessons (paths under the served folder): the only ones the "
                 "catalogue lists; empty: every lesson. The teacher's page changes it.")
    max_kernels = Integer(0, config=True, help="Most lesson kernels at once; 0: as many as the available memory holds.")
    kernels_per_address = Integer(DEFAULT_PER_ADDRESS, config=True,
                                  help="Most lesson kernels one address (a student's device) may hold; 0: no limit. The teacher is not counted.")
    reconnect_grace = Float(DEFAULT_GRACE, config=True,
                            help="Seconds a kernel no tab is connected to still counts for its device; then the device's next lesson shuts it down.")
    connections_per_address = Integer(limits.DEFAULT_PER_ADDRESS, config=True,
                                      help="Most open connections from one address (a browser uses about 6); 0: no limit.")
    refill_spacing = Float(1.0, config=True, help="Seconds between the starts of kernels that refill the pool.")
    auto_pool = Bool(False, config=True, help="Start a lesson's pool when its first student opens it (autopool.py).")
    auto_pool_size = Integer(autopool.CLASS_SIZE, config=True, help="Most kernels a pool that starts itself holds (the memory cap applies).")
    instance_name = Unicode("", config=True, help="Behind the hub: this instance's name, said to the database every "
                            "few seconds so that classes are routed to it (route.py); empty: none.")
    instance_url = Unicode("", config=True, help="Where the hub's proxy reaches this instance (http://host:port).")
    hub = Bool(False, config=True, help="Behind JupyterHub: teachers sign in with the hub (hub.py), not the passcode.")
    pool_idle_seconds = Float(autopool.IDLE_SECONDS, config=True,
                              help="Seconds nobody opened a lesson before its self-started pool's waiting kernels are shut down.")

    def initialize(self, argv=None):
        super().initialize(argv)
        # Voilà logs its own address (the host name, e.g. http://vm:8866/), which students cannot
        # open; the kit's banner already gave the teacher the right one.
        self.log.addFilter(_HideVoilaAddress())

    def _forked_kernels(self) -> bool:
        """Whether students' kernels are forked from a warm parent (``StudentKernelSpecManager.fork``)."""
        return bool(self.config.get("StudentKernelSpecManager", {}).get("fork", False))

    def init_settings(self) -> dict:
        """Voilà's settings plus compression (tornado only honours it when the app is built) and capacity."""
        settings = super().init_settings()
        settings["netkit_today"] = list(self.today)  # changed by the teacher's page while serving
        settings["compress_response"] = True
        settings["transforms"] = headers.transforms(compress=True)  # passed on to tornado's Application
        settings["default_handler_class"] = errors.NotFoundPage  # an unknown address: the kit's page, not tornado's
        errors.use_kit_executor()
        self.log.addFilter(errors.NoKernelTracebacks())
        settings["netkit_max_kernels"] = self.max_kernels or default_max_kernels(per_kernel=kernel_mb(self._forked_kernels()))
        self.kernel_book = Kernels(self.kernel_manager, settings["netkit_max_kernels"], self.kernels_per_address,
                                   self.reconnect_grace)
        self.kernel_book.install()
        settings["netkit_kernels"] = self.kernel_book
        self.guard = teacher_auth.Guard(self.teacher_passcode or teacher_auth.new_passcode(), data_dir=self.data_dir or None)
        settings["netkit_guard"] = self.guard
        if self.hub:
            from kit.serve.hub import HubTeachers

            settings["netkit_hub"] = HubTeachers()
            from kit.serve.publish import Shelf

            settings["netkit_published"] = Shelf(self.root_dir, self.data_dir or None)
            if self.instance_name:
                from kit.serve.route import Heartbeat

                self.heartbeat = Heartbeat(self.instance_name, self.base_url, self.instance_url, self.log)
                self.heartbeat.start()
        warm_compression()
        if self.voila_configuration.preheat_kernel:
            pace_refills(self.kernel_manager, self.refill_spacing, settings["netkit_max_kernels"], counted=self.kernel_book.count)
            if self.auto_pool:
                settings["netkit_autopools"] = autopool.AutoPools(
                    self.kernel_manager, settings["netkit_max_kernels"], counted=self.kernel_book.count,
                    class_size=self.auto_pool_size, idle_seconds=self.pool_idle_seconds, logger=self.log)
        return settings

    def listen(self):
        """Voilà's listen, on an HTTP server with the classroom's limits (``limits.py``)."""
        files = limits.raise_open_file_limit()
        app, per_address, total = self.app, self.connections_per_address, limits.max_connections(files)

        def listen_with_limits(port, address="", **kwargs):
            server = limits.ClassroomHTTPServer(app, per_address=per_address, total=total,
                                                **limits.http_server_options(), **kwargs)
            server.listen(port, address)
            return server

        app.listen = listen_with_limits
        limits.quiet_repeated_logs(self.log)
        super().listen()

    def init_handlers(self) -> list:
        """Voilà's handlers, with the tree replaced by the catalogue, no contents listing, and the teacher's pages."""
        guard = self.guard
        base = self.server_url or self.base_url
        teacher_kwargs = {"voila_configuration": self.voila_configuration, "guard": guard,
                          "data_dir": self.data_dir, "datasets": self.datasets_dir, "student_url": self.student_url,
                          "student_link_problem": self.student_link_problem, "root": self.root_dir,
                          "student_class": self.student_class}
        handlers = [
            (url_path_join(base, r"/teacher/?"), teacher.DashboardHandler, teacher_kwargs),
            (url_path_join(base, r"/teacher/login"), teacher.LoginHandler, teacher_kwargs),
            (url_path_join(base, r"/teacher/logout"), teacher.LogoutHandler, teacher_kwargs),
            (url_path_join(base, r"/teacher/passcode"), teacher.PasscodeHandler, teacher_kwargs),
            (url_path_join(base, r"/teacher/export\.(csv|xlsx)"), teacher.ExportHandler, teacher_kwargs),
            (url_path_join(base, r"/teacher/today"), teacher.TodayHandler, teacher_kwargs),
            (url_path_join(base, r"/teacher/classes"), teacher.ClaimHandler, teacher_kwargs),
            (url_path_join(base, r"/teacher/progress"), teacher.ProgressHandler, teacher_kwargs),
            (url_path_join(base, r"/teacher/publish"), teacher.PublishHandler, teacher_kwargs),
            (url_path_join(base, r"/teacher/withdraw"), teacher.WithdrawHandler, teacher_kwargs),
            *check.handlers(base),
            *tokens.handlers(base),
        ]
        if self.hub:
            from kit.serve.hub import callback_handler

            handlers.append((url_path_join(base, r"/oauth_callback"), callback_handler()))
        for spec in super().init_handlers():
            pattern, handler = spec[0], spec[1]
            kwargs = spec[2] if len(spec) > 2 else {}
            if handler is TornadoVoilaTreeHandler:
                kwargs = {"voila_configuration": self.voila_configuration, "root": self.root_dir}
                handler = CatalogueHandler
            elif handler is VoilaContentsHandler:
                continue  # students have no use for a listing of the served folder
            elif handler is TornadoVoilaHandler:
                kwargs = {**kwargs, "root": self.root_dir}
                handler = LessonHandler
            elif isinstance(handler, type) and issubclass(handler, JupyterLoginHandler | JupyterLogoutHandler):
                continue  # Jupyter's own /login and /logout: nobody logs in to Voilà here (its /logout answered 500)
            elif handler is VoilaKernelWebsocketHandler:
                handler = PromptKernelWebsocketHandler
            elif handler in OWNED:
                handler = OWNED[handler]
            elif handler in REPLACEMENTS:
                handler = REPLACEMENTS[handler]
            handlers.append((pattern, handler, kwargs))
        return [(spec[0], errors.with_error_pages(spec[1]), *spec[2:]) for spec in handlers]


class _HideVoilaAddress(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Voilà is running at")
