"""The district test's lesson folder is served, not collected as notebooks."""

collect_ignore_glob = ["kit/*"]
