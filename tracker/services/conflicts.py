"""Two people editing the same item: the second save is refused and shows the first one's change.

An editor keeps the values it showed the user (what the user saw, the row's version as that
user knows it) and hands them back with the save. If the stored row no longer holds them,
someone else saved in between: the save is refused with their change and the change log's
who and when, and nothing is written. This holds for two windows on one file as for two PCs
on a server, without a lock held while a dialog is open.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tracker.domain.model import CheckIn, LogEntry
from tracker.services.errors import UserError
from tracker.store import Tx
from tracker.store import repository as repo

FIELD_NAMES = {
    "title": "工作任务", "detail": "具体内容", "leader": "责任领导", "lead_dept": "牵头科室",
    "co_depts": "配合科室", "owner": "责任人", "start": "开始日期", "due": "完成时限", "weight": "权重",
    "status": "状态", "date": "填报日期", "progress": "进度", "progress_text": "进展情况",
    "problems": "存在问题", "next_steps": "下步措施", "reporter": "填报人",
}


class EditConflict(UserError):
    """Someone else saved the same item (or check-in) after this editor opened it."""


def check_seen(c: Tx, entity: str, entity_id: int, seen: Mapping[str, object] | None,
               current: Mapping[str, object]) -> None:
    """Refuse (EditConflict) when a field the editor showed differs from the stored one."""
    if seen is None:
        return
    changed = [k for k, v in seen.items() if k in current and _same(v) != _same(current[k])]
    if not changed:
        return
    log = repo.changes_for(c, entity, entity_id)
    parts = []
    for name in changed:
        entry = _latest(log, name)
        by = f"（{entry.who or '某人'} {entry.at.replace('T', ' ')[:16]}）" if entry else ""
        parts.append(f"{FIELD_NAMES.get(name, name)}：{_shown(seen[name])} → {_shown(current[name])}{by}")
    what = "这条进展填报" if entity == "checkin" else "这个事项"
    raise EditConflict(
        f"{what}在您编辑期间已被他人修改：{'；'.join(parts)}。您的修改没有保存；"
        "请核对对方的修改后再保存（或取消后刷新）。")


def checkin_seen(ci: CheckIn) -> dict[str, object]:
    """What a check-in editor shows: the fields of the check-in as it was loaded."""
    return {"date": ci.date, "progress": ci.progress, "progress_text": ci.progress_text,
            "problems": ci.problems, "next_steps": ci.next_steps, "reporter": ci.reporter}


def _latest(log: list[LogEntry], name: str) -> LogEntry | None:
    return next((e for e in log if e.field == name), None)


def _same(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _shown(value: object) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value) or "（空）"
    if isinstance(value, float):
        return f"{value:g}"
    return str(getattr(value, "value", value))
