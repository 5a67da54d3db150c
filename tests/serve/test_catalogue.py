"""The catalogue lists lessons from notebook metadata, without starting a kernel."""

from __future__ import annotations

import nbformat

from kit.serve.app import ServeOptions, classroom_config
from kit.serve.catalogue import grouped, scan
from tests.conftest import REPO


def write(path, **meta):
    nb = nbformat.v4.new_notebook()
    if meta:
        nb.metadata["netkit"] = meta
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def test_lessons_grouped_by_topic_then_audience(tmp_path):
    write(tmp_path / "piracy" / "a.ipynb", title_ja="海賊版", topic="piracy", audience="中学生", minutes=15)
    write(tmp_path / "defamation" / "hs.ipynb", title_ja="高校", topic="defamation", audience="高校生")
    write(tmp_path / "defamation" / "es.ipynb", title_ja="小学", topic="defamation", audience="小5-6")
    write(tmp_path / "teacher" / "dash.ipynb", title_ja="先生", topic="teacher", audience="保護者・教職員")
    write(tmp_path / "misc.ipynb")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    write(tmp_path / ".ipynb_checkpoints" / "x.ipynb", title_ja="x", topic="piracy")
    groups = grouped(scan(tmp_path))
    assert [t for t, _ in groups] == ["defamation", "piracy", "other"]
    assert [e.title.ja for e in groups[0][1]] == ["小学", "高校"]
    assert groups[1][1][0].minutes == 15
    assert groups[2][1][0].title.ja == "misc"  # no metadata: listed by name


def test_starter_lessons_are_listed():
    topics = {e.topic for e in scan(REPO / "lessons")}
    assert {"defamation", "misinformation", "piracy"} <= topics


def test_classroom_settings(tmp_path):
    c = classroom_config(ServeOptions(root=tmp_path, pool=3))
    assert c.VoilaConfiguration.template == "netkit"
    assert c.VoilaConfiguration.preheat_kernel is True and c.VoilaConfiguration.default_pool_size == 3
    assert c.VoilaExecutor.iopub_timeout >= 60
    assert c.MappingKernelManager.cull_connected is False and c.MappingKernelManager.cull_idle_timeout > 0
    assert "anywidget" in c.VoilaConfiguration.extension_allowlist
