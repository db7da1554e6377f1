"""Check the canonical CSV files in data/ against the schema before anything is written.

Every rule comes from etl.schema (types, required columns, keys, references, allowed values in
`info`), so the files and the database cannot drift apart. Problems are collected, not raised one
at a time, and each names its file, row (the spreadsheet row: the header is row 1), column and what
is wrong.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Float, Integer, Table

from etl.schema import DATA_TABLES, file_columns, place_names, tier_placements

MANIFEST = "manifest.json"
MAX_REPORTED = 50
TRUE_WORDS = {"1", "true", "yes"}
FALSE_WORDS = {"0", "false", "no"}


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}"


class InvalidData(Exception):
    """The data folder failed validation; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:MAX_REPORTED])
        more = len(problems) - MAX_REPORTED
        tail = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(f"{len(problems)} problem(s) in the data files:\n{shown}{tail}")


def file_name(table: Table) -> str:
    return f"{table.name}.csv"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _parse(raw: str, column) -> Any:
    """Convert one cell to the column's Python type; raise ValueError with a readable reason."""
    kind = column.type
    if isinstance(kind, Boolean):
        low = raw.lower()
        if low in TRUE_WORDS:
            return True
        if low in FALSE_WORDS:
            return False
        raise ValueError(f"not a yes/no value: {raw!r} (use 1 or 0)")
    if isinstance(kind, Integer):
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"not a whole number: {raw!r}") from None
    if isinstance(kind, Float):
        try:
            value = float(raw)
        except ValueError:
            raise ValueError(f"not a number: {raw!r}") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"not a finite number: {raw!r}")
        return value
    return raw


def _check_rules(value: Any, column) -> str | None:
    info = column.info
    if "choices" in info and value not in info["choices"]:
        return f"unknown value {value!r} (allowed: {', '.join(info['choices'])})"
    if "min" in info and value < info["min"]:
        return f"{value} is below the minimum {info['min']}"
    if "max" in info and value > info["max"]:
        return f"{value} is above the maximum {info['max']}"
    return None


def _row_rule(table: Table, row: dict[str, Any]) -> str | None:
    """The schema's row-level checks (see its CheckConstraints), said in words."""
    if "area" in table.c and row.get("iso3") is None and row.get("area") is None:
        return "a row needs a place (iso3) or an area"
    if "suppressed" in table.c and row.get("suppressed") and row.get("value") is not None:
        return "a suppressed count ('<5') must have no value"
    return None


def _decode(path: Path, name: str, problems: list[Problem]) -> str | None:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        row = data[: err.start].count(b"\n") + 1
        problems.append(Problem(name, row, None, f"invalid UTF-8 (byte 0x{data[err.start]:02x}); save the file as UTF-8"))
        return None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        problems.append(Problem(name, None, None, "the file is empty (expected a header row and data)"))
        return None
    return text


def read_table(path: Path, table: Table, problems: list[Problem]) -> list[dict[str, Any]]:
    """Parse one canonical file into typed rows, appending every problem found."""
    name = path.name
    if not path.exists():
        problems.append(Problem(name, None, None, "the file is missing"))
        return []
    text = _decode(path, name, problems)
    if text is None:
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    columns = file_columns(table)
    expected = [c.name for c in columns]
    missing = [c for c in expected if c not in header]
    unknown = [c for c in header if c not in expected]
    for col in missing:
        problems.append(Problem(name, 1, col, "required column is missing from the header"))
    for col in unknown:
        problems.append(Problem(name, 1, col, "unexpected column (not in the schema)"))
    if missing or unknown or len(set(header)) != len(header):
        if len(set(header)) != len(header):
            problems.append(Problem(name, 1, None, "a column name appears twice in the header"))
        return []
    by_name = {c.name: c for c in columns}
    key_cols = [c.name for c in table.primary_key.columns if not c.info.get("generated")]
    first_seen: dict[tuple, int] = {}
    rows: list[dict[str, Any]] = []
    for line, cells in enumerate(reader, start=2):  # spreadsheet rows: a quoted cell may span lines
        if not cells:
            continue
        if len(cells) != len(header):
            kind = "short" if len(cells) < len(header) else "long"
            problems.append(Problem(name, line, None, f"{kind} row: {len(cells)} fields, expected {len(header)}"))
            continue
        row: dict[str, Any] = {}
        ok = True
        for col_name, raw in zip(header, cells):
            column = by_name[col_name]
            raw = raw.strip()
            if raw == "":
                if not column.nullable and not column.info.get("generated"):
                    problems.append(Problem(name, line, col_name, "value is missing"))
                    ok = False
                row[col_name] = None
                continue
            try:
                value = _parse(raw, column)
            except ValueError as err:
                problems.append(Problem(name, line, col_name, str(err)))
                ok = False
                continue
            if message := _check_rules(value, column):
                problems.append(Problem(name, line, col_name, message))
                ok = False
            row[col_name] = value
        if ok and (message := _row_rule(table, row)):
            problems.append(Problem(name, line, None, message))
            ok = False
        if not ok:
            continue
        if key_cols:
            key = tuple(row[c] for c in key_cols)
            if key in first_seen:
                desc = ", ".join(f"{c}={v}" for c, v in zip(key_cols, key))
                problems.append(Problem(name, line, None, f"duplicate {desc} (first at row {first_seen[key]})"))
                continue
            first_seen[key] = line
        row["_row"] = line
        rows.append(row)
    if not rows and not problems:
        problems.append(Problem(name, None, None, "the file has a header but no data rows"))
    return rows


def _check_references(tables: dict[str, list[dict]], problems: list[Problem]) -> None:
    """Every foreign key must point at a row that exists in the referenced file."""
    for table in DATA_TABLES:
        for fk in table.foreign_keys:
            target = fk.column.table.name
            known = {r[fk.column.name] for r in tables.get(target, [])}
            col = fk.parent.name
            what = "country code" if target == "places" else f"{fk.column.name} (not in {target}.csv)"
            for row in tables.get(table.name, []):
                value = row.get(col)
                if value is not None and value not in known:
                    problems.append(Problem(file_name(table), row["_row"], col, f"unknown {what} {value!r}"))


def _check_published_names(tables: dict[str, list[dict]], problems: list[Problem]) -> None:
    """A placement's name as published must be a known spelling of the same place."""
    names = {r["name"]: r["iso3"] for r in tables.get(place_names.name, [])}
    for row in tables.get(tier_placements.name, []):
        published = row.get("name_as_published")
        if published is None:
            continue
        if published not in names:
            problems.append(Problem(file_name(tier_placements), row["_row"], "name_as_published",
                                    f"unknown country name {published!r} (add it to place_names.csv)"))
        elif names[published] != row["iso3"]:
            problems.append(Problem(file_name(tier_placements), row["_row"], "name_as_published",
                                    f"{published!r} is {names[published]} in place_names.csv, but the row says {row['iso3']}"))


def _check_manifest(data_dir: Path, problems: list[Problem]) -> None:
    path = data_dir / MANIFEST
    if not path.exists():
        problems.append(Problem(MANIFEST, None, None, "the manifest is missing"))
        return
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        problems.append(Problem(MANIFEST, None, None, f"not valid JSON: {err}"))
        return
    listed = {entry["file"]: entry for entry in manifest.get("files", [])}
    for table in DATA_TABLES:
        name = file_name(table)
        entry = listed.get(name)
        if entry is None:
            problems.append(Problem(MANIFEST, None, None, f"{name} is not listed"))
        elif (data_dir / name).exists() and entry.get("sha256") != sha256(data_dir / name):
            problems.append(Problem(name, None, None,
                                    "sha256 differs from manifest.json: the file changed without the manifest "
                                    "(rebuild with `python -m etl build-data` or run `python -m etl manifest`)"))


def validate(data_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Read and check every canonical file; return typed rows per table or raise InvalidData."""
    problems: list[Problem] = []
    tables = {t.name: read_table(data_dir / file_name(t), t, problems) for t in DATA_TABLES}
    _check_references(tables, problems)
    _check_published_names(tables, problems)
    _check_manifest(data_dir, problems)
    if problems:
        raise InvalidData(problems)
    for rows in tables.values():
        for row in rows:
            del row["_row"]
    return tables
