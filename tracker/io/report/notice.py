"""What a notice (通知) hands out: the name of the plan it prints, to find where that plan starts.

A notice printed from a PDF or pasted from a page often has no 附件 line and no signature
between the cover letter and the plan; the plan's own title line, the name the notice's
title gives ("关于印发2021年政务公开工作要点的通知"), is then where the plan begins.
"""

from __future__ import annotations

import re

_PRINTS = re.compile(r"(?:印发|印發|转发|轉發|下达|下達)(.{4,60}?)的(?:通知|函)$")


def plain_name(text: str) -> str:
    """A title without book-title marks, spaces and a closing full stop, for comparison."""
    return re.sub(r"[《》〈〉\s]", "", text).rstrip("。：:")


def notice_names(title: str) -> str:
    """The plan a notice's title says it prints, or "" for any other title."""
    found = _PRINTS.search(title.strip())
    return plain_name(found.group(1)) if found else ""


def names_plan(name: str, heading: str) -> bool:
    """Is `heading` the plan a notice named? The notice may add 分解方案 or 的通知 to the plan's
    own title ("2021年重点工作任务分解方案" prints "2021年重点工作任务"), so one may extend the other."""
    if not name:
        return False
    own = plain_name(heading)
    shorter = min(own, name, key=len)
    return len(shorter) >= 6 and (name.startswith(own) or own.startswith(name))
