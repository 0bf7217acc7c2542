"""The one API the window and the command line call, split by capability.

Views never run SQL; each public method here is one transaction.
"""

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
    "UndoableService",
    "PlanInfo",
    "PlanService",
    "PlanView",
    "TrackingService",
    "UserError",
    "Changed",
    "Workspace",
    "open_database",
]
