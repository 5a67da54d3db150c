"""Check rows against the published JSON Schemas in ``kit/content/schema/``, field by field.

Each field is checked on its own so that every problem in a row is reported at once, and each
property carries its own fix in the schema (``x-fix-ja`` / ``x-fix-en``), so a message tells the
teacher what to write rather than what the validator thought. Unknown column names get a
"did you mean". fastjsonschema compiles the checks, which keeps a student's kernel start quick.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema

from kit.content.errors import ContentProblem
from kit.content.suggest import closest
from kit.content.tables import Row

SCHEMA_VERSION = 1  # the newest schema_version this kit reads


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema named ``name`` (e.g. ``"quiz"``), as published in the package.

    ``"scenario#node"`` names one of a schema's ``definitions``: the parts of a nested file
    (a scenario's nodes and choices) are checked item by item like rows.
    """
    base, _, part = name.partition("#")
    text = resources.files("kit.content").joinpath(f"schema/{base}.schema.json").read_text("utf-8")
    schema = json.loads(text)
    return schema["definitions"][part] if part else schema


@cache
def _field_check(name: str, key: str):
    schema = load_schema(name)
    sub = _property_schema(schema, key)
    return fastjsonschema.compile({k: v for k, v in sub.items() if not k.startswith("x-")})


def _property_schema(schema: dict[str, Any], key: str) -> dict[str, Any]:
    if key in schema.get("properties", {}):
        return schema["properties"][key]
    for pattern, sub in schema.get("patternProperties", {}).items():
        if re.match(pattern, key):
            return sub
    raise KeyError(key)


def known_fields(name: str) -> list[str]:
    """Every field name the schema accepts, numbered columns spelt out (choice1_ja …)."""
    schema = load_schema(name)
    names = list(schema.get("properties", {}))
    for prefix, count in schema.get("x-numbered", {}).items():
        names += [f"{prefix}{i}_{lang}" for i in range(1, count + 1) for lang in ("ja", "en")]
    return names


def check_version(name: str, file: str, version: Any) -> list[ContentProblem]:
    """Problems with a file's ``schema_version`` (missing, not a number, or newer than this kit)."""
    if _blank(version):
        return [ContentProblem(
            file, "", "schema_version", "schema_version がありません。ファイルの始めに「schema_version: 1」"
            "（表なら1行目に schema_version と 1）を書いてください。",
            "schema_version is missing; start the file with 'schema_version: 1' (in a sheet, row 1: schema_version, 1).")]
    try:
        number = int(str(version).strip())
    except ValueError:
        return [ContentProblem(
            file, "", "schema_version",
            f"schema_version に 1 を書いてください（いまの値: {shown_value(version)}）。",
            f"set schema_version to 1 (found {shown_value(version)}).")]
    if number > SCHEMA_VERSION:
        return [ContentProblem(
            file, "", "schema_version",
            f"このファイルは新しい版（{number}）のキット用です。キットを更新してください。",
            f"this file is for a newer kit (schema_version {number}); upgrade the kit.")]
    if number < 1:
        return [ContentProblem(file, "", "schema_version", "schema_version は 1 にしてください。",
                               "set schema_version to 1.")]
    return []


def check_row(name: str, file: str, row: Row) -> list[ContentProblem]:
    """Every schema problem of one row: unknown fields, missing fields, wrong values."""
    schema = load_schema(name)
    values = row.values
    problems = []
    if "__not_a_mapping__" in values:
        return [ContentProblem(file, row.place, "", "「名前: 値」の組を並べた項目にしてください。",
                               "each item must be a set of 'name: value' pairs.")]
    if "__extra__" in values:
        problems.append(ContentProblem(
            file, row.place, "", "列名のない列に値があります。列名を付けるか値を消してください。",
            "there are values in columns without a name; name the column or delete them."))
    known = known_fields(name)
    for key in values:
        if key.startswith("__"):
            continue
        try:
            _property_schema(schema, key)
        except KeyError:
            problems.append(_unknown_field(file, row.place, key, known, row.lines.get(key)))
    for key in schema.get("required", []):
        if _blank(values.get(key)):
            sub = schema["properties"][key]
            problems.append(ContentProblem(
                file, row.place, key, "空です。" + sub.get("x-fix-ja", ""),
                "it is empty; " + sub.get("x-fix-en", ""), row.lines.get(key)))
    for key, value in values.items():
        if key.startswith("__") or _blank(value):
            continue
        try:
            sub = _property_schema(schema, key)
        except KeyError:
            continue
        try:
            _field_check(name, key)(value)
        except fastjsonschema.JsonSchemaValueException:
            problems.append(bad_value(file, row.place, key, value, sub, row.lines.get(key)))
    return problems


def bad_value(file: str, place: str, key: str, value: Any, sub: dict, line: int | None = None) -> ContentProblem:
    """A value the schema refuses, shown as the teacher wrote it, with the field's fix."""
    shown = shown_value(value)
    shown = shown if len(shown) <= 30 else shown[:30] + "…"
    return ContentProblem(file, place, key, f"「{shown}」は使えません。" + sub.get("x-fix-ja", ""),
                          f"'{shown}' is not allowed; " + sub.get("x-fix-en", ""), line)


def shown_value(value: Any) -> str:
    """A value as a teacher wrote it, never as Python prints it (no None, no brackets and quotes)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return "（空）"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "、".join(f"{k}: {shown_value(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "、".join(shown_value(v) for v in value)
    return str(value)


def _unknown_field(file: str, place: str, key: str, known: list[str], line: int | None = None) -> ContentProblem:
    noun = "列名" if place.endswith("行目") and not file.lower().endswith((".yaml", ".yml")) else "項目"
    close = closest(str(key), known)
    if close:
        return ContentProblem(file, place, key, f"「{key}」は知らない{noun}です。「{close}」のまちがいではありませんか。",
                              f"'{key}' is not a known name; did you mean '{close}'?", line)
    return ContentProblem(file, place, key, f"「{key}」は知らない{noun}です。使える名前は docs/content-format.md にあります。",
                          f"'{key}' is not a known name; the names you can use are in docs/content-format.md.", line)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def header_problems(name: str, file: str, columns: list[str], place: str = "2行目") -> list[ContentProblem]:
    """Misspelt column names in a spreadsheet's header, reported once for the file, not per row."""
    schema = load_schema(name)
    known = known_fields(name)
    problems = []
    for col in columns:
        try:
            _property_schema(schema, col)
        except KeyError:
            problems.append(_unknown_field(file, place, col, known))
    return problems


def enumerated(value: str, sub: dict) -> str:
    """A value from a fixed set as the teacher meant it, typed with the IME on or a stray space: ``ＴｒｕｅＦａｌｓｅ `` → truefalse.

    Full-width letters and digits become ASCII (NFKC, as answers are read) and the ends are trimmed; a value
    that differs from one of the schema's ``enum`` only in case becomes that one; ``x-normalize: upper`` upper-cases.
    """
    value = unicodedata.normalize("NFKC", value).strip()
    if sub.get("x-normalize") == "upper":
        return value.upper()
    options = [o for o in sub.get("enum", ()) if isinstance(o, str)]
    if value in options:
        return value
    same = [o for o in options if o.casefold() == value.casefold()]
    return same[0] if len(same) == 1 else value


def coerce(name: str, key: str, value: Any) -> Any:
    """``value`` as the schema's type where the file format lost it.

    YAML reads ``answer: 2`` as a number and spreadsheets give every cell as text; the schema
    says which is meant.
    """
    try:
        sub = _property_schema(load_schema(name), key)
    except KeyError:
        return value
    want = sub.get("type")
    if isinstance(value, str) and ("enum" in sub or sub.get("x-normalize")):
        return enumerated(value, sub)
    if want == "string" and isinstance(value, bool):
        return "true" if value else "false"
    if want == "string" and isinstance(value, (int, float)):
        return str(value)
    if want == "number" and isinstance(value, str) and value.strip():
        try:
            return float(value.replace(",", "")) if "." in value else int(value.replace(",", ""))
        except ValueError:
            return value
    return value
