"""Check a whole YAML document (not a table of rows) against its published JSON Schema, field by field.

Some content files are one structured document rather than a list of rows: a teacher guide holds a
title, a few lists of small items and a length. ``check_document`` walks the schema's properties
and the items of its lists, checks every value on its own and returns every problem at once, each
with the fix written beside that field in the schema (``x-fix-ja`` / ``x-fix-en``) and a place a
teacher can find (``timing の2番目``).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import fastjsonschema

from kit.content.errors import ContentProblem
from kit.content.schema import _blank, _unknown_field, bad_value, check_version, load_schema


def check_document(name: str, file: str, doc: Any) -> list[ContentProblem]:
    """Every problem of ``doc`` against ``schema/<name>.schema.json``; empty when it is sound."""
    if not isinstance(doc, dict):
        return [ContentProblem(file, "", "", "「名前: 値」の組を並べたファイルにしてください（1行目は schema_version: 1）。",
                               "the file must be a set of 'name: value' pairs, starting with schema_version: 1.")]
    schema = load_schema(name)
    problems = check_version(name, file, doc.get("schema_version")) if "schema_version" in doc else []
    return problems + _object_problems(schema, doc, file, "", skip={"schema_version"} if "schema_version" in doc else set())


def check_object(schema: dict, value: Any, file: str, place: str) -> list[ContentProblem]:
    """Every problem of one item of a nested document (``value``) against its part of a schema, named ``place``."""
    if not isinstance(value, dict):
        return [ContentProblem(file, place, "", "「id: …」のような「名前: 値」の組にしてください。",
                               "the item must be a set of 'name: value' pairs, such as 'id: …'.")]
    return _object_problems(schema, value, file, place, set())


def _object_problems(schema: dict, value: dict, file: str, place: str, skip: set[str]) -> list[ContentProblem]:
    props = schema.get("properties", {})
    lines = getattr(value, "lines", {})
    problems = []
    for key in value:
        if key not in props:
            problems.append(_unknown_field(file, place, str(key), list(props), lines.get(key)))
    for key in schema.get("required", []):
        if key not in skip and _blank(value.get(key)):
            sub = props[key]
            problems.append(ContentProblem(file, place, key, "ありません。" + sub.get("x-fix-ja", ""),
                                           "it is missing; " + sub.get("x-fix-en", ""), lines.get(key)))
    for key, item in value.items():
        if key in skip or key not in props or _blank(item):
            continue
        problems += _value_problems(props[key], item, file, place, key, lines.get(key))
    return problems


def _value_problems(sub: dict, value: Any, file: str, place: str, key: str, line: int | None = None) -> list[ContentProblem]:
    items = sub.get("items")
    if sub.get("type") == "array" and isinstance(items, dict) and items.get("type") == "object":
        if not isinstance(value, list) or not _valid({k: v for k, v in sub.items() if k != "items"}, value):
            return [bad_value(file, place, key, value, sub, line)]
        problems = []
        for i, item in enumerate(value, start=1):
            where = f"{key} の{i}番目"
            if not isinstance(item, dict):
                problems.append(ContentProblem(file, where, "", "「ja: …」のような「名前: 値」の組にしてください。",
                                               "each item must be a set of 'name: value' pairs."))
                continue
            problems += _object_problems(items, item, file, where, set())
        return problems
    if not _valid(sub, value):
        return [bad_value(file, place, key, value, sub, line)]
    return []


def _valid(sub: dict, value: Any) -> bool:
    try:
        _compiled(json.dumps(sub, sort_keys=True, ensure_ascii=False))(value)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


@cache
def _compiled(sub_json: str):
    return fastjsonschema.compile(_without_notes(json.loads(sub_json)))


def _without_notes(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_notes(v) for k, v in node.items() if not k.startswith("x-")}
    if isinstance(node, list):
        return [_without_notes(v) for v in node]
    return node
