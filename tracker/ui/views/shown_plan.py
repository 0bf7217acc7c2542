"""Which plan the window shows (its year, and a closed period it is seen "as of") and how it is
read through the session: whole, or only the items a change named.

Apart from the window so the rules of what to read stay beside each other (the newest year when
the chosen one is gone, today's values when the chosen period was reopened, a whole read when
the news cannot be applied, the long texts only for the one item in the detail pane); the window
only puts what comes back on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.domain.model import CheckIn, LogEntry, Node
from tracker.services import Changed, Extension, PlanView, UserError, Workspace
from tracker.ui.ordering import departments_in_order

if TYPE_CHECKING:
    from tracker.services.plan_view import Refreshed

ItemRecord = tuple[Node, list[CheckIn], list[LogEntry], list[Extension]]


class ShownPlan:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace
        self.year: int | None = None  # None until the first read: the newest plan's
        self.as_of: str | None = None  # a closed period whose frozen values the tree shows

    def read(self) -> tuple[list[int], PlanView | None]:
        """The file's plan years and the plan to show (None: the file holds none); the chosen
        year's, else the newest. Raises UserError, leaving the year as it was."""
        years = self.ws.plans.years()
        year = self.year if self.year in years else (years[-1] if years else None)
        view = self.ws.plans.view(year, texts=False) if year is not None else None
        if view is not None and self.as_of is not None:
            view = self._frozen_view(year)
        self.year = year
        return years, view

    def _frozen_view(self, year: int | None) -> PlanView | None:
        """The tree as the chosen closed period froze it (back to today's if it was reopened)."""
        assert self.as_of is not None
        try:
            return self.ws.periods.view_as_of(self.as_of, year)
        except UserError:
            self.as_of = None
            return self.ws.plans.view(year, texts=False) if year is not None else None

    def refresh(self, view: PlanView | None, changed: Changed) -> Refreshed | None:
        """Re-read into `view` only what `changed` names; None when the plan must be read whole:
        the plan itself or the department names may have changed, a write left no news, the
        plan went away, or a closed period's frozen values are shown (they are read whole)."""
        if view is None or changed.whole or self.as_of is not None:
            return None
        try:
            return self.ws.plans.refresh(view, changed.node_ids, structure=changed.structure)
        except (UserError, KeyError):  # the plan went away, or the news was incomplete
            return None

    def item(self, node: Node) -> ItemRecord:
        """One item for the detail pane: in full (the tree's view holds no long texts), its
        check-ins newest first, its change log and its extensions. Raises UserError."""
        full = self.ws.plans.full_node(node)
        checkins = self.ws.tracking.checkins(node.id)
        changes = self.ws.tracking.changes(node.id)
        extensions = self.ws.baseline.extensions(node.id)
        checkins.sort(key=lambda ci: (ci.date, ci.id), reverse=True)
        return full, checkins, changes, extensions

    def department_names(self) -> list[str]:
        """The departments' names in the office's order, for the filter's lists ([] when they
        cannot be read: the filter then offers none rather than the window failing)."""
        try:
            return [d.name for d in departments_in_order(self.ws.departments.listed())]
        except UserError:
            return []
