"""The office's own details, set once per data file: the unit's name (填报单位) and the people and
phone number the ledger's footer names. The command line, the report and the ledger read them
from the file, so every copy sent upward says the same. Saving them is one undoable edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from tracker.domain.period_report import Office
from tracker.services.errors import UserError
from tracker.services.history import UndoableService
from tracker.store import periods as store
from tracker.store.patch import Patch, select

_LIMIT = 100  # characters: a unit's full name fits; a pasted paragraph does not


_KEYS = {
    "unit": "unit_name",
    "reporter": "ledger_reporter",
    "reviewer": "ledger_reviewer",
    "phone": "ledger_phone",
}
_LABELS = {"unit": "填报单位", "reporter": "填报人", "reviewer": "审核人", "phone": "联系电话"}


@dataclass(frozen=True)
class OfficeChange:
    before: Office
    after: Office
    patch: Patch = field(repr=False)


class OfficeService(UndoableService):
    def details(self) -> Office:
        saved = store.settings(self.db.read())
        return Office(**{name: saved.get(key, "") for name, key in _KEYS.items()})

    def save(self, office: Office) -> OfficeChange:
        """Save all four fields (text is trimmed; line breaks become spaces)."""
        clean = {f.name: " ".join(str(getattr(office, f.name)).split()) for f in fields(Office)}
        for name, value in clean.items():
            if len(value) > _LIMIT:
                raise UserError(f"{_LABELS[name]}过长（{len(value)} 字，最多 {_LIMIT} 字）。")
        after = Office(**clean)
        with self.db.transaction() as c:
            before = Office(**{n: store.settings(c).get(k, "") for n, k in _KEYS.items()})

            def op() -> None:
                for name, key in _KEYS.items():
                    store.put_setting(c, key, clean[name])

            patch = self._record(c, [select("setting", "key", list(_KEYS.values()))], op)
        return OfficeChange(before, after, patch)
