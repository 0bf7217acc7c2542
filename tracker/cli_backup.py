"""Sub-commands of the backup capability, registered by tracker.cli.

`restore` takes the data file's path rather than an open Database: it must work exactly
when the file can no longer be opened.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.errors import UserError

if TYPE_CHECKING:  # imported to build the parser: nothing heavier than argparse at import
    from tracker.services import Workspace

Factory = Callable[[str, str], argparse.ArgumentParser]


def add_parsers(command: Factory) -> None:
    """Add this capability's sub-commands; `command(name, help)` makes one with --db."""
    p = command("backup", "back up the data file into <file>.backups/ (or to --out FILE)")
    p.add_argument("--out", metavar="FILE", help="write the backup to FILE (must not exist)")
    p = command("restore", "replace the data file with a backup; the current state is kept")
    p.add_argument("backup", nargs="?", metavar="BACKUP",
                   help="backup file (default: the newest good backup)")
    p.add_argument("--list", action="store_true", help="list the backups, newest first, and check them")


def cmd_backup(ws: Workspace, args: argparse.Namespace) -> int:
    if ws.on_server:  # the server's job; an office login gets a pg_dump copy when it can
        from tracker.services.server import dump

        text, _dumped = dump(ws.db, args.out)
        print(text)
        return 0
    path = ws.backups.take(args.out)
    print(f"已备份并校验：{path}")
    return 0


def cmd_restore(db_path: Path | str, args: argparse.Namespace) -> int:
    from tracker.services.backups import list_backups, newest_good_backup, restore_backup

    db_path = Path(db_path)
    backup_dir = getattr(args, "backup_dir", None)
    if args.list:
        backups = list_backups(db_path, check=True, backup_dir=backup_dir)
        if not backups:
            print(f"没有备份：{db_path}")
        for b in backups:
            state = "完好" if b.sound else f"不可用（{(b.problems or ('不是本程序的文件或版本过新',))[0]}）"
            print(f"{b.taken:%Y-%m-%d %H:%M}  {b.label:<8} {b.items:>4} 项工作 {b.checkins:>6} 条进展  "
                  f"{state}  {b.path}")
        return 0
    if args.backup:
        source = Path(args.backup)
    else:
        good = newest_good_backup(db_path, backup_dir)
        if good is None:
            raise UserError(f"没有找到可用的备份：{db_path}")
        source = good.path
    result = restore_backup(db_path, source, backup_dir)
    print(f"已从备份恢复：{result.restored.describe()}")
    if result.damaged:
        print(f"损坏的文件已保留为：{result.kept}")
    elif result.kept:
        print(f"恢复前的数据已备份到：{result.kept}")
    return 0


COMMANDS: dict[str, Callable[[Workspace, argparse.Namespace], int]] = {"backup": cmd_backup}
# Commands given the data file's path instead of an open Database (see tracker.cli.main).
PATH_COMMANDS: dict[str, Callable[[Path | str, argparse.Namespace], int]] = {"restore": cmd_restore}
