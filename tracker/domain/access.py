"""Who is logged in and what that login's role lets it do.

On a server the database enforces these rules (roles and row-level security, see
store/server/setup.py); this copy only lets the window grey out what would be refused. A data
file on the user's own disk has one user with every right (the office).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    OFFICE = "office"  # edits the plan, assigns, checks in anywhere
    DEPARTMENT = "department"  # checks in on the items its department leads or helps with
    LEADER = "leader"  # reads everything, writes nothing


ROLE_NAMES = {Role.OFFICE: "办公室", Role.DEPARTMENT: "科室", Role.LEADER: "领导"}


@dataclass(frozen=True)
class Account:
    login: str
    role: Role = Role.OFFICE
    department: str = ""  # the department of a department login

    @property
    def edits_plan(self) -> bool:
        """Add, delete, move, assign, lock, departments, ledger import: the office only."""
        return self.role is Role.OFFICE

    @property
    def writes(self) -> bool:
        return self.role is not Role.LEADER

    def may_check_in(self, departments: Iterable[str]) -> bool:
        """`departments`: the lead and cooperating departments of the item and its parents."""
        if self.role is Role.OFFICE:
            return True
        if self.role is Role.DEPARTMENT:
            return bool(self.department) and self.department in set(departments)
        return False

    def describe(self) -> str:
        """For the status bar and messages: 张三（科室账号：法制科）."""
        kind = ROLE_NAMES[self.role]
        if self.role is Role.DEPARTMENT:
            return f"{self.login}（{kind}账号：{self.department or '未指定科室'}）"
        return f"{self.login}（{kind}账号）"
