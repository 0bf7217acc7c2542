"""Qt item models over a loaded PlanView; they never touch the database."""

from tracker.ui.models.plan_filter import PlanFilter
from tracker.ui.models.plan_tree import Column, PlanTreeModel, Role

__all__ = ["Column", "PlanFilter", "PlanTreeModel", "Role"]
