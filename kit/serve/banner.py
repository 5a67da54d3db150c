"""What ``netkit serve`` tells the teacher at start: the student link (and why there is none), the
teacher's page, the passcode, where results go. Texts from ``kit/text/cli.yaml``.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

from kit.serve.addresses import WILDCARD, student_hosts, student_link
from kit.text.cli_text import say


@dataclass(frozen=True)
class StudentLinks:
    """The links students can open, best first, and why students may not reach them ("" when they can)."""

    links: tuple[str, ...]
    problem: str = ""  # "offline": no address on a network; "loopback": served to this computer only

    @property
    def best(self) -> str:
        """The link to give students ("" when there is none)."""
        return self.links[0] if self.links else ""

    @property
    def for_students(self) -> str:
        """The link to print and draw as a QR code for students: none when they cannot reach it."""
        return "" if self.problem else self.best


def student_links(host: str, port: int, class_code: str = "") -> StudentLinks:
    """The student links of a server listening on ``host``:``port``, with the class in them when given."""
    if host not in WILDCARD and _loopback(host):
        return StudentLinks((student_link(host, port, class_code),), "loopback")
    hosts = student_hosts(host)
    if not hosts:
        return StudentLinks((), "offline")
    return StudentLinks(tuple(student_link(h, port, class_code) for h in hosts))


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def problem_sentence(links: StudentLinks, host: str) -> str:
    """One sentence (ja / en) saying why students cannot use the link and what to do; "" when they can."""
    return say(f"serve_no_link_{links.problem}", host=host) if links.problem else ""


def serve_banner(host: str, port: int, lessons: Path, data_dir: Path, pool: int, passcode: str = "",
                 preheat: tuple[str, ...] = (), links: StudentLinks | None = None, auto: int = 0) -> str:
    """What ``netkit serve`` prints: the link for students, where results go, how to stop.

    ``auto``: the most kernels a pool that starts itself may hold (0: no such pool, ``kit/serve/autopool.py``).
    """
    local = "127.0.0.1" if host in WILDCARD else host
    links = links or student_links(host, port)
    lines = ["", say("serve_running"), ""]
    rows = []
    if links.for_students:  # served to this computer only: no link, only why and what to run instead
        rows.append((say("serve_link"), links.for_students))
        rows += [(say("serve_link_other"), other) for other in links.links[1:3]]
    rows += [
        (say("serve_local"), f"http://{local}:{port}/"),
        (say("serve_teacher"), f"http://{local}:{port}/teacher/"),
        (say("serve_passcode"), f"{passcode}   {say('serve_passcode_keep')}"),
        (say("serve_lessons"), str(lessons)),
        (say("serve_results"), str(data_dir)),
        (say("serve_preheat"), say("serve_preheat_auto", size=auto) if auto else
         say("serve_preheat_value", pool=pool) + f"  ({', '.join(preheat) or say('serve_all_lessons')})"),
    ]
    lines += [f"  {name}:  {value}" for name, value in rows]
    if links.problem:
        lines += ["", "  " + problem_sentence(links, host)]
    lines += ["", "  " + say("serve_stop"), ""]
    return "\n".join(lines)
