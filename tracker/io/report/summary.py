"""A draft as the plain data of `import-report --dry-run --json` (also what the corpus tests compare)."""

from __future__ import annotations

from typing import Any

from tracker.domain.model import PlanDraft


def draft_json(draft: PlanDraft) -> dict[str, Any]:
    return {
        "year": draft.year,
        "title": draft.title,
        "areas": [
            {
                "title": area.title,
                "items": [
                    {
                        "title": item.title,
                        "detail": item.detail,
                        "due": item.due.isoformat() if item.due else None,
                        "lead_dept": item.lead_dept,
                        "co_depts": list(item.co_depts),
                    }
                    for item in area.children
                ],
            }
            for area in draft.areas
        ],
        "skipped": [{"text": s.text, "reason": s.reason.value} for s in draft.skipped],
    }
