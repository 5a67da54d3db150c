"""What a student sees when something goes wrong, and what the teacher's terminal says.

A wrong address, a lesson notebook that cannot be read, a kernel that is missing or cannot
start, a failing cell and a full server each give a page in the kit's style, in Japanese (English
with ``?lang=en``), saying what to do — never a traceback or a Python name; the terminal gets one
sentence naming the cause and the fix.
"""

from __future__ import annotations

import json
import re
import shutil
import time
import urllib.error
import urllib.request

import nbformat
import pytest

from tests.served import REPO, Server

PYTHON_NAMES = re.compile(r"Traceback|Error\b|Exception|HTTPError|NoSuchKernel|FileNotFound|ZeroDivision|\.py\b")


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=120) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def lesson(path, cells, kernel=("python3", "python")):
    nb = nbformat.v4.new_notebook()
    nb.metadata["netkit"] = {"id": path.stem, "title_ja": "テスト", "topic": "piracy", "audience": "中学生"}
    nb.metadata["kernelspec"] = {"name": kernel[0], "display_name": kernel[0], "language": kernel[1]}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    root = tmp_path_factory.mktemp("school")
    shutil.copytree(REPO / "datasets", root / "datasets")
    lessons = root / "lessons" / "piracy"
    lesson(lessons / "fails.ipynb", ["1 / 0", "print('つづき')"])
    lesson(lessons / "also.ipynb", ["print('もうひとつ')"])
    lesson(lessons / "nokernel.ipynb", ["print(1)"], kernel=("klingon", "klingon"))
    lesson(lessons / "broken_kernel.ipynb", ["print(1)"], kernel=("broken", "broken"))
    (lessons / "corrupt.ipynb").write_text("{ this is not a notebook", "utf-8")
    # a kernel spec whose program does not exist: the kernel cannot start
    spec = root / "jupyter" / "kernels" / "broken"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(root / "no-such-python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "broken", "language": "broken"}), "utf-8")
    srv = Server(root, tmp_path_factory.mktemp("results"), ["--max-kernels", "1"], env={"JUPYTER_PATH": str(root / "jupyter")})
    yield srv
    srv.stop()


def terminal(srv, containing: str, seconds: float = 30) -> str:
    """The server's output once it contains ``containing`` (or as it is at the deadline)."""
    deadline = time.monotonic() + seconds
    while True:
        text = open(srv.log.name, encoding="utf-8").read()
        if containing in text or time.monotonic() > deadline:
            return text


def student_page(body: str) -> str:
    """What a student reads: the page without its markup."""
    return re.sub(r"<[^>]+>", " ", body)


@pytest.mark.parametrize("path", ["no/such/page", "voila/render/piracy/missing.ipynb", "voila/files/missing.png"])
def test_a_wrong_address_says_to_go_back_to_the_lessons(school, path):
    status, body = get(school.url + path)
    assert status == 404
    assert "このページは見つかりません" in body and "授業の一覧へ" in body and "先生に知らせてください" in body
    assert 'href="/voila/templates/netkit/static/catalogue.css"' in body and "cdn" not in body
    assert not PYTHON_NAMES.search(student_page(body)), student_page(body)
    status, body = get(school.url + path + "?lang=en")
    assert status == 404 and "This page cannot be found" in body and "please tell your teacher" in body
    assert '<html lang="en">' in body


def test_a_missing_kernel_asks_the_student_to_tell_the_teacher_and_the_terminal_says_what_to_install(school):
    status, body = get(school.url + "voila/render/piracy/nokernel.ipynb")
    assert status == 500
    assert "授業を始められませんでした" in body and "先生に知らせてください" in body
    assert not PYTHON_NAMES.search(student_page(body)), student_page(body)
    assert "The lesson could not start" in get(school.url + "voila/render/piracy/nokernel.ipynb?lang=en")[1]
    text = terminal(school, "pip install ipykernel")
    assert "カーネル（ipykernel）が見つからない" in text and "-m pip install ipykernel" in text
    assert text.count("-m pip install ipykernel を実行して") == 1  # said once, however many students try


def test_a_kernel_that_cannot_start_gives_the_same_page_and_one_sentence(school):
    status, body = get(school.url + "voila/render/piracy/broken_kernel.ipynb")
    assert status == 500 and "授業を始められませんでした" in body
    assert not PYTHON_NAMES.search(student_page(body)), student_page(body)
    text = terminal(school, "授業のカーネルを起動できませんでした")
    assert "授業のカーネルを起動できませんでした（" in text and "netkit doctor" in text
    assert "Traceback" not in text


def test_a_notebook_that_cannot_be_read_asks_to_reload(school):
    status, body = get(school.url + "voila/render/piracy/corrupt.ipynb")
    assert status in (400, 500)
    assert "うまく表示できませんでした" in body and "読みこみなおしてください" in body
    assert not PYTHON_NAMES.search(student_page(body)), student_page(body)
    text = terminal(school, "/voila/render/piracy/corrupt.ipynb を表示できませんでした")
    assert "/voila/render/piracy/corrupt.ipynb を表示できませんでした" in text and "netkit validate" in text


def test_a_failing_cell_shows_a_card_and_tells_the_teacher_then_a_full_server_says_wait(school):
    status, body = get(school.url + "voila/render/piracy/fails.ipynb")
    assert status == 200
    assert 'class="nk-cell-problem"' in body and "先生に知らせてください。ほかの部分は使えます。" in body
    assert "Please tell your teacher; the rest of the lesson works." in body  # shown with ?lang=en (netkit.css)
    assert "つづき" in body  # the next cell still ran
    assert "ZeroDivisionError" not in body and "Traceback" not in body and "executing cell" not in body
    text = terminal(school, "授業「fails」のセル 1 でエラーが起きました")
    assert "授業「fails」のセル 1 でエラーが起きました（ZeroDivisionError" in text
    assert "netkit lab" in text

    # the failing lesson's kernel is the one --max-kernels allows: the next student waits
    status, body = get(school.url + "voila/render/piracy/also.ipynb")
    assert status == 503 and "混みあっています" in body and "待っていてください" in body
    assert not PYTHON_NAMES.search(student_page(body))
    status, body = get(school.url + "voila/render/piracy/also.ipynb?lang=en")
    assert status == 503 and "Please keep it open" in body
