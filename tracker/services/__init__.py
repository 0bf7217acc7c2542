"""The one API the window and the command line call, split by capability.

Views never run SQL; each public method here is one transaction.

The names below are loaded on first use, not when the package is imported: a short command
(`tracker checkin`) imports only the services it calls, not the ledger, reports and dashboard
with everything they pull in (docs/performance.md). Type checkers see ordinary imports.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.domain.model import Department, Person
    from tracker.services.baseline import BaselineService, Extension, PlanChange
    from tracker.services.conflicts import EditConflict
    from tracker.services.departments import DepartmentChange, DepartmentService, PersonChange
    from tracker.services.editing import (
        EditingService,
        Impact,
        NodeAdded,
        NodeDeleted,
        NodeMoved,
        NodeUpdate,
        Place,
    )
    from tracker.services.errors import UserError
    from tracker.services.history import STALE, Change, UndoableService
    from tracker.services.plans import PlanInfo, PlanService, PlanView, open_database
    from tracker.services.tracking import Assignment, CheckInChange, TrackingService
    from tracker.services.workspace import Changed, Workspace

__all__ = [
    "STALE",
    "Assignment",
    "BaselineService",
    "Change",
    "Changed",
    "CheckInChange",
    "Department",
    "DepartmentChange",
    "DepartmentService",
    "EditConflict",
    "EditingService",
    "Extension",
    "Impact",
    "NodeAdded",
    "NodeDeleted",
    "NodeMoved",
    "NodeUpdate",
    "Person",
    "PersonChange",
    "Place",
    "PlanChange",
    "PlanInfo",
    "PlanService",
    "PlanView",
    "TrackingService",
    "UndoableService",
    "UserError",
    "Workspace",
    "open_database",
]

# the module that defines each name above
_HOME = {name: module for module, names in {
    "tracker.domain.model": ("Department", "Person"),
    "tracker.services.baseline": ("BaselineService", "Extension", "PlanChange"),
    "tracker.services.conflicts": ("EditConflict",),
    "tracker.services.departments": ("DepartmentChange", "DepartmentService", "PersonChange"),
    "tracker.services.editing": ("EditingService", "Impact", "NodeAdded", "NodeDeleted", "NodeMoved",
                                 "NodeUpdate", "Place"),
    "tracker.services.errors": ("UserError",),
    "tracker.services.history": ("STALE", "Change", "UndoableService"),
    "tracker.services.plans": ("PlanInfo", "PlanService", "PlanView", "open_database"),
    "tracker.services.tracking": ("Assignment", "CheckInChange", "TrackingService"),
    "tracker.services.workspace": ("Changed", "Workspace"),
}.items() for name in names}


def __getattr__(name: str) -> Any:
    """Load `name` from its module the first time it is asked for (PEP 562)."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # the next look-up is an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
