"""Sub-commands of the ledger capability, registered by tracker.cli:

    tracker export [--year Y] --out FILE.xlsx [--by-dept]
    tracker import-ledger FILE.xlsx [--dry-run] [--year Y]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from tracker.errors import UserError

if TYPE_CHECKING:  # imported to build the parser: nothing heavier than argparse at import
    from tracker.services import Workspace
    from tracker.services.ledger import LedgerPreview

Factory = Callable[[str, str], argparse.ArgumentParser]

_PREVIEW_TEXT = 60  # characters of a long note shown per change line


def add_parsers(command: Factory) -> None:
    """Add this capability's sub-commands; `command(name, help)` makes one with --db."""
    p = command("export", "write the plan as an Excel ledger (台账)")
    p.add_argument("--year", type=int, help="plan year (default: the newest plan)")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="workbook to write")
    p.add_argument("--by-dept", action="store_true", help="add one sheet per lead department")

    p = command("import-ledger", "read progress back from a ledger the departments filled in")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--year", type=int, help="plan year (default: the year the ledger was exported for)")
    p.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")


def cmd_export(ws: Workspace, args: argparse.Namespace) -> int:
    if not str(args.out).strip():
        raise UserError("请用 --out 指定要写入的 .xlsx 文件名。")
    result = ws.ledger.export(args.out, args.year, by_dept=args.by_dept)
    for warning in result.warnings:
        print(f"tracker: 注意：{warning}", file=sys.stderr)
    print(f"已导出台账：{result.path}（{result.items} 项，进展记录 {result.checkins} 条，"
          f"工作表：{'、'.join(result.sheets)}）")
    return 0


def print_preview(preview: LedgerPreview) -> None:
    print(preview.describe())
    for ch in preview.changes:
        title = ch.title if len(ch.title) <= 16 else ch.title[:16] + "…"
        print(f"  第 {ch.row} 行  {ch.code} {title}  {ch.label}：{_short(ch.old)} → {_short(ch.new)}")
    for node_id, day in preview.diff.dates.items():
        if any(ch.node_id == node_id for ch in preview.changes):
            code = next(ch.code for ch in preview.changes if ch.node_id == node_id)
            print(f"  {code} 的填报日期取台账中的更新日期 {day.isoformat()}")


def _short(text: str) -> str:
    text = " ".join(text.split()) or "（空）"
    return text if len(text) <= _PREVIEW_TEXT else text[:_PREVIEW_TEXT] + "…"


def cmd_import_ledger(ws: Workspace, args: argparse.Namespace) -> int:
    service = ws.ledger
    preview = service.preview(args.file, args.year)
    print_preview(preview)
    if not preview.changes:
        print("没有需要导入的修改。")
        return 0
    if args.dry_run:
        print("（试运行，未写入）")
        return 0
    applied = service.apply(preview)
    print(f"已写入 {len(applied.checkin_ids)} 条进展填报到 {ws.path}")
    return 0


COMMANDS: dict[str, Callable[[Workspace, argparse.Namespace], int]] = {
    "export": cmd_export,
    "import-ledger": cmd_import_ledger,
}
