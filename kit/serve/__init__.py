"""``netkit serve``: Voilà with classroom-safe settings, the kit's template and a lesson catalogue."""
