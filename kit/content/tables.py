"""Read a teacher's table (CSV, Excel or YAML) into plain rows, remembering where each row stands.

Teachers save CSV from Japanese Excel, which writes Shift_JIS (cp932) by default, UTF-8 with a BOM
when asked, CRLF line ends, and sometimes UTF-16 "Unicode text" with tabs. All of these read the
same. Spreadsheets (CSV and XLSX) hold ``schema_version,1`` in their first row and the column
names in the second, so the row numbers in messages are the ones Excel shows. YAML files hold
``schema_version`` and a list of items under one key.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kit.content.errors import ContentError, ContentProblem, display_name

SPREADSHEET_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx")
# A lesson's file holds tens or hundreds of items; more is nearly always the wrong sheet pasted in,
# and every student's kernel would read all of it.
MAX_ITEMS = 2000
MAX_BYTES = 8 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Row:
    """One item of a table: its values and how to name its place in a message."""

    values: dict[str, Any]
    place: str  # "5行目" for spreadsheets, the item id (or "3番目") for YAML
    number: int  # spreadsheet row number, or the item's position (1-based) in YAML
    lines: dict[str, int] = field(default_factory=dict)  # YAML: the line each key is written on

    def __post_init__(self):
        if not self.lines:
            self.lines = dict(getattr(self.values, "lines", {}))


class Mapping(dict):
    """A YAML mapping that remembers the line of each key, so a message can name it."""

    lines: dict[Any, int]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = {}


@dataclass
class Table:
    """A content file read into rows; ``columns`` are the header names as the teacher wrote them."""

    file: str
    schema_version: Any
    rows: list[Row] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # YAML keys other than the item list
    lines: dict[str, int] = field(default_factory=dict)  # YAML: the line of each top-level key


def read_table(path: str | Path, items_key: str = "items") -> Table:
    """Read ``path`` as a table of items; raise ``ContentError`` if it cannot be read at all."""
    path = Path(path)
    name = display_name(path)
    if not path.is_file():
        raise ContentError.single(
            name, "ファイルが見つかりません。名前と置き場所を確かめてください。",
            "the file does not exist; check its name and folder.")
    _check_size(path, name)
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES:
        table = _read_yaml(path, name, items_key)
    elif suffix == ".xlsx":
        table = _from_grid(name, _xlsx_grid(path, name))
    elif suffix in SPREADSHEET_SUFFIXES:
        table = _from_grid(name, _csv_grid(path.read_bytes(), name))
    else:
        raise ContentError.single(
            name, "読めない種類のファイルです。CSV・Excel(.xlsx)・YAML で保存してください。",
            "unsupported file type; save it as CSV, Excel (.xlsx) or YAML.")
    if len(table.rows) > MAX_ITEMS:
        raise ContentError.single(
            name, f"項目が多すぎます（{len(table.rows):,} 行）。1つのファイルは {MAX_ITEMS:,} 行までです。"
            "別のシートや表を貼りつけていないか確かめ、ファイルを分けてください。",
            f"too many items ({len(table.rows):,} rows); a file holds at most {MAX_ITEMS:,}. Check that no other "
            "sheet or table was pasted in, and split the file.")
    return table


def _check_size(path: Path, name: str) -> None:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ContentError.single(
            name, f"ファイルが大きすぎます（{size / 1024 / 1024:.0f} MB）。内容ファイルは {MAX_BYTES // 1024 // 1024} MB "
            "までです。画像や別の表が入っていないか確かめてください。",
            f"the file is too large ({size / 1024 / 1024:.0f} MB); content files hold at most "
            f"{MAX_BYTES // 1024 // 1024} MB. Check for pictures or other tables inside it.")


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes as Excel may have saved them: UTF-16 with BOM, UTF-8 (BOM or not), or cp932."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ContentError.single(
        name, "文字コードが読めません。Excel の「CSV UTF-8」で保存し直してください。",
        "unknown text encoding; save again as 'CSV UTF-8' in Excel.")


def _csv_grid(data: bytes, name: str) -> list[list[str]]:
    text = decode_text(data, name)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:  # e.g. a NUL byte from a damaged file
        raise ContentError.single(
            name, f"CSV として読めません（{exc}）。Excel で開いて保存し直してください。",
            f"not readable as CSV ({exc}); open and save it again in Excel.") from None


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # also an old .xls saved with the .xlsx name


def _xlsx_grid(path: Path, name: str) -> list[list[str]]:
    import zipfile

    import openpyxl  # only a lesson that reads .xlsx pays for this import

    with open(path, "rb") as f:
        if f.read(8) == OLE_MAGIC:  # an encrypted .xlsx is an OLE container, not a zip
            raise ContentError.single(
                name, "パスワード付きの Excel ファイルは読めません。Excel でパスワードを外して保存し直してください。",
                "the workbook is password-protected; remove the password in Excel and save it again.")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ContentError.single(
            name, "Excel ファイルとして開けません。Excel で開いて .xlsx で保存し直してください。",
            f"cannot open as an Excel workbook ({exc}); save it again as .xlsx.") from None
    try:
        sheet = book.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def table_from_grid(name: str, grid: list[list[Any]]) -> Table:
    """A table from spreadsheet cells (row 1: schema_version, row 2: column names), as ``read_table``."""
    return _from_grid(name, [[_cell_text(c) for c in row] for row in grid])


def _from_grid(name: str, grid: list[list[str]]) -> Table:
    grid = [[c.strip() if isinstance(c, str) else c for c in row] for row in grid]
    numbered = [(i + 1, row) for i, row in enumerate(grid) if any(c for c in row)]
    if not numbered:
        raise ContentError.single(name, "ファイルが空です。", "the file is empty.")
    line, first = numbered[0]
    if first[0].lower().replace(" ", "_") != "schema_version":
        raise ContentError.single(
            name, "1行目に「schema_version」と「1」の2つのセルを入れ、2行目を列名の行にしてください。",
            "put 'schema_version' and '1' in the first row and the column names in the second.",
            place=f"{line}行目", field="schema_version")
    version = first[1] if len(first) > 1 else ""
    if len(numbered) < 2:
        raise ContentError.single(
            name, "列名の行がありません。2行目に id, type などの列名を入れてください。",
            "there is no header row; put the column names in the second row.")
    header_line, header = numbered[1]
    # Column names typed with the Japanese IME on (ｔｅｘｔ＿ｊａ) are the names the teacher meant.
    columns = [unicodedata.normalize("NFKC", c) if isinstance(c, str) else c for c in header]
    problems = _header_problems(name, header_line, columns) + _blank_header_problems(name, header_line, columns, numbered[2:])
    if problems:
        raise ContentError(problems)
    rows = []
    for number, cells in numbered[2:]:
        values = {}
        for col, cell in zip(columns, cells, strict=False):
            if col:
                values[col] = cell
        extra = [c for c in cells[len(columns):] if c]
        if extra:
            values["__extra__"] = extra
        rows.append(Row(values, f"{number}行目", number))
    return Table(name, version, rows, [c for c in columns if c])


def _header_problems(name: str, line: int, columns: list[str]) -> list[ContentProblem]:
    seen: set[str] = set()
    problems = []
    for col in columns:
        if col and col in seen:
            problems.append(ContentProblem(
                name, f"{line}行目", col, "同じ列名が2回あります。片方の名前を直すか消してください。",
                "the same column name appears twice; rename or delete one."))
        seen.add(col)
    return problems


def _blank_header_problems(name: str, line: int, columns: list[str], rows: list[tuple[int, list[str]]]) -> list[ContentProblem]:
    """A column with cells below a blank name (often a header cell merged into its neighbour): its cells would be lost."""
    problems = []
    for i, col in enumerate(columns):
        if col or not any(i < len(cells) and cells[i] for _, cells in rows):
            continue
        cell = f"{column_letter(i)}{line}"
        left = next((c for c in reversed(columns[:i]) if c), "")
        beside = f"（「{left}」の右）" if left else ""
        beside_en = f" (right of '{left}')" if left else ""
        problems.append(ContentProblem(
            name, f"{line}行目", "", f"{cell}{beside}の列名が空なので、セルの結合を解除して {cell} に列名を書いてください。",
            f"the column name in {cell}{beside_en} is blank, so unmerge the header cells and write the column name in {cell}."))
    return problems


def column_letter(index: int) -> str:
    """Excel's name of the 0-based column ``index``: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class _Refused(Exception):
    """A YAML construct content files may not use, with where it is and what to write instead."""

    def __init__(self, line: int, ja: str, en: str, field: str = ""):
        super().__init__(en)
        self.line, self.ja, self.en, self.field = line, ja, en, field


@cache
def _yaml_loader():
    import re

    import yaml

    class Loader(yaml.SafeLoader):
        """YAML 1.2 booleans: only true/false. A feedback of "No" or a choice "on" stays text.

        Aliases (``*name``) are refused: a file of a few lines that nests them expands to billions
        of values and would hang every kernel that reads it. A key written twice in one mapping is
        refused too, since YAML would silently keep only the second.
        """

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise _Refused(
                    event.start_mark.line + 1,
                    f"別名（*{event.anchor}）は使えません。同じ内容をそのまま書いてください。",
                    f"aliases (*{event.anchor}) are not allowed; write the content out in full.")
            return super().compose_node(parent, index)

        def construct_mapping(self, node, deep=False):
            seen: dict = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                if isinstance(key, (str, int, float, bool)) and key in seen:
                    raise _Refused(
                        key_node.start_mark.line + 1,
                        f"「{key}」が2回書かれています（{seen[key]}行目にもあります）。片方を消すか名前を直してください。",
                        f"'{key}' is written twice (also on line {seen[key]}); delete one or fix its name.",
                        field=str(key))
                if isinstance(key, (str, int, float, bool)):
                    seen[key] = key_node.start_mark.line + 1
            return super().construct_mapping(node, deep=deep)

    def construct_lined_map(loader, node):
        data = Mapping()
        yield data
        data.update(loader.construct_mapping(node))
        data.lines = {loader.construct_object(k, deep=True): k.start_mark.line + 1 for k, _ in node.value
                      if isinstance(k, yaml.ScalarNode)}

    Loader.add_constructor("tag:yaml.org,2002:map", construct_lined_map)
    Loader.yaml_implicit_resolvers = {
        key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    # YAML 1.2 has no base-60 numbers either: a time such as 20:47 stays the text a teacher wrote.
    Loader.yaml_implicit_resolvers = {
        key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:int"]
        for key, resolvers in Loader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+)$"), list("-+0123456789"))
    return Loader


def dump_yaml(value: Any) -> str:
    """``value`` as YAML a teacher can read and these loaders accept: block style, no aliases."""
    import yaml

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data):
            return True  # the same list twice is written out twice: aliases are refused on reading

    Dumper.add_representer(Mapping, yaml.SafeDumper.represent_dict)

    return yaml.dump(value, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def read_yaml_document(path: str | Path) -> tuple[str, Any]:
    """(display name, parsed YAML) of a YAML content file; ``ContentError`` with the line if unreadable."""
    path = Path(path)
    name = display_name(path)
    if not path.is_file():
        raise ContentError.single(
            name, "ファイルが見つかりません。名前と置き場所を確かめてください。",
            "the file does not exist; check its name and folder.")
    _check_size(path, name)
    return name, _parse_yaml(path, name)


def _parse_yaml(path: Path, name: str) -> Any:
    import yaml

    text = decode_text(path.read_bytes(), name)
    try:
        doc = yaml.load(text, Loader=_yaml_loader())
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        known = yaml_error(problem)
        ja, en = known["ja"], known["en"]
        mark = getattr(exc, "problem_mark", None)
        if known.get("line") == "start" or mark is None:
            mark = getattr(exc, "context_mark", None) or mark
        line = mark.line + 1 if mark is not None else None
        cause = yaml_cause(text.splitlines(), line)
        if cause is not None:  # what the lines show is the cause; PyYAML noticed it later and called it otherwise
            line, ja, en = cause
        raise ContentError.single(name, ja, f"{en} ({problem})", place=f"{line}行目" if line else "") from None
    except _Refused as exc:
        raise ContentError.single(name, exc.ja, exc.en, place=f"{exc.line}行目", field=exc.field) from None
    return doc


@cache
def _yaml_errors() -> list[dict[str, str]]:
    from importlib import resources

    import yaml

    return yaml.safe_load(resources.files("kit.content").joinpath("yaml_errors.yaml").read_text("utf-8"))


def yaml_error(problem: str) -> dict[str, str]:
    """What PyYAML's ``problem`` means and how to fix it, in Japanese and English (``yaml_errors.yaml``)."""
    return next(known for known in _yaml_errors() if "match" in known and known["match"] in problem)  # the last matches anything


_KEY_LINE = re.compile(r"\s*(?:-\s+)*[A-Za-z_][\w-]*\s*:(?:\s|$)")  # 「name:」 starts the line
_QUOTED_VALUE = re.compile(r"\s*(?:-\s+)*(?:[^\s#\"'{\[][^:#]*:\s+)?([\"'])(.*)$")  # a value that opens a quote


def yaml_cause(lines: list[str], error_line: int | None) -> tuple[int, str, str] | None:
    """(line, ja, en) when the lines up to PyYAML's error show its cause: a full-width space in an indentation,
    or a quote opened and not closed on its line before a line that starts a new 「name:」."""
    upto = lines[:error_line] if error_line else lines
    texts = {known["cause"]: known for known in _yaml_errors() if "cause" in known}
    for number, line in enumerate(upto, start=1):
        if re.match(r"[ \t]*\u3000", line):
            return number, texts["fullwidth_indent"]["ja"], texts["fullwidth_indent"]["en"]
    opened = None
    for number, line in enumerate(upto, start=1):
        if opened is not None:
            if _KEY_LINE.match(line):
                quote, start = opened
                return start, texts["unclosed_quote"]["ja"].format(quote=quote), texts["unclosed_quote"]["en"].format(quote=quote)
            if opened[0] in line:
                opened = None
            continue
        found = _QUOTED_VALUE.match(line)
        if found and not _closed(found.group(1), found.group(2)):
            opened = (found.group(1), number)
    return None


def _closed(quote: str, rest: str) -> bool:
    """Whether a value that opened with ``quote`` is closed in ``rest`` (``\\"`` in "…" and ``''`` in '…' do not close it)."""
    if quote == '"':
        return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
    return re.search(r"'(?!')", rest.replace("''", "")) is not None


def _read_yaml(path: Path, name: str, items_key: str) -> Table:
    doc = _parse_yaml(path, name)
    if not isinstance(doc, dict):
        raise ContentError.single(
            name, f"「schema_version: 1」と「{items_key}:」の一覧を持つ YAML にしてください。",
            f"the file must be a mapping with 'schema_version: 1' and a list under '{items_key}:'.")
    lines = getattr(doc, "lines", {})
    items = doc.get(items_key)
    if items_key not in doc:
        typo = closest_key(doc, items_key)
        if typo is not None:
            raise ContentError.single(
                name, f"「{typo}」は知らない項目です。「{items_key}」のまちがいではありませんか。",
                f"'{typo}' is not a known key; did you mean '{items_key}'?", field=typo, line=lines.get(typo))
    if not isinstance(items, list):
        raise ContentError.single(
            name, f"「{items_key}:」の下に、「- 」で始まる項目の一覧を書いてください。",
            f"put a list of items (lines starting with '- ') under '{items_key}:'.", field=items_key,
            line=lines.get(items_key))
    rows = []
    for i, item in enumerate(items, start=1):
        place = f"{i}番目の項目"
        if isinstance(item, dict) and item.get("id"):
            place = f"{i}番目の項目（id: {item.get('id')}）"
        if not isinstance(item, dict):
            item = {"__not_a_mapping__": item}
        rows.append(Row({k: _yaml_value(v) for k, v in item.items()}, place, i, dict(getattr(item, "lines", {}))))
    meta = {k: v for k, v in doc.items() if k not in (items_key, "schema_version")}
    columns = sorted({k for r in rows for k in r.values})
    return Table(name, doc.get("schema_version"), rows, columns, meta, dict(lines))


def closest_key(doc: dict, wanted: str) -> str | None:
    """The key of ``doc`` that is most likely ``wanted`` misspelt (itemx for items), if one is close."""
    import difflib

    keys = [k for k in doc if isinstance(k, str) and k != wanted]
    found = max(keys, key=lambda k: difflib.SequenceMatcher(None, k, wanted).ratio(), default=None)
    # closer than roles is to nodes: a file with no items at all is told to add them, not to rename a key
    return found if found is not None and difflib.SequenceMatcher(None, found, wanted).ratio() >= 0.75 else None


def _yaml_value(value: Any) -> Any:
    # YAML reads 2026-11-01 as a date and "2" as an int; the schema wants the teacher's text.
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()
    return value
