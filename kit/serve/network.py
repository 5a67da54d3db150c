"""This machine's addresses on the school network, and whether a port answers on them (asks no one else)."""

from __future__ import annotations

import socket
import sys


def interface_addresses() -> list[str]:
    """IPv4 addresses of this machine's network interfaces, loopback left out.

    The host name's addresses miss a second network card or a Wi-Fi added later, so on Linux each
    interface is asked for its address (SIOCGIFADDR); elsewhere the host name's addresses are used.
    """
    found: set[str] = set()
    try:
        found.update(i[4][0] for i in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET))
    except OSError:
        pass
    if sys.platform.startswith("linux"):
        import fcntl
        import struct

        for _index, name in socket.if_nameindex():
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                try:
                    packed = fcntl.ioctl(s.fileno(), 0x8915, struct.pack("256s", name[:15].encode()))  # SIOCGIFADDR
                except OSError:
                    continue  # an interface without an IPv4 address
                found.add(socket.inet_ntoa(packed[20:24]))
    return sorted(a for a in found if not a.startswith("127."))


def port_answers(host: str, port: int, timeout: float = 1.0) -> bool:
    """True when something accepts connections on ``host``:``port``."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False
