"""The preview's edits as undoable steps, and where each one leaves the selection.

An edit of the draft (tracker/domain/draft_edits.py) returns a new draft; a `DraftStep` keeps
the draft before and after it, so undo and redo only show one or the other again. The
functions here run an edit on the rows the user chose (several at once where that makes sense)
and say which row to select afterwards, so Ctrl+Z and Ctrl+Shift+Z land where the edit was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from tracker.domain import draft_edits as edits
from tracker.domain.model import NodeDraft, PlanDraft

Path = tuple[int] | tuple[int, int]
ItemPath = tuple[int, int]

YEAR_STEP, TITLE_STEP = 1, 2  # consecutive changes of the year (or the title) make one step


@dataclass(frozen=True)
class Focus:
    """The row to select after a step: a tree path, or a skipped passage by its index."""

    path: Path | None = None
    skipped: int | None = None


Edited = tuple[PlanDraft, Focus]


class DraftStep(QUndoCommand):
    def __init__(self, text: str, before: Edited, after: Edited,
                 show: Callable[[PlanDraft, Focus], None], merge_key: int = -1) -> None:
        super().__init__(text)
        self.before, self.after = before, after
        self._show = show
        self._merge_key = merge_key

    def id(self) -> int:
        return self._merge_key

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DraftStep) or other.id() != self.id() or self.id() < 0:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._show(*self.after)

    def undo(self) -> None:
        self._show(*self.before)


def items_only(paths: list[Path]) -> list[ItemPath]:
    return sorted((p[0], p[1]) for p in paths if len(p) == 2)


def merge(draft: PlanDraft, paths: list[Path]) -> Edited:
    """Several chosen items fold into the first; one chosen item takes in the next one."""
    items = items_only(paths)
    if not items:
        raise edits.DraftEditError(QCoreApplication.translate("PreviewSteps", "请先选择要合并的事项。"))
    first = items[0]
    if len(items) == 1:
        area = draft.areas[first[0]]
        if first[1] + 1 >= len(area.children):
            raise edits.DraftEditError(QCoreApplication.translate(
                "PreviewSteps", "已是本方面最后一项，后面没有可合并的事项；可按住 Ctrl 选中几项再合并。"))
        items.append((first[0], first[1] + 1))
    out = draft
    for later in reversed(items[1:]):  # the later ones first, so the earlier paths stay valid
        out = edits.merge(out, first, later)
    return out, Focus(first)


def split(draft: PlanDraft, path: ItemPath, at: int) -> Edited:
    return edits.split(draft, path, at), Focus((path[0], path[1] + 1))


def promote(draft: PlanDraft, path: ItemPath) -> Edited:
    """The item heads a new area; when it was the first item its old area is gone."""
    return edits.promote(draft, path), Focus((path[0],) if path[1] == 0 else (path[0] + 1,))


def demote(draft: PlanDraft, area: int) -> Edited:
    if area == 0:
        raise edits.DraftEditError(QCoreApplication.translate(
            "PreviewSteps", "第一个方面前面没有方面，无法降为事项。"))
    return edits.demote(draft, area), Focus((area - 1, len(draft.areas[area - 1].children)))


def drop(draft: PlanDraft, paths: list[Path]) -> Edited:
    """Chosen items go to the skipped passages; the row below (or above) is selected next."""
    items = items_only(paths)
    if not items:
        raise edits.DraftEditError(QCoreApplication.translate(
            "PreviewSteps", "请先选择要移出计划的事项（方面可先降为事项）。"))
    out = draft
    for path in reversed(items):
        out = edits.drop(out, path)
    a, i = items[0]
    if a < len(out.areas) and _area_kept(draft, out, a):
        area = out.areas[a]
        focus: Path = (a, min(i, len(area.children) - 1))
    elif out.areas:
        focus = (min(a, len(out.areas) - 1),)
    else:
        return out, Focus(skipped=len(out.skipped) - 1)
    return out, Focus(focus)


def _area_kept(before: PlanDraft, after: PlanDraft, a: int) -> bool:
    return after.areas[a].title == before.areas[a].title and bool(after.areas[a].children)


def include(draft: PlanDraft, index: int, *, as_area: bool = False) -> Edited:
    """A skipped passage back into the plan: as a new area, or as an item where it stood in
    the report (after the item whose passage comes before it)."""
    passage = draft.skipped[index]
    if as_area or not draft.areas:
        out = edits.include(draft, index, None)
        return out, Focus((len(out.areas) - 1,))
    area, position = 0, 0
    if passage.span is not None:
        for a, node in enumerate(draft.areas):
            if node.span is not None and node.span[0] <= passage.span[0]:
                area, position = a, 0
            for i, item in enumerate(node.children):
                if item.span is not None and item.span[0] <= passage.span[0]:
                    area, position = a, i + 1
    return edits.include(draft, index, area, position), Focus((area, position))


def written_at(draft: PlanDraft, position: int) -> Focus | None:
    """The row whose passage holds `position` of the report: the innermost item or area, else
    a skipped passage; None for text in neither (a title)."""
    best: tuple[int, Path] | None = None
    for a, area in enumerate(draft.areas):
        rows: list[tuple[Path, NodeDraft]] = [((a,), area)]
        rows += [((a, i), item) for i, item in enumerate(area.children)]
        for path, node in rows:
            if node.span is not None and node.span[0] <= position < node.span[1]:
                size = node.span[1] - node.span[0]
                if best is None or size < best[0]:
                    best = (size, path)
    if best is not None:
        return Focus(best[1])
    for i, passage in enumerate(draft.skipped):
        if passage.span is not None and passage.span[0] <= position < passage.span[1]:
            return Focus(skipped=i)
    return None


def skipped_share(draft: PlanDraft) -> float:
    """The part of the height the skipped list takes beside the tree: by the rows each shows."""
    tree_rows = len(draft.areas) + draft.item_count + 1
    skipped_rows = sum(1 + len(p.text) // 60 for p in draft.skipped) + 1
    return min(0.6, max(0.2, skipped_rows / (tree_rows + skipped_rows)))
