"""Pure domain: dataclasses and rules. Imports neither Qt nor sqlite3."""

from tracker.domain.model import (
    CheckIn,
    Kind,
    Light,
    Node,
    NodeDraft,
    Plan,
    PlanDraft,
    Status,
    Thresholds,
)

__all__ = [
    "CheckIn",
    "Kind",
    "Light",
    "Node",
    "NodeDraft",
    "Plan",
    "PlanDraft",
    "Status",
    "Thresholds",
]
