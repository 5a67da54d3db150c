"""``netkit route [--store URL] [--host H] [--port P] [--prefix /services/netkit/]``: each class to its netkit instance."""

from __future__ import annotations

import os
import sys
from urllib.parse import urlsplit

from kit.text.cli_text import say


def cmd_route(args) -> int:
    """Send students to the instance their class is pinned to (kit/serve/route.py) until Ctrl+C."""
    from kit.serve.hub import service_prefix
    from kit.store import is_url, open_store
    from kit.store.postgres import shown

    store = args.store or os.environ.get("NETKIT_STORE", "")
    if not is_url(store):
        print(say("route_needs_store"), file=sys.stderr)
        return 2
    service = urlsplit(os.environ.get("JUPYTERHUB_SERVICE_URL", ""))
    host = args.host or service.hostname or "127.0.0.1"
    port = args.port or service.port or 8865
    prefix = service_prefix({"JUPYTERHUB_SERVICE_PREFIX": args.prefix or os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")})
    import tornado.ioloop

    from kit.serve.route import make_router

    open_store(store).close()  # the tables exist (migrated) before the first student arrives
    app = make_router(prefix, lambda: open_store(store))
    app.listen(port, host)
    print(say("route_started", url=f"http://{host}:{port}{prefix}", store=shown(store)), flush=True)
    try:
        tornado.ioloop.IOLoop.current().start()
    except KeyboardInterrupt:
        pass
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("route", help="ハブの後ろで、生徒をクラスごとのサーバーへ案内する / behind a hub, send students to their class's server")
    p.add_argument("--store", metavar="URL", help="サーバーと同じ結果のデータベース（既定: NETKIT_STORE）/ the servers' results database (default: NETKIT_STORE)")
    p.add_argument("--host", help="待ち受けるアドレス（既定: JUPYTERHUB_SERVICE_URL から、なければ 127.0.0.1）/ address to listen on")
    p.add_argument("--port", type=int, help="ポート番号（既定: JUPYTERHUB_SERVICE_URL から、なければ 8865）/ port")
    p.add_argument("--prefix", help="ハブのプロキシでのパス（既定: JUPYTERHUB_SERVICE_PREFIX）/ path behind the hub's proxy")
    p.set_defaults(func=cmd_route)
