"""Which address students type: this machine's IPv4 addresses, read from its network interfaces.

The host name is no guide (on many school PCs it resolves to 127.0.0.1), so the interfaces are
listed with psutil (the same on Windows, macOS and Linux), loopback, link-local and interfaces
that are down are dropped, and virtual adapters (Docker, VirtualBox, VMware, WSL, VPNs) go last.
The interface the machine would use to reach the school network comes first: a UDP socket
"connected" to a private address reveals it without sending a packet.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass

# Adapters a student's tablet cannot reach: containers, virtual machines, VPN tunnels.
VIRTUAL = re.compile(r"^(docker|br-|veth|virbr|vmnet|vboxnet|lxc|lxd|cni|flannel|tailscale|zt|utun|tun|tap|wg)"
                     r"|vEthernet|VirtualBox|VMware|Hyper-V|Loopback|WSL", re.IGNORECASE)
WILDCARD = ("", "0.0.0.0", "::")


@dataclass(frozen=True)
class Address:
    """One IPv4 address of an interface that is up."""

    ip: str
    interface: str

    @property
    def virtual(self) -> bool:
        """Whether the interface is a container, virtual-machine or VPN adapter."""
        return bool(VIRTUAL.search(self.interface))


def interface_addresses() -> list[Address]:
    """Every IPv4 address of every interface that is up, except loopback and link-local."""
    import psutil

    try:
        stats = psutil.net_if_stats()
        found = psutil.net_if_addrs()
    except (OSError, RuntimeError):
        return []
    out = []
    for name, addrs in found.items():
        if name in stats and not stats[name].isup:
            continue
        for a in addrs:
            if a.family == socket.AF_INET and usable(a.address):
                out.append(Address(a.address, name))
    return out


def usable(ip: str) -> bool:
    """Whether another device could reach ``ip`` (not loopback, link-local or unspecified)."""
    try:
        addr = ipaddress.IPv4Address(ip)
    except ValueError:
        return False
    return not (addr.is_loopback or addr.is_link_local or addr.is_unspecified or addr.is_multicast)


def outgoing_address() -> str:
    """The address this machine would send from towards a private network; "" when it has no route.

    Connecting a UDP socket only chooses a route: no packet is sent.
    """
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                s.connect((probe, 9))
                ip = s.getsockname()[0]
            except OSError:
                continue
        if usable(ip):
            return ip
    return ""


def ranked(addresses: list[Address], preferred: str = "") -> list[str]:
    """Addresses in the order to offer them: the outgoing one, then private real adapters, then the rest."""
    def key(a: Address) -> tuple:
        return (a.ip != preferred, a.virtual, not ipaddress.IPv4Address(a.ip).is_private, a.interface, a.ip)

    seen: list[str] = []
    for a in sorted(addresses, key=key):
        if a.ip not in seen:
            seen.append(a.ip)
    return seen


def student_hosts(host: str) -> list[str]:
    """The hosts students can use to reach a server listening on ``host``, best first."""
    if host not in WILDCARD:
        return [host] if usable(host) else []
    return ranked(interface_addresses(), outgoing_address())


def student_link(ip: str, port: int, class_code: str = "") -> str:
    """The catalogue's address on ``ip``, with the class filled in when given (``?class=2-3``)."""
    from urllib.parse import quote

    link = f"http://{ip}:{port}/"
    return link + f"?class={quote(class_code)}" if class_code else link
