"""One open data file as the window, its dialogs and the command line hold it.

A `Workspace` owns the file's connection and every service on it, knows whether the file is
read-only and what notices it has for the user, and tells its listeners what changed: after
each of its own commits (the rows the edit touched) and, when polled, after a write by another
program or window. Nothing above the services touches the store; nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tracker.domain.access import Account, Role
from tracker.services.backups import BackupService
from tracker.services.baseline import BaselineService
from tracker.services.changes import Changed, read_news
from tracker.services.dashboard import DashboardService
from tracker.services.departments import DepartmentService
from tracker.services.editing import EditingService
from tracker.services.history import os_user
from tracker.services.ledger import LedgerService
from tracker.services.office import OfficeService
from tracker.services.period_report import PeriodReportService
from tracker.services.periods import PeriodService
from tracker.services.plans import PlanService, open_database
from tracker.services.reports import ReportService
from tracker.services.search import SearchService
from tracker.services.tracking import TrackingService
from tracker.store import Store
from tracker.store.patch import Patch

Listener = Callable[[Changed], None]


class Workspace:
    """The services of one data file, its read-only state and notices, and its change news.

    Made by `Workspace.open` (which creates a missing file with the default plan) or around an
    already open `Database`. `who` is the name written into the change log and check-ins; the
    caller reads it from the preferences (the services never do).
    """

    def __init__(self, db: Store, *, who: str | None = None) -> None:
        self.db = db
        self.who = who if who else os_user()
        self.plans = PlanService(db)
        self.tracking = TrackingService(db, self.who)
        self.editing = EditingService(db, self.who)
        self.baseline = BaselineService(db, self.who)
        self.departments = DepartmentService(db, self.who)
        self.ledger = LedgerService(db, self.who)
        self.reports = ReportService(db, self.who)
        self.backups = BackupService(db)
        self.search = SearchService(db)
        self.periods = PeriodService(db, self.who)
        self.office = OfficeService(db, self.who)
        self.period_reports = PeriodReportService(db, self.who)
        self.dashboard = DashboardService(db, self.who)
        self._listeners: list[Listener] = []
        self._seen_version = db.data_version()
        self._seen_news = _newest(db)
        self._stop_listening = db.on_commit(self._committed)

    @classmethod
    def open(cls, path: str | Path, *, who: str | None = None,
             backup_dir: Path | None = None, password: str | None = None) -> Workspace:
        """Open (or create, with the default 2018 plan) the data file at `path`, or connect to
        the server at a `postgresql://` URL; the same services either way. `backup_dir` is the
        backup folder chosen in the settings (None: beside the file), read by the caller;
        `password` a server login's password asked for when the server wanted one."""
        return cls(open_database(path, backup_dir=backup_dir, password=password), who=who)

    # --- the file ------------------------------------------------------------------------

    @property
    def on_server(self) -> bool:
        return self.db.is_server

    @property
    def path(self) -> Path:
        """The data file (on a server: its address, for messages only)."""
        return self.db.path

    @property
    def location(self) -> str:
        """The data file's path, or the server's address without the password."""
        return str(getattr(self.db, "location", self.db.path))

    @property
    def name(self) -> str:
        """How the window's title names the file (or the server's database)."""
        return self.location if self.on_server else self.db.path.name

    @property
    def account(self) -> Account:
        """Who is logged in and with which role; a data file's user is the office."""
        found = getattr(self.db, "account", None)
        return found if isinstance(found, Account) else Account(self.who, Role.OFFICE)

    def wait_handle(self) -> int | None:
        """A socket that becomes readable when another session writes (a server), else None:
        then `poll()` on a timer."""
        handle = getattr(self.db, "wait_handle", None)
        return handle() if callable(handle) else None

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    @property
    def backup_dir(self) -> Path | None:
        """The backup folder this file was opened with (None: beside the file, or a server)."""
        backups = getattr(self.db, "backups", None)  # a server keeps no local backups
        return backups.backup_dir if backups is not None else None

    @property
    def notices(self) -> list[str]:
        """Sentences for the status bar: read-only, a backup taken before an upgrade, …"""
        return list(self.db.notices)

    def fork(self) -> Workspace:
        """The same file on a second connection, for a job on another thread; close it after."""
        return Workspace(self.db.another_connection(), who=self.who)

    def add_notice(self, text: str) -> None:
        self.db.notices.append(text)

    def close(self) -> None:
        self._stop_listening()
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- change news ---------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """`listener(Changed)` after each change; returns the function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def poll(self) -> bool:
        """Look for a write by another program or window (cheap: reads no data unless there
        was one); tell the listeners what it changed and return True when there was one.

        The writer left news of the items it touched in the file (store/news.py); when that
        news cannot explain the write (it is gone, or the writer left none), the listeners
        hear that everything may have changed."""
        try:
            version = self.db.data_version()
        except Exception:  # the file went away under us: the next edit will say so
            return False
        if version == self._seen_version:
            return False
        self._seen_version = version
        try:
            news = read_news(self.db, self._seen_news)
        except Exception:  # unreadable news: read everything again
            news = None
        if news is None or news.empty:
            self._seen_news = _newest(self.db) if news is None else news.seq
            self._publish(Changed.everything())
            return True
        self._seen_news = news.seq
        self._publish(Changed(news.node_ids, news.structure, news.plans, news.departments,
                              outside=True))
        return True

    def acknowledge_outside_writes(self) -> None:
        """Our own work on a second connection (a background job) is not news from outside."""
        self._seen_version = self.db.data_version()

    def _committed(self, changes: list[object]) -> None:
        patches = [c for c in changes if isinstance(c, Patch)]
        if patches:
            self._publish(Changed.from_patches(patches))

    def _publish(self, changed: Changed) -> None:
        for listener in list(self._listeners):
            listener(changed)


def _newest(db: Store) -> int:
    found = read_news(db, None)
    return found.seq if found is not None else 0
