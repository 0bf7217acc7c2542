"""Check the values in a data file, not only its pages.

`PRAGMA integrity_check` proves the b-trees are sound, but a flipped byte inside a row leaves
a well-formed page holding text that is no longer UTF-8, or a deadline of 'soon': every other
command then fails on that row. `tracker check` runs these so such a file is named as damaged,
with the newest good backup, instead of passing.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

# Problems are sentences for the user; each kind worded once here.
BAD_TEXT = "表 {table} 第 {row} 行的 {column} 不是有效的 UTF-8 文字（可能已损坏）"
BAD_TYPE = "表 {table} 第 {row} 行的 {column} 类型不对（应为{expected}，实为“{shown}”）"
BAD_DATE = "表 {table} 第 {row} 行的 {column}“{shown}”不是有效日期（应为 YYYY-MM-DD）"
BAD_RANGE = "表 {table} 第 {row} 行的 {column} 为 {shown}，超出范围 {low}–{high}"
BAD_CHOICE = "表 {table} 第 {row} 行的 {column}“{shown}”不是允许的值（{allowed}）"
MAX_PROBLEMS = 50  # enough to judge the damage; a badly damaged file would list thousands

DATES = {
    ("node", "start"), ("node", "due"), ("node", "baseline_due"), ("checkin", "date"),
    ("extension", "old_due"), ("extension", "new_due"),
}
RANGES: dict[tuple[str, str], tuple[float, float | None]] = {
    ("plan", "year"): (1900, 2999),
    ("plan", "green_max"): (0, 100),
    ("plan", "yellow_max"): (0, 100),
    ("node", "weight"): (0, None),
    ("checkin", "progress"): (0, 100),
}
CHOICES = {
    ("node", "kind"): ("area", "task", "subtask"),
    ("node", "status"): ("not_started", "in_progress", "done", "suspended"),
}
_ISO_DAY = re.compile(rb"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TYPES = {"TEXT": ("text", "文字"), "INTEGER": ("integer", "整数"), "REAL": ("number", "数字")}


def value_problems(conn: sqlite3.Connection, limit: int = MAX_PROBLEMS) -> list[str]:
    """Rows whose values no other part of the program could read; empty when all are sound."""
    problems: list[str] = []
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for table in tables:
        for column, declared, notnull in _columns(conn, table):
            for check in (_types, _text, _dates, _ranges, _choices):
                problems += check(conn, table, column, declared, notnull)
                if len(problems) >= limit:
                    return problems[:limit]
    return problems


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, bool]]:
    return [(str(r[1]), str(r[2]).upper(), bool(r[3]))
            for r in conn.execute(f"PRAGMA table_info({_q(table)})")]


def _shown(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = str(value)
    return text if len(text) <= 20 else text[:20] + "…"


def _types(conn: sqlite3.Connection, table: str, column: str, declared: str, notnull: bool) -> list[str]:
    if declared not in _TYPES:
        return []
    kind, expected = _TYPES[declared]
    allowed = ["'integer'", "'real'"] if kind == "number" else [f"'{kind}'"]
    if not notnull:
        allowed.append("'null'")
    sql = (f"SELECT rowid, CAST({_q(column)} AS BLOB) FROM {_q(table)} "
           f"WHERE typeof({_q(column)}) NOT IN ({', '.join(allowed)}) LIMIT {MAX_PROBLEMS}")
    return [BAD_TYPE.format(table=table, row=row, column=column, expected=expected, shown=_shown(v))
            for row, v in conn.execute(sql)]


def _text(conn: sqlite3.Connection, table: str, column: str, declared: str, notnull: bool) -> list[str]:
    """Text that is not UTF-8 (CAST … AS BLOB hands Python the bytes without decoding them)."""
    out = []
    sql = f"SELECT rowid, CAST({_q(column)} AS BLOB) FROM {_q(table)} WHERE typeof({_q(column)}) = 'text'"
    for row, raw in conn.execute(sql):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            out.append(BAD_TEXT.format(table=table, row=row, column=column))
            if len(out) >= MAX_PROBLEMS:
                break
    return out


def _dates(conn: sqlite3.Connection, table: str, column: str, declared: str, notnull: bool) -> list[str]:
    """YYYY-MM-DD of a real day (SQLite's date() passes '2018-02-30' through, so Python judges)."""
    if (table, column) not in DATES:
        return []
    out = []
    sql = f"SELECT rowid, CAST({_q(column)} AS BLOB) FROM {_q(table)} WHERE {_q(column)} IS NOT NULL"
    for row, raw in conn.execute(sql):
        if not _is_day(raw):
            out.append(BAD_DATE.format(table=table, row=row, column=column, shown=_shown(raw)))
            if len(out) >= MAX_PROBLEMS:
                break
    return out


def _is_day(raw: bytes) -> bool:
    if len(raw) != 10 or not _ISO_DAY.fullmatch(raw):
        return False
    try:
        dt.date.fromisoformat(raw.decode("ascii"))
    except ValueError:
        return False
    return True


def _ranges(conn: sqlite3.Connection, table: str, column: str, declared: str, notnull: bool) -> list[str]:
    bounds = RANGES.get((table, column))
    if bounds is None:
        return []
    low, high = bounds
    c = _q(column)
    above = f" OR {c} > {high}" if high is not None else ""
    sql = (f"SELECT rowid, {c} FROM {_q(table)} WHERE typeof({c}) IN ('integer', 'real') "
           f"AND ({c} < {low}{above}) LIMIT {MAX_PROBLEMS}")
    return [BAD_RANGE.format(table=table, row=row, column=column, shown=_shown(v), low=low,
                             high="∞" if high is None else high)
            for row, v in conn.execute(sql)]


def _choices(conn: sqlite3.Connection, table: str, column: str, declared: str, notnull: bool) -> list[str]:
    allowed = CHOICES.get((table, column))
    if allowed is None:
        return []
    listed = ", ".join(f"'{a}'" for a in allowed)
    c = _q(column)
    sql = (f"SELECT rowid, CAST({c} AS BLOB) FROM {_q(table)} WHERE {c} NOT IN ({listed}) "
           f"LIMIT {MAX_PROBLEMS}")
    return [BAD_CHOICE.format(table=table, row=row, column=column, shown=_shown(v),
                              allowed="、".join(allowed))
            for row, v in conn.execute(sql)]
