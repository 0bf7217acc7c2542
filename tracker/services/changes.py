"""What a commit changed, as views need to know it: which items, the tree's shape, plans,
departments. Told to a window's listeners after each commit of its own, and written into the
file as news for the other programs on it (store/news.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tracker.store import Store, Tx, news
from tracker.store.news import News
from tracker.store.patch import Patch


@dataclass(frozen=True)
class Changed:
    """What a commit changed, for views to repaint only that.

    `node_ids`: items whose values changed (their ancestors' roll-ups change too);
    `structure`: items were added, removed or moved, so the tree's shape changed;
    `plans` / `departments`: plan rows (lock, thresholds) or the department list changed;
    `outside`: another program or window wrote it (found by `Workspace.poll`); with every
    other flag set (`everything()`) when its news could not tell what it changed.
    """

    node_ids: frozenset[int] = frozenset()
    structure: bool = False
    plans: bool = False
    departments: bool = False
    outside: bool = False

    @property
    def whole(self) -> bool:
        """Read the whole plan again: its own row (lock, thresholds), the department names its
        items show, or anything at all (an unknown outside write) may have changed."""
        return self.plans or self.departments

    @classmethod
    def everything(cls) -> Changed:
        return cls(structure=True, plans=True, departments=True, outside=True)

    @classmethod
    def from_patches(cls, patches: Iterable[Patch]) -> Changed:
        nodes: set[int] = set()
        structure = plans = departments = False
        for patch in patches:
            before, after = dict(patch.before), dict(patch.after)
            for key in before.keys() | after.keys():
                table, pk = key
                old, new = dict(before.get(key, ())), dict(after.get(key, ()))
                if table == "node":
                    nodes.add(int(pk[0]))
                    shape = ("parent_id", "position", "kind")
                    if not old or not new or any(old[f] != new[f] for f in shape):
                        structure = True
                elif table in ("checkin", "extension"):
                    nodes.add(int((new or old)["node_id"]))
                elif table == "node_co_dept":
                    nodes.add(int(pk[0]))
                elif table in ("plan", "setting"):
                    plans = True
                elif table in ("department", "person"):
                    departments = True
        return cls(frozenset(nodes), structure, plans, departments)

    def __or__(self, other: Changed) -> Changed:
        return Changed(self.node_ids | other.node_ids, self.structure or other.structure,
                       self.plans or other.plans, self.departments or other.departments,
                       self.outside or other.outside)


def write_news(c: Tx, changed: Changed) -> None:
    """Inside the writer's transaction: leave `changed` in the file for other programs."""
    news.write(c, changed.node_ids if not changed.structure else (),
               changed.node_ids if changed.structure else (),
               plans=changed.plans, departments=changed.departments)


def read_news(db: Store, seq: int | None) -> News | None:
    """The news other programs left after row `seq` (None: none, just the newest row's number
    to start from); None when it cannot be told (pruned, or the file was put back from a
    backup). A `News` without items or lists means the writer left no news at all."""
    c = db.read()
    if seq is None:
        return News(news.latest(c), frozenset(), False, False, False)
    return news.since(c, seq)
