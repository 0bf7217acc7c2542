"""Sub-commands for a year's plan as a whole: import a report, delete a plan, carry items over.

Registered by tracker.cli like the ledger and backup commands. `import-report --dry-run`
prints the tree as before (`  N area`, `    N.M item`) and then every passage that did not
become an item, with its reason; `--json` prints the draft as one object.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported to build the parser: nothing heavier than argparse at import
    from tracker.domain.model import PlanDraft
    from tracker.services import Workspace

Factory = Callable[[str, str], argparse.ArgumentParser]
SKIPPED_SHOWN_CHARS = 60


def add_parsers(command: Factory) -> None:
    """Add this capability's sub-commands; `command(name, help)` makes one with --db."""
    p = command("import-report", "read a year's plan from a report (.txt, .docx or .pdf)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--year", type=int, help="plan year (default: the year in the plan's heading or title)")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported, save nothing")
    p.add_argument("--json", action="store_true", help="print the plan read as JSON")
    p = command("delete-plan", "delete a year's plan (a backup is taken first)")
    p.add_argument("--year", type=int, required=True, help="the plan's year")
    p = command("carry-over", "copy unfinished items of one year into another year's plan")
    p.add_argument("--from", dest="from_year", type=int, required=True, metavar="Y", help="source year")
    p.add_argument("--to", dest="to_year", type=int, required=True, metavar="Y2", help="target year")
    p.add_argument("codes", nargs="*", metavar="CODE",
                   help='items ("2.3") or areas ("2") to carry (default: every unfinished item)')


def cmd_import_report(ws: Workspace, args: argparse.Namespace) -> int:
    from tracker.io.report.summary import draft_json  # the importer loads only for a report

    reports = ws.reports
    draft = reports.read_file(args.file, args.year, require_year=not args.dry_run)
    if not args.dry_run:
        reports.save(draft)  # saved before anything is printed: a closed pipe cannot stop it
    if args.json:
        data = draft_json(draft)
        data["year"] = data["year"] or None
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    _print_draft(draft)
    print("（试运行，未写入）" if args.dry_run else f"已导入到 {ws.path}")
    return 0


def _print_draft(draft: PlanDraft) -> None:
    year = f"{draft.year} 年" if draft.year else "年度未定"
    print(f"{year}  {draft.title}：{len(draft.areas)} 个方面，{draft.item_count} 项工作")
    if draft.year_unsure and draft.year_note:
        print(f"注意：{draft.year_note}；可用 --year 指定。")
    for a_no, area in enumerate(draft.areas, 1):
        print(f"  {a_no} {area.title}")
        for i_no, item in enumerate(area.children, 1):
            print(f"    {a_no}.{i_no} {item.title}")
    if draft.skipped:
        print(f"未列入计划的段落（{len(draft.skipped)}）：")
        for passage in draft.skipped:
            text = " ".join(passage.text.split())
            if len(text) > SKIPPED_SHOWN_CHARS:
                text = text[:SKIPPED_SHOWN_CHARS] + "…"
            print(f"  - [{passage.reason.label}] {text}")


def cmd_delete_plan(ws: Workspace, args: argparse.Namespace) -> int:
    backup = ws.reports.delete_plan(args.year).backup
    kept = f"删除前的备份：{backup}" if backup else "服务器上的数据由服务器备份"
    print(f"已删除 {args.year} 年的计划；{kept}")
    return 0


def cmd_carry_over(ws: Workspace, args: argparse.Namespace) -> int:
    result = ws.reports.carry_over(args.from_year, args.to_year, args.codes)
    made = "（新建计划）" if result.plan_created else ""
    print(f"已将 {len(result.copied)} 项未完成事项从 {args.from_year} 年结转到 {result.year} 年{made}")
    for code, title in result.copied:
        print(f"  {code} {title}")
    if result.already:
        print(f"已结转过，未重复：{'、'.join(result.already)}")
    if result.finished:
        print(f"已完成，不结转：{'、'.join(result.finished)}")
    return 0


COMMANDS: dict[str, Callable[[Workspace, argparse.Namespace], int]] = {
    "import-report": cmd_import_report,
    "delete-plan": cmd_delete_plan,
    "carry-over": cmd_carry_over,
}
