"""The image's HEALTHCHECK: the device check page (``PREFIX/check``) of this instance answers 200.

``netkit serve`` has no dedicated health route; ``/check`` (kit/serve/check.py) is the lightest page it
serves: a template, no kernel started, no database read. Behind the hub the address is the hub's
``JUPYTERHUB_SERVICE_URL`` and the path its ``JUPYTERHUB_SERVICE_PREFIX``; alone, 127.0.0.1:8866.
``NETKIT_HEALTH_URL`` overrides both (``netkit route``: its prefix answers 200 with the class form).
"""

import os
import sys
import urllib.request


def health_url(environ) -> str:
    if environ.get("NETKIT_HEALTH_URL"):
        return environ["NETKIT_HEALTH_URL"]
    base = environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:8866").rstrip("/")
    prefix = "/" + environ.get("JUPYTERHUB_SERVICE_PREFIX", "/").strip("/")
    return base + prefix.rstrip("/") + "/check"


def main() -> int:
    try:
        with urllib.request.urlopen(health_url(os.environ), timeout=4) as response:
            return 0 if response.status == 200 else 1
    except OSError as error:
        print(f"netkit health check failed: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
