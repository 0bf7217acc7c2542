"""The department and people lists: add, rename, merge, delete with reassignment.

Items refer to departments by id, so a rename shows everywhere at once; a merge or a deletion
moves every item's lead and cooperating department in one transaction, and `undo` puts every
row back (the removed department keeps its id).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import EllipsisType

from tracker.domain.model import Department, Person
from tracker.domain.values import clean_field
from tracker.services.errors import UserError
from tracker.services.history import UndoableService
from tracker.store import Tx, edits
from tracker.store.patch import Patch, select

NO_DEPARTMENT = "该科室不存在（可能已被删除或合并），请刷新后再试。"
NO_PERSON = "该人员不存在（可能已被删除），请刷新后再试。"


@dataclass(frozen=True)
class DepartmentChange:
    """A department added, renamed, merged or deleted; `node_ids` are the items to repaint."""

    dept_id: int
    node_ids: frozenset[int]
    patch: Patch = field(repr=False)


@dataclass(frozen=True)
class PersonChange:
    before: Person | None
    after: Person | None
    patch: Patch = field(repr=False)


class DepartmentService(UndoableService):
    def departments(self) -> list[Department]:
        return edits.department_usage(self.db.read())

    def arrange(self, ordered_ids: list[int]) -> DepartmentChange:
        """Put the departments in the bureau's own order (lists everywhere follow it); one
        undoable step. Departments left out keep no position and follow in name order."""
        with self.db.transaction() as c:
            known = edits.department_names_by_id(c)
            unknown = [d for d in ordered_ids if d not in known]
            if unknown:
                raise UserError(NO_DEPARTMENT)
            positions: dict[int, int | None] = dict.fromkeys(known)
            positions.update({dept_id: n for n, dept_id in enumerate(ordered_ids)})
            patch = self._record(c, [select("department", "id", list(known))],
                                 lambda: edits.set_department_positions(c, positions))
        return DepartmentChange(ordered_ids[0] if ordered_ids else 0, frozenset(), patch)

    def add(self, name: str) -> DepartmentChange:
        name = _dept_name(name)
        with self.db.transaction() as c:
            _refuse_taken(c, name)
            new_id = edits.next_id(c, "department")
            patch = self._record(
                c, [select("department", "id", [new_id])],
                lambda: edits.insert_department(c, new_id, name),
            )
        return DepartmentChange(new_id, frozenset(), patch)

    def rename(self, dept_id: int, name: str) -> DepartmentChange:
        name = _dept_name(name)
        with self.db.transaction() as c:
            old = _department(c, dept_id)
            if old == name:
                return DepartmentChange(dept_id, frozenset(), Patch())
            _refuse_taken(c, name)
            patch = self._record(
                c, [select("department", "id", [dept_id])],
                lambda: edits.rename_department(c, dept_id, name),
            )
            users = edits.nodes_using(c, [dept_id])
        return DepartmentChange(dept_id, frozenset(users), patch)

    def merge(self, source_id: int, target_id: int) -> DepartmentChange:
        """Fold `source` into `target`: its items and people move over, then it is removed.
        An item that had both as cooperating departments keeps one; one led by the target
        no longer lists it as cooperating too."""
        if source_id == target_id:
            raise UserError("不能把科室合并到它自己。")
        return self._reassign(source_id, target_id)

    def delete(self, dept_id: int, reassign_to: int | None = None) -> DepartmentChange:
        """Remove a department; its items and people go to `reassign_to`, or to no department."""
        if reassign_to == dept_id:
            raise UserError("删除科室时不能把工作转给它自己，请选择其他科室或“无”。")
        return self._reassign(dept_id, reassign_to)

    def _reassign(self, source: int, target: int | None) -> DepartmentChange:
        with self.db.transaction() as c:
            _department(c, source)
            if target is not None:
                _department(c, target)
            ids = [source] if target is None else [source, target]
            users = edits.nodes_using(c, ids)
            selectors = [
                select("department", "id", ids),
                select("node", "lead_dept_id", ids),
                select("node_co_dept", "node_id", users),
                select("person", "dept_id", ids),
            ]

            def op() -> None:
                for node_id in users:
                    lead = edits.lead_dept_id(c, node_id)
                    if lead == source:
                        lead = target
                        edits.set_lead_dept_id(c, node_id, lead)
                    old = edits.co_dept_ids(c, node_id)
                    new: list[int] = []
                    for dept in (target if d == source else d for d in old):
                        if dept is not None and dept not in new and not (dept == lead == target):
                            new.append(dept)
                    if new != old:
                        edits.write_co_dept_ids(c, node_id, new)
                edits.move_people(c, source, target)
                edits.delete_department(c, source)

            patch = self._record(c, selectors, op)
        return DepartmentChange(source, frozenset(users), patch)

    # --- people ----------------------------------------------------------------------

    def people(self, dept_id: int | None = None) -> list[Person]:
        return edits.people(self.db.read(), dept_id)

    def add_person(self, name: str, dept_id: int | None = None, role: str = "") -> PersonChange:
        name, role = _person_name(name), clean_field(role, "职务", limit=100)
        with self.db.transaction() as c:
            self._check_person(c, name, dept_id, None)
            new_id = edits.next_id(c, "person")
            patch = self._record(
                c, [select("person", "id", [new_id])],
                lambda: edits.write_person(c, new_id, name, dept_id, role),
            )
            after = _person_by_id(c, new_id)
        return PersonChange(None, after, patch)

    def update_person(
        self, person_id: int, *, name: str | None = None, dept_id: int | None | EllipsisType = ...,
        role: str | None = None,
    ) -> PersonChange:
        """Rename, move to another department (None: none) or change the role; `...` keeps it."""
        with self.db.transaction() as c:
            before = _person_by_id(c, person_id)
            new_name = before.name if name is None else _person_name(name)
            new_dept = before.dept_id if isinstance(dept_id, EllipsisType) else dept_id
            new_role = before.role if role is None else clean_field(role, "职务", limit=100)
            if (new_name, new_dept, new_role) == (before.name, before.dept_id, before.role):
                return PersonChange(before, before, Patch())
            self._check_person(c, new_name, new_dept, person_id)
            patch = self._record(
                c, [select("person", "id", [person_id])],
                lambda: edits.write_person(c, person_id, new_name, new_dept, new_role),
            )
            after = _person_by_id(c, person_id)
        return PersonChange(before, after, patch)

    def rename_person(self, person_id: int, name: str) -> PersonChange:
        return self.update_person(person_id, name=name)

    def delete_person(self, person_id: int) -> PersonChange:
        with self.db.transaction() as c:
            before = _person_by_id(c, person_id)
            patch = self._record(
                c, [select("person", "id", [person_id])], lambda: edits.delete_person(c, person_id)
            )
        return PersonChange(before, None, patch)

    def _check_person(
        self, c: Tx, name: str, dept_id: int | None, person_id: int | None
    ) -> None:
        dept = "未分科室" if dept_id is None else _department(c, dept_id)
        same = edits.person_named(c, name, dept_id)
        if same is not None and same != person_id:
            raise UserError(f"{dept}已有名为“{name}”的人员。")


def _dept_name(name: str) -> str:
    name = clean_field(name, "科室名称", limit=100)
    if not name:
        raise UserError("科室名称不能为空，请填写。")
    return name


def _person_name(name: str) -> str:
    name = clean_field(name, "姓名", limit=100)
    if not name:
        raise UserError("姓名不能为空，请填写。")
    return name


def _refuse_taken(c: Tx, name: str) -> None:
    if edits.department_id_by_name(c, name) is not None:
        raise UserError(f"科室“{name}”已存在。如要把两个科室合为一个，请用“合并”。")


def _department(c: Tx, dept_id: int) -> str:
    name = edits.department_names_by_id(c).get(dept_id)
    if name is None:
        raise UserError(NO_DEPARTMENT)
    return name


def _person_by_id(c: Tx, person_id: int) -> Person:
    found = edits.person(c, person_id)
    if found is None:
        raise UserError(NO_PERSON)
    return found
