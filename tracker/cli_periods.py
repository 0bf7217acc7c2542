"""Sub-commands of the reporting periods, registered by tracker.cli:

    tracker periods [--year Y] [--json]
    tracker missing --period P [--year Y] [--json]
    tracker close-period P [--year Y]
    tracker reopen-period P --reason T [--year Y]
    tracker report --period P [--year Y] --out FILE.pdf|FILE.docx

`tracker tasks --as-of P` (in cli.py) prints the values frozen when P was closed.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.errors import UserError

if TYPE_CHECKING:  # imported to build the parser: nothing heavier than argparse at import
    from tracker.domain.snapshot import FrozenItem
    from tracker.services import Workspace

Factory = Callable[[str, str], argparse.ArgumentParser]
REPORT_SUFFIXES = (".pdf", ".docx")


def add_parsers(command: Factory) -> None:
    """Add this capability's sub-commands; `command(name, help)` makes one with --db."""
    p = command("periods", "list the plan's reporting periods (months or quarters) and which are closed")
    _year(p)
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("missing", "items with no check-in dated inside a period (未报送)")
    p.add_argument("--period", required=True, metavar="P", help='period, e.g. "2018-06" or "2018Q2"')
    _year(p)
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("close-period", "close a period: freeze every item's values at its end")
    p.add_argument("period", metavar="P", help='period, e.g. "2018-06" or "2018Q2"')
    _year(p)

    p = command("reopen-period", "open a closed period again (the reason is logged)")
    p.add_argument("period", metavar="P")
    p.add_argument("--reason", required=True, help="why it is reopened")
    _year(p)

    p = command("report", "write the period report (月报/季报) as .pdf or .docx")
    p.add_argument("--period", required=True, metavar="P")
    _year(p)
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.pdf or FILE.docx")


def _year(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, help="plan year (default: the period's year, else the newest plan)")


def cmd_periods(ws: Workspace, args: argparse.Namespace) -> int:
    infos = ws.periods.periods(args.year)
    if args.json:
        _print_json(
            [
                {
                    "period": i.key,
                    "start": i.period.start.isoformat(),
                    "end": i.period.end.isoformat(),
                    "closed": i.is_closed,
                }
                for i in infos
            ]
        )
        return 0
    for i in infos:
        state = f"已关账 {i.closed.closed_at}" if i.closed else "未关账"
        print(
            f"{i.key:<8} {i.period.start.isoformat()} — {i.period.end.isoformat()}  "
            f"报送截止 {i.report_by.isoformat()}  {state}"
        )
    return 0


def cmd_missing(ws: Workspace, args: argparse.Namespace) -> int:
    items = ws.periods.missing(args.period, args.year)
    if args.json:
        _print_json([{"code": m.code, "title": m.title, "lead_dept": m.lead_dept} for m in items])
        return 0
    info = ws.periods.info(args.period, args.year)
    print(f"{info.key} 未报送 {len(items)} 项（报送截止 {info.report_by.isoformat()}）")
    for m in items:
        print(f"  {m.code:<6} {m.lead_dept or '（未指定科室）'}  {m.title[:40]}")
    return 0


def cmd_close(ws: Workspace, args: argparse.Namespace) -> int:
    closed = ws.periods.close(args.period, args.year)
    print(
        f"已关账 {closed.period}（{closed.start.isoformat()} — {closed.end.isoformat()}）：各事项的进度、"
        f"状态、亮灯和最近一次填报已冻结。"
    )
    return 0


def cmd_reopen(ws: Workspace, args: argparse.Namespace) -> int:
    info = ws.periods.reopen(args.period, args.reason, args.year)
    print(f"已重新打开 {info.key}；理由已记录。该期内日期的进展填报可以修改了，修改后请重新关账。")
    return 0


def frozen_row(item: FrozenItem) -> dict[str, Any]:
    """A frozen item with the keys of `tracker tasks --json`."""
    return {
        "id": item.node_id,
        "code": item.code,
        "area": item.area,
        "title": item.title,
        "detail": item.detail,
        "leader": item.leader,
        "lead_dept": item.lead_dept,
        "co_depts": list(item.co_depts),
        "owner": item.owner,
        "due": item.due.isoformat(),
        "progress": round(item.progress, 1),
        "status": item.status.value,
        "light": item.light.value,
    }


def print_as_of(ws: Workspace, period: str, year: int | None, as_json: bool) -> int:
    """`tracker tasks --as-of P`: the values frozen when P was closed."""
    items = [i for i in ws.periods.frozen(period, year) if i.is_item]
    rows = [frozen_row(i) for i in items]
    if as_json:
        _print_json(rows)
        return 0
    info = ws.periods.info(period, year)
    print(f"{info.key}（已关账 {info.closed.closed_at if info.closed else ''}）冻结的数据")
    for r in rows:
        print(
            f"{r['code']:<6} {r['light']:<6} {r['progress']:>5.1f}%  {r['due']}  "
            f"{r['lead_dept'] or '-'}  {r['title'][:40]}"
        )
    return 0


def cmd_report(ws: Workspace, args: argparse.Namespace) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise UserError(f"报告文件名须以 .pdf 或 .docx 结尾：{out}")
    if out.is_dir():
        raise UserError(f"{out} 是一个文件夹，请指定文件名，例如 月报.pdf。")
    started = time.perf_counter()
    report = ws.period_reports.build(args.period, args.year)
    from tracker.ui.report_files import write_report  # Qt: the PDF writer and the chart

    write_report(report, out)
    pages = f"，{report.pages} 页" if report.pages else ""
    print(
        f"已生成{report.period.kind_name}：{out}（{report.period.label}，{len(report.items)} 项{pages}，"
        f"用时 {time.perf_counter() - started:.1f} 秒）"
    )
    return 0


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


COMMANDS: dict[str, Callable[[Workspace, argparse.Namespace], int]] = {
    "periods": cmd_periods,
    "missing": cmd_missing,
    "close-period": cmd_close,
    "reopen-period": cmd_reopen,
    "report": cmd_report,
}
