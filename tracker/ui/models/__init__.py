"""Qt item models over a loaded PlanView; they never touch the database."""

from tracker.ui.models.plan_tree import Column, PlanFilterModel, PlanTreeModel, Role

__all__ = ["Column", "PlanFilterModel", "PlanTreeModel", "Role"]
