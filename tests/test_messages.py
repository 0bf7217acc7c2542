"""Messages from below the window in English: the catalogue is complete and well formed, and
the real refusals a user meets (made by calling the services and the command line as a user
would) come out as English sentences that keep the user's own details.

A new message raised anywhere in tracker/ fails `test_every_message_has_english` until it is
translated: run `python tools/extract_messages.py --write` and fill in what it prints.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

from tests.store.filedamage import PAGE, overwrite
from tracker.cli import main
from tracker.errors import UserError
from tracker.io.ledger.layout import FIRST_DATA_ROW, LEDGER_INDEX
from tracker.messages import PLACEHOLDER, catalogue_path, localize, target_fields
from tracker.services import TrackingService, Workspace, open_database
from tracker.store import Database


def _extractor() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "tools" / "extract_messages.py"
    spec = importlib.util.spec_from_file_location("extract_messages", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


extract_messages = _extractor()

CJK = re.compile(r"[\u4e00-\u9fff]")
# Chinese an English translation keeps on purpose: the ledger's sheet is named 台账 in every
# language, and a report's numbering is quoted as it is written
KEPT_CHINESE = ("台账", "1、 1. （一） 一是…二是…", "××")


def catalogue() -> dict[str, dict[str, str]]:
    return json.loads(catalogue_path("en").read_text(encoding="utf-8"))


def english(text: str, *details: str) -> str:
    """`text` in English, checked to hold no Chinese but `details` (what the user typed, a path,
    a title from their plan)."""
    out = localize(text, "en")
    rest = out
    for detail in sorted(details, key=len, reverse=True):
        rest = rest.replace(detail, "")
    assert not CJK.search(rest), f"Chinese left in {out!r} (from {text!r})"
    for mark in "。；，：！？":
        assert mark not in rest, f"Chinese punctuation left in {out!r}"
    return out


def refusal(action: Callable[[], object]) -> str:
    with pytest.raises(UserError) as info:
        action()
    return str(info.value)


def cli_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("tracker: "), err
    return err.removeprefix("tracker: ")


@pytest.fixture
def ws(db: Database) -> Workspace:
    return Workspace(db, who="测试")


def node_id(ws: Workspace, code: str) -> int:
    node = ws.plans.view().plan.find(code)
    assert node is not None
    return node.id


# --- the catalogue ---------------------------------------------------------------------------

def test_every_message_has_english() -> None:
    found, words = extract_messages.collect()
    assert len(found) > 150, "the extractor no longer finds the raise sites"
    raw = catalogue()
    untranslated = [t for t in found if not raw["messages"].get(t, "").strip()]
    assert not untranslated, (
        "messages without English (run tools/extract_messages.py --write and translate them "
        "in resources/translations/messages_en.json):\n" + "\n".join(untranslated))
    no_word = [w for w in words if not raw["words"].get(w, "").strip()]
    assert not no_word, f"field names without English: {no_word}"
    assert extract_messages.main([]) == 0


def test_the_extractor_finds_composed_and_indirect_messages() -> None:
    found, words = extract_messages.collect()
    assert "无法撤销或重做：相关内容已在其他窗口或命令行中被修改。请刷新后再操作。" in found  # a constant
    assert "移到这里后层级将超过三级。最多三级（工作领域、事项、子事项），子事项下不能再有下级。" in found
    assert "{} 的“台账”不是普通工作表，无法导入。" in found  # an imported constant, inlined
    assert "第 {} 行（{} {}）" in found  # a row's label, returned to fill other messages' holes
    assert "最新的完好备份：{}；可运行 tracker restore 恢复，当前文件会被保留。" in found
    assert "磁盘空间不足，修改没有保存：{}。请腾出空间后再试。" in found  # returned, not raised
    assert "{} 已损坏或不是有效的 .xlsx 工作簿，无法导入。" in found  # through a local
    assert "表格中没有读到工作任务" in found  # a phrase handed to the helper that words a refusal
    assert not [t for t in found if "{0}" in t or "(?:" in t or t in ("宋体", "汇总")]
    assert {"完成时限", "开始日期", "填报日期", "日期", "绿灯上限", "延期理由", "职务"} <= set(words)


def test_translations_are_well_formed() -> None:
    raw = catalogue()
    for source, target in raw["messages"].items():
        order = target_fields(target)
        assert order is not None and sorted(order) == list(range(source.count(PLACEHOLDER))), \
            f"holes differ: {source!r} → {target!r}"
        left = target
        for kept in KEPT_CHINESE:
            left = left.replace(kept, "")
        assert not CJK.search(left), f"Chinese in the English of {source!r}: {target!r}"
        assert target == target.strip() and "  " not in target
    for word, english_word in raw["words"].items():
        assert english_word.strip() and not CJK.search(english_word), word


# --- the matcher on made-up compositions ---------------------------------------------------------

def test_details_are_kept_and_field_names_translated() -> None:
    assert localize("完成时限“2018-13-45”不是有效日期，请写成 YYYY-MM-DD，例如 2018-06-30。", "en") == (
        "The deadline “2018-13-45” is not a valid date: write it as YYYY-MM-DD, e.g. 2018-06-30.")
    assert localize("状态“x”无效，可选：not_started、in_progress、done。", "en") == (
        "The status “x” is not valid; choose one of: not_started, in_progress, done.")
    assert localize("报告.xlsx 的台账第 2 行表头缺少“序号、进度”列，无法导入。", "en") == (
        "The header in row 2 of the ledger in 报告.xlsx has no “No., progress” column; "
        "it cannot be imported.")
    assert localize("标题不能为空。", "zh") == "标题不能为空。"


def test_composed_messages_read_whole() -> None:
    assert english("牵头科室文本过长（1,234 字），上限 100 字。") == (
        "Lead department: the text is too long (1,234 characters; at most 100).")
    assert english("升级数据文件失败（版本 3 → 4：boom），数据与版本均未改动。升级前的备份：/d/a.db") == (
        "Upgrading the data file failed (version 3 → 4: boom); neither the data nor the version "
        "was changed. The backup from before the upgrade: /d/a.db")
    assert english("这不是年度工作台账的备份文件，或已损坏：/d/x.db") == (
        "This is not an Annual Plan Tracker backup, or it is damaged: /d/x.db")
    refused = english(
        "没有找到下一年度的工作计划：这份文件没有“××年工作目标/重点/打算/要点/计划/安排”一类的部分"
        "（标题“2017年工作总结”）。读到的标题有：“一、主要工作”、“二、存在问题”。",
        "2017年工作总结", "一、主要工作", "二、存在问题", "××")
    assert refused.startswith("No work plan for the next year was found: the document has no section")
    assert "(title “2017年工作总结”). Headings read: “一、主要工作”, “二、存在问题”." in refused


def test_a_huge_or_odd_text_costs_little() -> None:
    odd = "第" + "（的“”）" * 3000 + "行"
    started = time.perf_counter()
    assert localize(odd, "en")
    assert localize("。".join(["标题不能为空", "某个新的句子（有括号）"] * 60), "en").startswith(
        "The title cannot be empty. 某个新的句子（有括号）.")
    assert time.perf_counter() - started < 10


def test_what_is_unknown_stays_and_the_rest_is_translated() -> None:
    assert localize("某个新的句子。标题不能为空。", "en") == "某个新的句子. The title cannot be empty."
    assert localize("第一行。标题不能为空。\n\n不能把科室合并到它自己。", "en") == (
        "第一行. The title cannot be empty.\n\nA department cannot be merged into itself.")
    assert localize("no Chinese at all", "en") == "no Chinese at all"


# --- real refusals, made the way a user makes them ---------------------------------------------

def test_bad_values_typed_in_an_edit(ws: Workspace) -> None:
    item = node_id(ws, "1.1")
    edit = ws.editing.update
    assert english(refusal(lambda: edit(item, {"due": "2018-13-45"}))) == (
        "The deadline “2018-13-45” is not a valid date: write it as YYYY-MM-DD, e.g. 2018-06-30.")
    assert english(refusal(lambda: edit(item, {"start": "下周"})), "下周").startswith(
        "The start date “下周” is not a valid date")
    assert english(refusal(lambda: edit(item, {"title": "  "}))) == (
        "The task (title) cannot be empty: please fill it in.")
    assert english(refusal(lambda: edit(item, {"weight": "很重"})), "很重").startswith(
        "The weight “很重” is not a number")
    both = refusal(lambda: edit(item, {"lead_dept": "法制科", "co_depts": "办公室、法制科"}))
    assert english(both, "法制科") == (
        "“法制科” cannot be both the lead department and a cooperating department: "
        "remove it from the cooperating departments.")
    assert english(refusal(lambda: edit(item, {"start": "2018-10-01", "due": "2018-06-30"}))) == (
        "The start date 2018-10-01 is later than the deadline 2018-06-30: please check.")
    assert english(refusal(lambda: edit(item, {"lead_dept": "科" * 101}))) == (
        "Lead department: the text is too long (101 characters; at most 100).")
    assert english(refusal(lambda: edit(item, {"detail": "x" * 100_001}))) == (
        "Details: the text is too long (100,001 characters; at most 100,000).")


def test_check_ins(ws: Workspace) -> None:
    checkin = ws.tracking.checkin
    assert english(refusal(lambda: checkin("1.1", "abc"))) == (
        "The progress “abc” is not a number: enter 0–100.")
    assert english(refusal(lambda: checkin("1.1", "150%"))) == (
        "The progress “150%” is out of range: enter 0–100.")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert english(refusal(lambda: checkin("1.1", 50, date=tomorrow.isoformat()))) == (
        f"The check-in date {tomorrow.isoformat()} is later than today: please check it.")
    assert english(refusal(lambda: checkin("1.1", 50, date="6月32日")), "6月32日") == (
        "The check-in date “6月32日” is not a valid date: write it as YYYY-MM-DD, e.g. 2018-06-30.")
    assert english(refusal(lambda: checkin("9.9", 50))) == (
        "The 2018 plan has no item numbered “9.9” (numbers look like 2 or 2.3).")
    area = ws.plans.view().plan.find("1")
    assert area is not None
    assert english(refusal(lambda: checkin("1", 50)), area.title) == (
        f"“1 {area.title}” has sub-items: its progress is totalled from them, "
        "so check in on the sub-items.")
    checkin("1.1", 40, note="已沟通", date="2018-05-10")
    assert english(refusal(lambda: checkin("1.1", 40, note="已沟通", date="2018-05-10"))) == (
        "This check-in is the same as the one saved on 2018-05-10; it was not saved again.")


def test_locked_plan_thresholds_and_structure(ws: Workspace) -> None:
    plan = ws.plans.view().plan
    item = node_id(ws, "1.1")
    ws.baseline.lock(plan.id)
    assert english(refusal(lambda: ws.editing.update(item, {"due": "2018-06-30"}))) == (
        "The plan is locked (baseline set): moving the deadline from 2018-12-31 to 2018-06-30 is "
        "an extension; please give a reason for the extension.")
    assert english(refusal(lambda: ws.baseline.lock(plan.id))).startswith(
        "The 2018 plan was locked on ")
    assert english(refusal(lambda: ws.baseline.set_thresholds(plan.id, "abc", 20))) == (
        "The green threshold “abc” is not a number: enter 0–100.")
    assert english(refusal(lambda: ws.baseline.set_thresholds(plan.id, 30, 20))) == (
        "The green threshold (30) cannot be above the yellow threshold (20).")
    ws.editing.add(item, title="子事项")
    deeper = node_id(ws, "2.1")
    assert english(refusal(lambda: ws.editing.move(item, deeper, 0))) == (
        "Moved here, the item would go deeper than three levels. There are at most three levels "
        "(area, item, sub-item); a sub-item cannot have items below it.")


def test_departments_and_people(ws: Workspace) -> None:
    departments = ws.departments
    departments.add("法制科")
    assert english(refusal(lambda: departments.add("法制科")), "法制科") == (
        "The department “法制科” already exists. To make two departments one, use “Merge”.")
    assert english(refusal(lambda: departments.add(" "))) == (
        "The department name cannot be empty: please fill it in.")
    departments.add_person("张三")
    assert english(refusal(lambda: departments.add_person("张三")), "张三") == (
        "A person named “张三” already exists in (no department).")
    dept = next(d for d in departments.departments() if d.name == "法制科")
    departments.add_person("李四", dept.id)
    assert english(refusal(lambda: departments.add_person("李四", dept.id)), "李四", "法制科") == (
        "A person named “李四” already exists in 法制科.")
    assert english(refusal(lambda: departments.add_person("王五", dept.id, role="长" * 101))) == (
        "Role: the text is too long (101 characters; at most 100).")


def test_undo_refused_as_stale(ws: Workspace, db: Database) -> None:
    item = node_id(ws, "1.1")
    change = ws.editing.update(item, {"owner": "小王"})
    with Database(db.path) as other:
        Workspace(other, who="cli").editing.update(item, {"owner": "小李"})
    assert english(refusal(lambda: ws.editing.undo(change))) == (
        "Cannot undo or redo: the same content has since been changed in another window or on the "
        "command line. Refresh and try again.")


def _export(ws: Workspace, tmp_path: Path) -> Path:
    out = tmp_path / "台账.xlsx"
    ws.ledger.export(out, 2018)
    return out


def _edit_ledger(path: Path, out: Path, code: str, column: str, value: object) -> Path:
    wb = openpyxl.load_workbook(path)
    sheet = wb["台账"]
    row = next(r for r in range(FIRST_DATA_ROW, sheet.max_row + 1) if sheet.cell(r, 1).value == code)
    sheet.cell(row, LEDGER_INDEX[column] + 1).value = value
    wb.save(out)
    return out


def test_ledger_import(ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "没有这个文件.xlsx"
    assert english(refusal(lambda: ws.ledger.preview(missing)), str(missing)) == (
        f"File not found: {missing}")
    ledger = _export(ws, tmp_path)
    bad = _edit_ledger(ledger, tmp_path / "填好的.xlsx", "1.1", "progress", "abc")
    node = ws.plans.view().plan.find("1.1")
    assert node is not None
    title = node.title if len(node.title) <= 20 else node.title[:20] + "…"
    message = english(refusal(lambda: ws.ledger.preview(bad)), title)
    match = re.fullmatch(rf"Row (\d+) \(1\.1 {re.escape(title)}\): the progress “abc” is not "
                         r"a number: enter 0–100%\.", message)
    assert match, message
    row = match.group(1)
    late = _edit_ledger(ledger, tmp_path / "日期.xlsx", "1.1", "date", "明天")
    assert "the update date “明天” is not a date" in english(
        refusal(lambda: ws.ledger.preview(late)), title, "明天")
    leader = _edit_ledger(ledger, tmp_path / "分工.xlsx", "1.1", "leader", "李四")
    summary = ws.ledger.preview(leader).describe()
    assert english(summary, "分工.xlsx", title) == (
        "分工.xlsx: the 2018 ledger; item rows read: 10; items changed: 0, changes: 0 (summary "
        "rows, totalled from the items below and not imported: 4). Changes to assignments or "
        f"deadlines that will not be imported: 1 (the responsible leader of row {row} (1.1 "
        f"{title})). Change responsible leaders, departments and deadlines in the program.")
    text = tmp_path / "说明.xlsx"
    text.write_text("不是工作簿", encoding="utf-8")
    assert english(refusal(lambda: ws.ledger.preview(text)), "说明.xlsx") == (
        "说明.xlsx is not an Excel workbook (.xlsx).")
    assert english(refusal(lambda: ws.ledger.preview(ledger, year=2019)), "台账.xlsx") == (
        "台账.xlsx is the ledger for 2018, not for 2019 as given.")
    ws.db.close()
    err = cli_error(capsys, "import-ledger", str(missing), "--db", str(ws.db.path))
    assert english(err, str(missing)) == f"File not found: {missing}"


def test_report_import_refusals(ws: Workspace, tmp_path: Path) -> None:
    assert english(refusal(lambda: ws.reports.read_text("   "))) == "The report text is empty."
    summary = "关于2017年工作的总结\n一、主要工作\n今年完成了培训。\n二、存在问题\n人手不足。"
    refused = refusal(lambda: ws.reports.read_text(summary))
    out = english(refused, "关于2017年工作的总结", "一、主要工作", "二、存在问题", "主要工作", "存在问题")
    assert out.startswith("No work plan for the next year was found: "), out
    assert "Headings read: " in out
    folder = tmp_path / "报告"
    folder.mkdir()
    assert english(refusal(lambda: ws.reports.read_file(folder)), str(folder)) == (
        f"This is a folder, not a report file: {folder}")


def test_damaged_and_foreign_data_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "纪要.db"
    text.write_text("会议纪要：这不是数据文件。", encoding="utf-8")
    message = refusal(lambda: open_database(text))
    assert english(message, str(text)) == (
        f"This is not an Annual Plan Tracker data file (not an SQLite file): {text}. "
        "No usable backup was found.")

    used = tmp_path / "tracker.db"
    with open_database(used) as db:
        TrackingService(db, who="test").checkin("1.1", 10, date="2018-06-30")
    open_database(used).close()  # the second open takes the daily backup
    overwrite(used, 4 * PAGE, b"\xff" * 16)
    err = cli_error(capsys, "--db", str(used), "tasks")
    out = english(err, str(used), str(used.parent))
    assert out.startswith(f"The data file is damaged and cannot be opened: {used} (")
    assert "The file was not changed. The newest sound backup is " in out
    assert re.search(r"\(\d{4}-\d\d-\d\d \d\d:\d\d; items: 10, check-ins: 1\); run tracker restore "
                     r"to restore it \(the current file is kept\)\.$", out), out


def test_backups_refused(ws: Workspace, tmp_path: Path) -> None:
    stranger = tmp_path / "别的.db"
    stranger.write_bytes(b"SQLite format 3\x00" + b"\x01" * 200)
    out = english(refusal(lambda: ws.backups.restore(stranger)), str(stranger))
    assert out.startswith("This is not an Annual Plan Tracker backup, or it is damaged")
    assert out.endswith(f": {stranger}")
    assert english(refusal(lambda: ws.backups.take(tmp_path)), str(tmp_path)) == (
        f"--out needs a file name, not a folder: {tmp_path}")
