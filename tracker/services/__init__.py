"""The one API the window and the command line call, split by capability.

Views never run SQL; each public method here is one transaction.
"""

from tracker.services.errors import UserError
from tracker.services.plans import PlanInfo, PlanService, PlanView, open_database
from tracker.services.tracking import Assignment, TrackingService, current_user

__all__ = [
    "Assignment",
    "PlanInfo",
    "PlanService",
    "PlanView",
    "TrackingService",
    "UserError",
    "current_user",
    "open_database",
]
