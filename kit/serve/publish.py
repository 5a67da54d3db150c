"""Publishing a changed lesson from the teacher's page, behind JupyterHub, without the command line.

A teacher signed in with the hub uploads a lesson notebook from their JupyterLab folder (「授業を公開」).
``check_upload`` makes the same checks as ``netkit validate`` (``kit.content.check.check_notebook``:
metadata, the content files it names, each component's own check) and one more that a lesson made on
the command line does not need: a published notebook runs on the netkit instances, beside every
class's answers, so each of its code cells may only

- import ``Lesson`` (``from kit.lesson import Lesson``),
- bind a name to ``Lesson(...)``, or
- call one of the lesson's components (``kit.components.COMPONENTS``),

with arguments written as plain values (text, numbers, lists), never computed; its Markdown has no
HTML and there are no raw cells (a page on the hub's address must not run a teacher's script in a
student's browser). The kit's own lessons are all written this way, so a changed kit lesson passes.

What passes is stored in the shared store (table ``published``, PostgreSQL in a district, SQLite on
one school server) at ``published/TEACHER/NAME.ipynb`` with its outputs cleared, and every instance
writes it into its lessons folder before serving it (``sync``). Only the classes it was published for
see it: the catalogue lists it for ``?class=`` one of them, and its page answers 404 to any other.

With the notebook the teacher may send the content files it names (a changed quiz CSV, Excel sheet or
YAML file from the datasets/ of their ``netkit init`` folder; ``check_files``): each is checked as
``netkit validate`` checks a content file (``kit.content.check.check_file``), with the notebook's
references checked against them, and any problem publishes nothing. They are stored in the same row
as the notebook and written at ``published/TEACHER/own/datasets/<name>``, where the published lesson
reads them instead of the kit's files of the same name (``kit.content.paths.own_file``).
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kit.components import COMPONENTS, KINDS
from kit.content.errors import ContentProblem
from kit.content.paths import OWN

log = logging.getLogger("kit.serve.publish")

FOLDER = "published"
MAX_BYTES = 2_000_000  # the largest kit lesson is about 30 kB; a notebook with pictures in it stays far below
MAX_NAME = 80
MAX_FILES = 10  # content files sent with one notebook
FILE_SUFFIXES = (".csv", ".xlsx", ".yaml", ".yml")  # the kinds of content file a teacher may publish
LESSON_IMPORT = ("kit.lesson", "Lesson")
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")


@dataclass
class Checked:
    """What ``check_upload`` found: the problems, or the notebook to store and where."""

    problems: list[ContentProblem] = field(default_factory=list)
    path: str = ""  # published/TEACHER/NAME.ipynb
    notebook: str = ""  # the JSON text stored, outputs cleared
    files: dict[str, bytes] = field(default_factory=dict)  # content files published with it: name under datasets/ → bytes

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.notebook)

    @property
    def digest(self) -> str:
        return digest(self.notebook)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def teacher_folder(name: str) -> str:
    """The folder of a hub user's published lessons: their name when it is plain, else plain letters and a short hash."""
    plain = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "_" for ch in name)[:40].strip("_")
    if plain == name and plain:
        return plain
    return f"{plain or 'teacher'}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"


def lesson_name(filename: str) -> str | None:
    """The file name as published (``差別.ipynb`` kept), or None for a path, a hidden name or not a notebook."""
    name = unicodedata.normalize("NFC", filename or "")
    if not name or any(ch in name for ch in "/\\\x00") or name.startswith(".") or ".." in name:
        return None
    stem, dot, suffix = name.rpartition(".")
    if not dot or suffix.lower() != "ipynb" or not stem or len(name) > MAX_NAME:
        return None
    if not all(ch.isalnum() or ch in "-_ ・ー（）()" for ch in stem):
        return None
    return f"{stem}.ipynb"


def plain_file_name(filename: str) -> str | None:
    """A content file's name as sent (``defamation_basics.csv``), or None for a path, a hidden name or another kind."""
    name = unicodedata.normalize("NFC", filename or "")
    if not name or any(ch in name for ch in "/\\\x00:") or name.startswith((".", "~$")) or ".." in name or len(name) > MAX_NAME:
        return None
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix.lower()}" not in FILE_SUFFIXES or not stem:
        return None
    return name


def plain_relative(name: str) -> bool:
    """Whether a content file's name under datasets/ (``quizzes/x.csv``) stays plainly inside it."""
    parts = name.split("/")
    return (bool(name) and not name.startswith("/") and "\\" not in name and "\x00" not in name
            and all(p and p not in (".", "..") and not p.startswith(".") for p in parts)
            and any(name.lower().endswith(s) for s in FILE_SUFFIXES))


def _problem(file: str, place: str, field_: str, ja: str, en: str) -> ContentProblem:
    return ContentProblem(file, place, field_, ja, en)


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _plain_values(call: ast.Call) -> bool:
    arguments = [*call.args, *(k.value for k in call.keywords)]
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return False
    for value in arguments:
        try:
            ast.literal_eval(value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return False
    return True


def _statement_problem(node: ast.stmt, names: set[str]) -> str:
    """What is not allowed in one statement ("" when it is a kit import, a Lesson or a component call)."""
    if isinstance(node, ast.Import):
        return "import"
    if isinstance(node, ast.ImportFrom):
        if node.level == 0 and node.module == LESSON_IMPORT[0] and all(
                a.name == LESSON_IMPORT[1] and a.asname is None for a in node.names):
            return ""
        return "import"
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
        func = node.value.func
        if (isinstance(func, ast.Name) and func.id == LESSON_IMPORT[1] and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and _plain_values(node.value)):
            names.add(node.targets[0].id)
            return ""
        return "assign"
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        func = node.value.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in names:
            if func.attr not in COMPONENTS:
                return "component"
            return "" if _plain_values(node.value) else "values"
    return "other"


_WHY = {
    "import": ("読み込めるのは from kit.lesson import Lesson だけです。", "the only import allowed is from kit.lesson import Lesson."),
    "assign": ("書けるのは lesson = Lesson(\"授業のid\") の形だけです。", "only lesson = Lesson(\"lesson-id\") may be assigned."),
    "component": ("キットの部品ではないメソッドです（使えるのは kit/components.py にある部品です）。",
                  "that is not one of the kit's components (those in kit/components.py)."),
    "values": ("部品に渡す値は、文字・数・リストをそのまま書いてください（計算や関数の呼び出しは書けません）。",
               "write the values given to a component as plain text, numbers or lists (nothing computed or called)."),
    "other": ("授業のセルに書けるのは Lesson の読み込み、lesson = Lesson(…)、lesson.部品(…) だけです。",
              "a lesson cell may only import Lesson, write lesson = Lesson(…) or call lesson.<component>(…)."),
}
_FIX = ("この行を消すか、キットの授業と同じ書き方に直してください。", "delete the line or write it as the kit's lessons do.")


def code_problems(name: str, doc: dict) -> list[ContentProblem]:
    """Every cell of ``doc`` that could run or show anything but the kit's components, as problems."""
    problems: list[ContentProblem] = []
    names: set[str] = set()
    for number, cell in enumerate(doc.get("cells") or [], start=1):
        place = f"{number}番目のセル"
        kind = cell.get("cell_type") if isinstance(cell, dict) else None
        if kind == "raw":
            problems.append(_problem(name, place, "", "raw のセルは公開できません。セルの種類を Markdown にするか、セルを消してください。",
                                     "a raw cell cannot be published; make it Markdown or delete it."))
        elif kind == "markdown":
            if _HTML.search(_source(cell)):
                problems.append(_problem(name, place, "", "Markdown に HTML（<script> など）は書けません。HTML のタグを消して Markdown だけで書いてください。",
                                         "Markdown may not contain HTML (such as <script>); remove the tags and write plain Markdown."))
        elif kind == "code":
            text = _source(cell)
            if any(line.lstrip().startswith(("%", "!")) for line in text.splitlines()):
                problems.append(_problem(name, place, "", "% や ! で始まる行（マジック・シェル）は公開できません。その行を消してください。",
                                         "lines starting with % or ! (magics, shell) cannot be published; delete them."))
                continue
            try:
                tree = ast.parse(text)
            except (SyntaxError, ValueError):
                continue  # check_notebook names the syntax error with its line
            for node in tree.body:
                why = _statement_problem(node, names)
                if why:
                    ja, en = _WHY[why]
                    problems.append(_problem(name, f"{place}、{node.lineno}行目", "", ja + _FIX[0], en + " " + _FIX[1]))
        else:
            problems.append(_problem(name, place, "cell_type", "ノートブックとして読めないセルです。JupyterLab で開いて保存し直してください。",
                                     "a cell that is not a notebook cell; open and save the notebook again in JupyterLab."))
    if not names and not problems:
        problems.append(_problem(name, "", "", "lesson = Lesson(\"授業のid\") のセルがありません。キットの授業と同じように書いてください。",
                                 "there is no lesson = Lesson(\"lesson-id\") cell; write it as the kit's lessons do."))
    return problems


def _outside_problems(shown: str, notebook_path: Path, datasets: Path) -> list[ContentProblem]:
    """A content file named outside datasets/ (``/etc/…``, ``../…``) is refused: a lesson reads only the kit's content."""
    from kit import notebook

    try:
        calls = notebook.read(notebook_path).calls
    except (OSError, ValueError):
        return []
    base, problems = Path(datasets).resolve(), []
    for call in calls:
        component = COMPONENTS.get(call.method)
        file = component.file_of(call.args, call.kwargs) if component is not None and component.kind else None
        if not isinstance(file, str):
            continue
        target = (base / file).resolve()
        if Path(file).is_absolute() or (target != base and base not in target.parents):
            problems.append(_problem(shown, f"{call.cell}番目のセル", "", f"「{file}」は datasets の外です。datasets の中のファイル名"
                                     "（例 quizzes/defamation_basics.csv）を書いてください。",
                                     f"'{file}' is outside datasets; name a file inside it (e.g. quizzes/defamation_basics.csv)."))
    return problems


def cleared(doc: dict) -> dict:
    """The notebook as stored: outputs and execution counts cleared (Voilà runs the cells again)."""
    cells = []
    for cell in doc.get("cells") or []:
        cell = dict(cell)
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
        else:
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
        cells.append(cell)
    return {**doc, "cells": cells}


def named_files(notebook_path: Path) -> dict[str, str]:
    """The content files a notebook's calls name (name under datasets/ → its kind), as ``netkit validate`` finds them."""
    from kit import notebook

    try:
        calls = notebook.read(notebook_path).calls
    except (OSError, ValueError):
        return {}
    named = {}
    for call in calls:
        component = COMPONENTS.get(call.method)
        file = component.file_of(call.args, call.kwargs) if component is not None and component.kind else None
        if isinstance(file, str) and file:
            named.setdefault(file, component.kind)
    return named


def _file_problem(name: str, ja: str, en: str) -> ContentProblem:
    return _problem(f"datasets/{name}" if name else "datasets/?", "", "ファイル名", ja, en)


def match_files(files: list[tuple[str, bytes]], named: dict[str, str]) -> tuple[dict[str, bytes], list[ContentProblem]]:
    """Each content file sent, under the name the notebook gives it in datasets/ (``quizzes/x.csv``), or why not.

    A file is matched by its plain name to one the notebook names; it must be of a kind the loader of that
    call reads, at most ``MAX_BYTES`` and sent once.
    """
    matched: dict[str, bytes] = {}
    problems: list[ContentProblem] = []
    if len(files) > MAX_FILES:
        return {}, [_file_problem("", f"内容ファイルは一度に {MAX_FILES} 個までです。授業が使うファイルだけを選んでください。",
                                  f"at most {MAX_FILES} content files at once; pick only the files the lesson uses.")]
    for filename, data in files:
        name = plain_file_name(filename)
        if name is None:
            problems.append(_file_problem(unicodedata.normalize("NFC", filename or "")[:MAX_NAME],
                                          "内容ファイルは .csv .xlsx .yaml のファイルで、名前に / \\ .. を使わず、. で始めないでください。"
                                          "datasets の中のファイルをそのまま選んでください。",
                                          "a content file must be a .csv, .xlsx or .yaml file with no / \\ or .. in its name, not starting "
                                          "with a dot; pick the file from datasets itself."))
            continue
        candidates = sorted(f for f in named if f.rsplit("/", 1)[-1] == name)
        if not candidates:
            listed = "、".join(sorted(named)) or "なし"
            problems.append(_file_problem(name, f"このノートブックは「{name}」を使っていません（使っているのは {listed}）。"
                                          "ノートブックの lesson.部品(\"…\") に書いたファイルだけを選んでください。",
                                          f"this notebook does not use '{name}' (it uses {', '.join(sorted(named)) or 'none'}); "
                                          "pick only the files named in its lesson.<component>(\"…\") cells."))
            continue
        if len(candidates) > 1:
            problems.append(_file_problem(name, f"ノートブックは「{name}」という名前のファイルを {len(candidates)} つ使っています"
                                          f"（{'、'.join(candidates)}）。どれかの名前を変えてください。",
                                          f"the notebook uses {len(candidates)} files named '{name}' ({', '.join(candidates)}); rename one of them."))
            continue
        relative = candidates[0]
        kind = KINDS[named[relative]]
        if not plain_relative(relative) or not any(relative.lower().endswith(x) for x in kind.suffixes):
            problems.append(_file_problem(relative, f"「{relative}」は公開できる内容ファイルの名前ではありません（この部品が読めるのは "
                                          f"{' '.join(x for x in kind.suffixes if x in FILE_SUFFIXES)}）。datasets の中の名前に直してください。",
                                          f"'{relative}' is not a content file name that can be published (this component reads "
                                          f"{' '.join(x for x in kind.suffixes if x in FILE_SUFFIXES)}); name a file inside datasets."))
            continue
        if relative in matched:
            problems.append(_file_problem(relative, f"「{name}」が 2 回選ばれています。1 回だけ選んでください。",
                                          f"'{name}' was picked twice; pick it once."))
            continue
        if len(data) > MAX_BYTES:
            problems.append(_file_problem(relative, f"ファイルが大きすぎます（{len(data) // 1000:,} kB、上限 {MAX_BYTES // 1000:,} kB）。"
                                          "使わない行や画像を消して保存し、もう一度選んでください。",
                                          f"the file is too large ({len(data) // 1000:,} kB, at most {MAX_BYTES // 1000:,} kB); "
                                          "delete the rows or pictures it does not need, save, and pick it again."))
            continue
        matched[relative] = data
    return matched, problems


def check_files(files: dict[str, bytes], named: dict[str, str], datasets: Path) -> tuple[dict, list[ContentProblem]]:
    """Each content file in ``datasets`` (the kit's, with the teacher's written over it) as ``netkit validate`` checks it.

    Returns what ``check_notebook`` takes as ``loaded`` (each file's content, None when broken) and the problems.
    """
    from kit.content.check import check_file
    from kit.content.errors import ContentError
    from kit.content.facts import load_all_facts

    try:
        facts = load_all_facts(datasets / "facts") if (datasets / "facts").is_dir() else {}
    except ContentError:
        facts = {}  # the kit's facts are checked with the kit
    loaded, problems = {}, []
    for relative in sorted(files):
        path = datasets / relative
        content, found = check_file(named[relative], path, facts)
        loaded[path.resolve()] = content
        problems += found
    return loaded, problems


def check_upload(filename: str, data: bytes, teacher: str, datasets: Path,
                 files: list[tuple[str, bytes]] = ()) -> Checked:
    """Check an uploaded lesson notebook (and the content files sent with it) as ``netkit validate`` does, and that it runs only the kit's components."""
    shown = f"lessons/{filename}" if filename else "lessons/?"
    name = lesson_name(filename)
    if name is None:
        return Checked([_problem(shown, "", "ファイル名", "公開できるのは .ipynb のファイル 1 つだけで、名前に / \\ .. は使えません。"
                                 "JupyterLab の授業ノートブックをそのまま選んでください。",
                                 "only one .ipynb file can be published, with no / \\ or .. in its name; pick the lesson notebook itself.")])
    shown = f"lessons/{name}"
    if len(data) > MAX_BYTES:
        return Checked([_problem(shown, "", "", f"ファイルが大きすぎます（{len(data) // 1000:,} kB、上限 {MAX_BYTES // 1000:,} kB）。"
                                 "JupyterLab の「すべての出力をクリア」をしてから保存し、もう一度選んでください。",
                                 f"the file is too large ({len(data) // 1000:,} kB, at most {MAX_BYTES // 1000:,} kB); "
                                 "clear all outputs in JupyterLab, save, and pick it again.")])
    try:
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc, dict) or not isinstance(doc.get("cells"), list) or doc.get("nbformat") != 4:
            raise ValueError("not a notebook (nbformat 4)")
    except (UnicodeDecodeError, ValueError) as exc:
        return Checked([_problem(shown, "", "", f"ノートブックとして読めません（{exc}）。JupyterLab で開いて保存し直してください。",
                                 f"not a readable notebook ({exc}); open and save it again in JupyterLab.")])
    problems = code_problems(shown, doc)
    from kit.content.check import check_notebook

    with tempfile.TemporaryDirectory(prefix="netkit-publish-") as folder:
        lessons = Path(folder) / "lessons"
        lessons.mkdir()
        (lessons / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        named = named_files(lessons / name)
        matched, file_problems = match_files(list(files), named) if files else ({}, [])
        if file_problems:
            return Checked(problems + file_problems)
        loaded = None
        if matched:  # the kit's datasets with the teacher's files over them, read as a lesson would read them
            own = Path(folder) / "datasets"
            shutil.copytree(datasets, own)
            for relative, body in matched.items():
                target = own / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.unlink(missing_ok=True)
                target.write_bytes(body)
            loaded, found = check_files(matched, named, own)
            problems += found
            datasets = own
        problems += _outside_problems(shown, lessons / name, datasets)
        problems += check_notebook(lessons / name, lessons, datasets, loaded)
    meta = (doc.get("metadata") or {}).get("netkit") if isinstance(doc.get("metadata"), dict) else None
    if isinstance(meta, dict) and meta.get("topic") == "teacher":
        problems.append(_problem(shown, "metadata", "netkit.topic", "先生用のノートブック（topic: teacher）は生徒に公開できません。",
                                 "a teacher's notebook (topic: teacher) cannot be published to students."))
    if problems:
        return Checked(problems)
    text = json.dumps(cleared(doc), ensure_ascii=False, indent=1)
    return Checked([], f"{FOLDER}/{teacher_folder(teacher)}/{name}", text, matched)


def clashes(checked: Checked, teacher: str, others: dict[str, dict[str, str]]) -> list[ContentProblem]:
    """A file this lesson sends that another lesson of the same teacher published with other content.

    A teacher's published lessons share ``published/TEACHER/own/datasets``, so one name holds one version.
    """
    problems = []
    mine = f"{FOLDER}/{teacher_folder(teacher)}/"
    for relative, body in sorted(checked.files.items()):
        want = hashlib.sha256(body).hexdigest()
        for path, files in sorted(others.items()):
            if path != checked.path and path.startswith(mine) and files.get(relative, want) != want:
                problems.append(_file_problem(relative, f"「{relative}」は、あなたが公開している {path} でちがう中身のまま使われています。"
                                              "ファイルの名前を変えて（ノートブックの名前も）公開するか、先にその授業を同じ中身で公開し直してください。",
                                              f"'{relative}' is used with other content by {path}, which you published; give the file "
                                              "(and the notebook's reference) another name, or publish that lesson again with the same content."))
    return problems


def sync(root: Path, publications: list[tuple[str, str, list[str], str, str]], read,
         file_digests: dict[str, dict[str, str]] | None = None, read_file=None) -> None:
    """Make ``root/published`` hold exactly the published lessons and their content files.

    Fetches (``read(path)``, ``read_file(path, name)``) the changed ones and drops the withdrawn; a lesson's
    files go to ``published/TEACHER/own/datasets/<name>``, never through a symlink or out of that folder.
    """
    base = (Path(root) / FOLDER).resolve()
    wanted = {}
    for path, _teacher, _classes, want, _at in publications:
        target = (Path(root) / path).resolve()
        if target.parent.parent != base or target.suffix != ".ipynb":
            continue  # only published/TEACHER/NAME.ipynb, whatever the store says
        wanted[target] = want
        try:
            if digest(target.read_text("utf-8")) == want:
                continue
        except OSError:
            pass
        text = read(path)
        if text is None:
            continue
        _write(target, text.encode("utf-8"))
    kept = set()
    for path, files in sorted((file_digests or {}).items()):
        target = (Path(root) / path).resolve()
        if target not in wanted or read_file is None:
            continue
        own = target.parent.joinpath(*OWN)
        for name, want in sorted(files.items()):
            out = own.joinpath(*name.split("/"))
            if not plain_relative(name) or any(p.is_symlink() for p in (out, *out.parents) if base in p.parents):
                log.warning("published content file not written: %s %s", path, name)
                continue
            kept.add(out)
            try:
                if hashlib.sha256(out.read_bytes()).hexdigest() == want:
                    continue
            except OSError:
                pass
            body = read_file(path, name)
            if body is not None:
                _write(out, body)
    if base.is_dir():
        for old in base.glob("*/*.ipynb"):
            if old.resolve() not in wanted:
                old.unlink(missing_ok=True)
        for old in base.glob("*/" + "/".join(OWN) + "/**/*"):
            if (old.is_file() or old.is_symlink()) and old not in kept:
                old.unlink(missing_ok=True)


def _write(target: Path, body: bytes) -> None:
    """Write ``body`` at ``target`` at once (a kernel reading it sees the old file or the new, never half)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".publishing-", suffix=target.suffix)
    with os.fdopen(handle, "wb") as out:
        out.write(body)
    os.replace(temporary, target)


def visible(path: str, class_code: str, publications: list[tuple[str, str, list[str], str, str]]) -> bool:
    """Whether the lesson at ``path`` may be shown to ``class_code``: any lesson not published, a published one to its classes."""
    if path.split("/", 1)[0] != FOLDER:
        return True
    return any(p == path and class_code and class_code in classes for p, _t, classes, _d, _a in publications)


def problem_sentences(problems: list[ContentProblem], lang: str) -> list[str]:
    """Each problem as one sentence naming the file, the place, the field and the fix."""
    return [p.sentence() if lang == "ja" else p.sentence_en() for p in problems]


class Shelf:
    """One instance's published lessons: read from the shared store and written into its lessons folder."""

    def __init__(self, root: str | Path, data_dir: str | Path | None):
        self.root = Path(root)
        self.data_dir = Path(data_dir) if data_dir else None

    def open_store(self):
        from kit.store import location, open_store

        return open_store(location(self.data_dir))

    def refresh(self) -> list[tuple[str, str, list[str], str, str]]:
        """Every publication, each written into the lessons folder if it changed (the withdrawn ones removed).

        If the store cannot be read or the folder cannot be written, the kit's own lessons are still served:
        the published ones are left out (an empty list) and the terminal says why in one line.
        """
        try:
            store = self.open_store()
            try:
                rows = store.publications()
                sync(self.root, rows, store.published_notebook, store.published_file_digests(), store.published_file)
            finally:
                store.close()
        except Exception as exc:  # the catalogue and the kit's lessons must not fail with it
            log.warning("published lessons not served: %s (%s: %s)", self.root / FOLDER, type(exc).__name__, exc)
            return []
        return rows

    @staticmethod
    def is_published(path: str) -> bool:
        return path.split("/", 1)[0].casefold() == FOLDER
