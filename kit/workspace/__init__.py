"""A teacher's own copy of the lessons: ``netkit init`` makes it, ``netkit init --update`` upgrades it.

The copy remembers what the kit shipped (``.netkit/manifest.json``: kit version and a hash of
every file as copied), so an upgrade can tell a file the teacher edited from one only the kit
changed, and never overwrites the teacher's work.
"""
