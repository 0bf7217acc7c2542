"""Names of lights and statuses, shared by the tree, the detail pane and the status bar.

Kept in one place so a light reads the same everywhere (DESIGN.md "Words").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from tracker.domain.model import Light, SkipReason, Status
from tracker.messages import localize

# Worst first: the order the status bar counts them in.
LIGHT_ORDER = [Light.RED, Light.YELLOW, Light.GREEN, Light.BLUE, Light.GRAY]


def light_short(light: Light) -> str:
    """One word: what the dot in the tree says beside its colour (for colour-blind readers)."""
    names = {
        Light.GREEN: QCoreApplication.translate("Light", "绿"),
        Light.YELLOW: QCoreApplication.translate("Light", "黄"),
        Light.RED: QCoreApplication.translate("Light", "红"),
        Light.BLUE: QCoreApplication.translate("Light", "蓝"),
        Light.GRAY: QCoreApplication.translate("Light", "灰"),
    }
    return names[light]


def light_name(light: Light) -> str:
    """The light and what it means, e.g. 红灯：严重滞后或逾期 (tooltips, detail pane)."""
    names = {
        Light.GREEN: QCoreApplication.translate("Light", "绿灯：进展正常"),
        Light.YELLOW: QCoreApplication.translate("Light", "黄灯：进度滞后"),
        Light.RED: QCoreApplication.translate("Light", "红灯：严重滞后或逾期"),
        Light.BLUE: QCoreApplication.translate("Light", "蓝灯：已完成"),
        Light.GRAY: QCoreApplication.translate("Light", "灰灯：未开始"),
    }
    return names[light]


def status_name(status: Status | str) -> str:
    names = {
        Status.NOT_STARTED: QCoreApplication.translate("Status", "未开始"),
        Status.IN_PROGRESS: QCoreApplication.translate("Status", "进行中"),
        Status.DONE: QCoreApplication.translate("Status", "已完成"),
        Status.SUSPENDED: QCoreApplication.translate("Status", "已暂停"),
    }
    try:
        return names[Status(status)]
    except ValueError:
        return str(status)


def field_name(field: str) -> str:
    """A change-log field in words (the log stores the column name)."""
    names = {
        "leader": QCoreApplication.translate("Field", "责任领导"),
        "lead_dept": QCoreApplication.translate("Field", "牵头科室"),
        "co_depts": QCoreApplication.translate("Field", "配合科室"),
        "owner": QCoreApplication.translate("Field", "责任人"),
        "due": QCoreApplication.translate("Field", "完成时限"),
        "status": QCoreApplication.translate("Field", "状态"),
        "title": QCoreApplication.translate("Field", "工作任务"),
        "detail": QCoreApplication.translate("Field", "具体内容"),
        "weight": QCoreApplication.translate("Field", "权重"),
        "start": QCoreApplication.translate("Field", "开始日期"),
        "position": QCoreApplication.translate("Field", "序号"),
        "created": QCoreApplication.translate("Field", "新建"),
        "deleted": QCoreApplication.translate("Field", "删除"),
    }
    return names.get(field, field)


def skip_reason(reason: SkipReason) -> str:
    """Why a passage of a report is in no item (the import preview's list)."""
    names = {
        SkipReason.PREAMBLE: QCoreApplication.translate("SkipReason", "前言/导语"),
        SkipReason.CLOSING: QCoreApplication.translate("SkipReason", "结尾/保障措施"),
        SkipReason.NOISE: QCoreApplication.translate("SkipReason", "网页或版面杂项"),
        SkipReason.OUTSIDE: QCoreApplication.translate("SkipReason", "计划部分之外"),
        SkipReason.HEADING: QCoreApplication.translate("SkipReason", "计划部分标题"),
        SkipReason.DROPPED: QCoreApplication.translate("SkipReason", "已从计划中移出"),
    }
    return names[reason]


def end_of_year() -> str:
    """完成时限 when none was set: the report's own words."""
    return QCoreApplication.translate("Deadline", "年底前")


def interface_language() -> str:
    """"en" or "zh": the language the interface was started in (app.install_translation)."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh"


def user_text(text: str) -> str:
    """A message from below the window (a refusal, a damaged file) in the interface language."""
    return localize(text, interface_language())


def percent(value: float) -> str:
    return f"{value:.0f}%" if abs(value - round(value)) < 0.05 else f"{value:.1f}%"
