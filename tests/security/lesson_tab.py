"""One lesson tab driven by hand: what a curious student's script sends to the lesson's kernel.

It opens a lesson page as a browser would (keeping its cookies), finds the kernel id in the page,
and talks to that kernel over its websocket in Jupyter's JSON message format: comm_open,
comm_msg, kernel_info_request — everything Voilà lets through. Loopback only.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator

from websockets.sync.client import connect

WIDGET_PROTOCOL = "2.1.0"
CONTROL_PROTOCOL = "1.0.0"


class LessonTab:
    """One browser tab on one lesson: its page, its kernel's websocket, every message received."""

    def __init__(self, base_url: str, lesson: str, query: str = ""):
        self.base_url = base_url.rstrip("/") + "/"
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self._jar, self._opener = jar, opener
        url = f"{self.base_url}voila/render/{lesson}" + (f"?{query}" if query else "")
        with opener.open(url, timeout=180) as response:
            self.page = response.read().decode("utf-8", "replace")
            if "voila/render/" in response.geturl():  # a link redirected (netkit route): the kernel is where the page came from
                self.base_url = response.geturl().split("voila/render/")[0]
        config = json.loads(re.search(r'id="jupyter-config-data"[^>]*>\s*(\{.*?\})\s*</script>', self.page, re.S).group(1))
        self.kernel_id = config["kernelId"]
        cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
        ws_url = self.base_url.replace("http://", "ws://") + f"api/kernels/{self.kernel_id}/channels"
        self.session = uuid.uuid4().hex
        self.ws = connect(f"{ws_url}?session_id={self.session}", additional_headers={"Cookie": cookie},
                          max_size=None, open_timeout=60)
        self.seen: list[dict] = []  # every message received, in order

    def close(self) -> None:
        """Close the tab: the websocket, then the kernel, as the page's pagehide beacon does."""
        self.ws.close()
        xsrf = next((c.value for c in self._jar if c.name == "_xsrf"), "")
        body = urllib.parse.urlencode({"_xsrf": xsrf}).encode()
        request = urllib.request.Request(f"{self.base_url}voila/api/shutdown/{self.kernel_id}", data=body,
                                         headers={"Origin": self.base_url.rstrip("/")})
        try:
            self._opener.open(request, timeout=60).close()
        except OSError:
            pass  # the kernel had already stopped

    # --- sending ---------------------------------------------------------------------------

    def send(self, msg_type: str, content: dict, *, channel: str = "shell", metadata: dict | None = None) -> str:
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": "student", "session": self.session,
                       "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": metadata or {}, "content": content, "channel": channel, "buffers": [],
        }))
        return msg_id

    def comm_open(self, target: str, data: dict, comm_id: str | None = None, version: str = WIDGET_PROTOCOL) -> str:
        comm_id = comm_id or uuid.uuid4().hex
        self.send("comm_open", {"comm_id": comm_id, "target_name": target, "data": data},
                  metadata={"version": version})
        return comm_id

    def comm_msg(self, comm_id: str, data: dict) -> str:
        return self.send("comm_msg", {"comm_id": comm_id, "data": data}, metadata={"version": WIDGET_PROTOCOL})

    def custom(self, comm_id: str, content: dict) -> str:
        """What a component's page sends with ``model.send(content)``."""
        return self.comm_msg(comm_id, {"method": "custom", "content": content})

    # --- receiving -------------------------------------------------------------------------

    def receive(self, timeout: float) -> Iterator[dict]:
        """Messages as they arrive, until ``timeout`` seconds have passed with none."""
        while True:
            try:
                raw = self.ws.recv(timeout=timeout)
            except TimeoutError:
                return
            message = json.loads(raw)
            self.seen.append(message)
            yield message

    def wait_for(self, predicate: Callable[[dict], bool], deadline: float = 120) -> dict:
        """The first message (already seen or new) for which ``predicate`` holds; fails after ``deadline`` s."""
        for message in self.seen:
            if predicate(message):
                return message
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            for message in self.receive(timeout=max(0.1, end - time.monotonic())):
                if predicate(message):
                    return message
                if time.monotonic() > end:
                    break
        raise AssertionError(f"no such message within {deadline} s")

    def reply_to(self, msg_id: str, deadline: float = 120) -> dict:
        return self.wait_for(lambda m: m.get("parent_header", {}).get("msg_id") == msg_id
                             and m["header"]["msg_type"].endswith("_reply"), deadline)

    def alive(self, deadline: float = 120) -> bool:
        """Whether the kernel answers a kernel_info_request within ``deadline`` seconds."""
        try:
            self.reply_to(self.send("kernel_info_request", {}), deadline)
            return True
        except AssertionError:
            return False

    def widget_states(self, deadline: float = 120) -> dict[str, dict]:
        """Every widget's state by comm id, as the page's widget manager asks for it."""
        control = self.comm_open("jupyter.widget.control", {}, version=CONTROL_PROTOCOL)
        self.comm_msg(control, {"method": "request_states"})
        reply = self.wait_for(lambda m: m["header"]["msg_type"] == "comm_msg"
                              and m["content"].get("comm_id") == control
                              and m["content"]["data"].get("method") == "update_states", deadline)
        return {cid: s["state"] for cid, s in reply["content"]["data"]["states"].items()}

    def component(self, *traits: str) -> str:
        """The comm id of the kit component whose state has all ``traits``."""
        for comm_id, state in self.widget_states().items():
            if all(t in state for t in traits):
                return comm_id
        raise AssertionError(f"no component with {traits}")

    def text_received(self) -> str:
        return "\n".join(json.dumps(m, ensure_ascii=False) for m in self.seen)


def kernel_pid(server, kernel_id: str) -> int:
    """The process id of the served kernel ``kernel_id`` (its connection file names it)."""
    from tests.served import kernel_pids

    for pid in kernel_pids(server.proc.pid):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if kernel_id.encode() in f.read():
                    return pid
        except OSError:
            continue
    raise AssertionError(f"no process for kernel {kernel_id}")


def limits(pid: int) -> dict[str, str]:
    """The soft limits of process ``pid`` as /proc shows them ("Max data size": "805306368")."""
    with open(f"/proc/{pid}/limits") as f:
        rows = f.read().splitlines()[1:]
    return {row[:26].strip(): row[26:].split()[0] for row in rows}


def start_server(data_dir, extra: list[str] | None = None, tries: int = 3):
    """``netkit serve`` on the checkout at a free loopback port (tried again if a busy machine
    makes it miss the 60 s start deadline)."""
    from tests.served import REPO, Server

    for attempt in range(tries):
        try:
            return Server(REPO, data_dir, extra)
        except RuntimeError:
            if attempt == tries - 1:
                raise
    raise AssertionError("unreachable")
