"""Restoring a backup into an open data file, under one write lock that writers respect.

The state before the restore is copied out (the before-restore backup) and the backup's
content copied in inside one BEGIN IMMEDIATE transaction: a check-in another process saves
lands either before the lock (and is in that copy) or after the restore (and is in the
restored file) — never in between. SQLite's backup API cannot write into a connection that
holds a transaction, so the content is copied table by table from the attached backup.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tracker.store.errors import ReadOnlyFile, StoreError, translate
from tracker.store.file_open import raise_translated, rollback
from tracker.store.probe import APPLICATION_ID, connect_readonly

if TYPE_CHECKING:
    from tracker.store.database import Database

T = TypeVar("T")


def restore_content(db: Database, source: Path, keep: Callable[[sqlite3.Connection], T]) -> T:
    """Make this file hold `source`'s content, under one write lock that writers wait on.

    `keep(reader)` runs first, with the lock held, on a read-only connection that sees
    exactly what was saved until now (the before-restore backup): no check-in can be
    saved between that copy and the restore, so each one is in one or the other. An older
    backup is brought up to this program's schema in the same transaction, and the file
    keeps its own identity.
    """
    if db.read_only:
        raise ReadOnlyFile(f"数据文件是只读的，无法恢复：{db.path}")
    db.check_files()
    c = db.conn
    c.execute("PRAGMA foreign_keys = OFF")  # the tables are dropped and refilled whole
    try:
        try:
            c.execute("ATTACH DATABASE ? AS restored", (str(source),))
        except sqlite3.Error as exc:
            raise StoreError(f"无法读取备份 {source}：{exc}") from exc
        try:
            c.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise_translated(exc, db.path)
        try:
            reader, _ = connect_readonly(db.path)
            try:
                kept = keep(reader)
            finally:
                reader.close()
            version = replace_content(c)
            for step in db.migrations[version:]:
                step(c)
            c.execute(f"PRAGMA main.application_id = {APPLICATION_ID}")
            c.execute(f"PRAGMA main.user_version = {max(version, len(db.migrations))}")
            if db.file_id:
                c.execute("UPDATE main.meta SET value = ? WHERE key = 'file_id'", (db.file_id,))
            db.check_files()
            c.execute("COMMIT")
        except sqlite3.Error as exc:
            rollback(c)
            error = translate(exc, db.path)
            raise (error or StoreError(f"恢复失败（{exc}），数据文件未改动。")) from exc
        except BaseException:
            rollback(c)
            raise
    finally:
        with suppress(sqlite3.Error):
            c.execute("DETACH DATABASE restored")
        c.execute("PRAGMA foreign_keys = ON")
    db.check_files(after_commit=True)
    return kept


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def replace_content(c: sqlite3.Connection) -> int:
    """Inside the caller's write transaction, with a backup attached as `restored`: make `main`
    hold exactly its tables, rows and indexes. Returns the backup's schema version."""
    old = c.execute("SELECT type, name FROM main.sqlite_master "
                    "WHERE type IN ('table', 'view', 'trigger') AND name NOT LIKE 'sqlite_%'").fetchall()
    for kind in ("trigger", "view", "table"):
        for row_kind, name in old:
            if row_kind == kind:
                c.execute(f"DROP {kind.upper()} main.{_q(name)}")
    new = c.execute("SELECT type, name, sql FROM restored.sqlite_master "
                    "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'").fetchall()
    for kind, name, sql in new:
        if kind == "table":
            c.execute(sql)  # unqualified: made in main
            c.execute(f"INSERT INTO main.{_q(name)} SELECT * FROM restored.{_q(name)}")
    for kind, _, sql in new:
        if kind != "table":
            c.execute(sql)
    has_sequence = c.execute(
        "SELECT count(*) FROM restored.sqlite_master WHERE name = 'sqlite_sequence'").fetchone()[0]
    if has_sequence:
        c.execute("DELETE FROM main.sqlite_sequence")
        c.execute("INSERT INTO main.sqlite_sequence SELECT * FROM restored.sqlite_sequence")
    return int(c.execute("PRAGMA restored.user_version").fetchone()[0])
