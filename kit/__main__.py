"""``python -m kit`` is the same as the ``netkit`` command."""

from kit.cli import main

raise SystemExit(main())
