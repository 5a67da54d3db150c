"""``/check``: the page a teacher opens on a student's Chromebook or iPad before the lesson.

It shows, one line each, that the page loaded from this server, that a websocket to it connects
and answers (school web filters and proxies often block websockets, which every lesson needs for
its kernel), that Japanese text is drawn in a Japanese font, and the browser and screen size;
what fails comes with what to ask the school's IT contact to allow (address, port, websocket).
The websocket answers here, at ``/check/ws``, on the same address, port and upgrade path as a
lesson's kernel connection, so a check starts no kernel: a student reloading it cannot fill the
server. A few echoes per connection, a bounded number of connections at once.
"""

from __future__ import annotations

import json

import tornado.web
import tornado.websocket

from kit.text.ui import labels

MAX_OPEN = 100  # check sockets open at once (a class is 40)
MAX_ECHOES = 5  # messages answered on one check socket
_open: set = set()


class CheckPage(tornado.web.RequestHandler):
    """The check page; its script (``static/check.js``) does the checks in the student's browser."""

    def get(self):
        lang = "en" if self.get_argument("lang", "ja") == "en" else "ja"
        base = self.settings.get("base_url", "/")
        template = self.settings["voila_jinja2_env"].get_template("check.html.j2")
        texts = labels(lang)
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(template.render(lang=lang, L=texts, base_url=base, static_url=base + "voila/templates/netkit/static/",
                                    messages=json.dumps({k: v for k, v in texts.items() if k.startswith("check_")},
                                                        ensure_ascii=False)))

    head = get  # monitoring probes: the same status and headers, Tornado sends no body


class CheckSocket(tornado.websocket.WebSocketHandler):
    """Answers a few small messages, so the page knows a websocket to this server works."""

    def open(self):
        if len(_open) >= MAX_OPEN:
            self.close(1013, "busy")  # try again later
            return
        _open.add(self)
        self.echoes = 0

    def on_message(self, message):
        self.echoes += 1
        if self.echoes > MAX_ECHOES or len(message) > 200:
            self.close(1008, "enough")
            return
        self.write_message(json.dumps({"echo": message}))

    def on_close(self):
        _open.discard(self)


def handlers(base: str) -> list:
    from jupyter_server.utils import url_path_join

    return [(url_path_join(base, r"/check/?"), CheckPage), (url_path_join(base, r"/check/ws"), CheckSocket)]
