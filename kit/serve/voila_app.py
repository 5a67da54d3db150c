"""KitVoila: Voilà's application with the kit's catalogue and lesson handlers swapped in."""

from __future__ import annotations

from jupyter_server.utils import url_path_join
from voila.app import Voila
from voila.tornado.contentshandler import VoilaContentsHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from kit.serve.handlers import CatalogueHandler, LessonHandler


class KitVoila(Voila):
    """Voilà serving a lesson folder: catalogue at ``/``, lessons at ``/voila/render/…``."""

    name = "netkit-serve"

    def init_settings(self) -> dict:
        """Voilà's settings plus compression, which tornado only honours when the app is built."""
        settings = super().init_settings()
        settings["compress_response"] = True
        return settings

    def init_handlers(self) -> list:
        """Voilà's handlers, with the tree replaced by the catalogue and no contents listing."""
        handlers = []
        for spec in super().init_handlers():
            pattern, handler = spec[0], spec[1]
            kwargs = spec[2] if len(spec) > 2 else {}
            if handler is TornadoVoilaTreeHandler:
                kwargs = {"voila_configuration": self.voila_configuration, "root": self.root_dir}
                handler = CatalogueHandler
            elif handler is VoilaContentsHandler:
                continue  # students have no use for a listing of the served folder
            elif handler is TornadoVoilaHandler:
                handler = LessonHandler
            handlers.append((pattern, handler, kwargs))
        return handlers

    @property
    def catalogue_url(self) -> str:
        """The path of the catalogue page."""
        return url_path_join(self.server_url or self.base_url, "/")
