"""A student's kernel never loads the teacher-side analysis or pandas."""

from __future__ import annotations

import subprocess
import sys


def test_lesson_and_widgets_do_not_import_analysis():
    code = "import sys, kit.lesson, kit.widgets; print('kit.analysis' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
