"""The shared database on a server: roles the database enforces, many writers, moving in and out.

Runs on the session's throw-away PostgreSQL cluster (tests/conftest.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import Server
from tests.test_cli import query, run, tasks
from tracker.services import Assignment, UserError, Workspace
from tracker.services import server as admin

pytestmark = pytest.mark.server


@pytest.fixture
def bureau(pg_server: Server, server_db: str) -> str:
    """The test database with 1.1 led by 法制科 (2.1 helped by it), 3.1 led by 办公室, and logins
    fazhi (department 法制科), boss (leader)."""
    with Workspace.open(server_db, who="办公室") as ws:
        ws.tracking.assign("1.1", Assignment(lead_dept="法制科"))
        ws.tracking.assign("2.1", Assignment(lead_dept="人事科", co_depts="法制科"))
        ws.tracking.assign("3.1", Assignment(lead_dept="办公室"))
    name = server_db.rsplit("/", 1)[1]
    admin.add_user(pg_server.admin_url(name), "fazhi", "department", "法制科", "fz-pw")
    admin.add_user(pg_server.admin_url(name), "boss", "leader", "", "boss-pw")
    return name


def test_a_department_login_checks_in_on_its_items_only(capsys, pg_server: Server, bureau: str):
    url = pg_server.url(bureau, "fazhi", "fz-pw")
    assert run(capsys, "checkin", "1.1", "--progress", "30", "--date", "2018-03-01", "--db", url)[0] == 0
    assert run(capsys, "checkin", "2.1", "--progress", "20", "--date", "2018-03-01", "--db", url)[0] == 0
    before = query(pg_server.url(bureau), "SELECT count(*) FROM checkin")
    for args in (["checkin", "3.1", "--progress", "40"], ["assign", "1.1", "--leader", "王局长"]):
        code, out, err = run(capsys, *args, "--db", url)
        assert code == 1 and out == ""
        assert len(err.strip().splitlines()) == 1 and "无权" in err and "Traceback" not in err
    assert query(pg_server.url(bureau), "SELECT count(*) FROM checkin") == before
    assert [r["leader"] for r in tasks(capsys, url) if r["code"] == "1.1"] == [""]
    assert len(tasks(capsys, url)) == 10  # sees every item


def test_a_leader_reads_everything_and_writes_nothing(capsys, pg_server: Server, bureau: str):
    url = pg_server.url(bureau, "boss", "boss-pw")
    assert len(tasks(capsys, url)) == 10
    code, _, err = run(capsys, "checkin", "1.1", "--progress", "40", "--db", url)
    assert code == 1 and "只能查看" in err


def psql(pg_server: Server, url: str, sql: str) -> subprocess.CompletedProcess[str]:
    psql = pg_server.cluster.bin / "psql"
    command = str(psql) if psql.exists() else (shutil.which("psql") or "psql")
    return subprocess.run([command, url, "-v", "ON_ERROR_STOP=1", "-c", sql],
                          capture_output=True, text=True, timeout=60)


def test_raw_sql_through_psql_cannot_write_outside_the_departments_items(pg_server: Server, bureau: str):
    url = pg_server.url(bureau, "fazhi", "fz-pw")
    item = {code: node_id for code, node_id in _ids(pg_server, bureau)}
    insert = ("INSERT INTO checkin (id, node_id, date, progress, created_at)"
              " VALUES ({0}, {1}, '2018-03-01', 50, '2018-03-01T00:00:00')")
    own = psql(pg_server, url, insert.format(900, item["1.1"]))
    assert own.returncode == 0, own.stderr
    for sql in (
        insert.format(901, item["3.1"]),  # another department's item
        f"UPDATE checkin SET node_id = {item['3.1']} WHERE id = 900",  # moved onto it
        f"UPDATE node SET leader = '我' WHERE id = {item['1.1']}",  # assigning
        f"UPDATE node SET status = 'done' WHERE id = {item['3.1']}",
        "DELETE FROM change_log",
        "INSERT INTO department (id, name) VALUES (99, '冒名科')",
        "UPDATE account SET dept_id = NULL",
    ):
        done = psql(pg_server, url, sql)
        assert done.returncode != 0 or done.stdout.strip().endswith(" 0"), sql
    rows = query(pg_server.url(bureau), "SELECT id, node_id FROM checkin ORDER BY id")
    assert rows == [(900, item["1.1"])]
    leader = query(pg_server.url(bureau), f"SELECT leader, status FROM node WHERE id = {item['3.1']}")
    assert leader == [("", "not_started")]


def _ids(pg_server: Server, name: str) -> list[tuple[str, int]]:
    with Workspace.open(pg_server.url(name)) as ws:
        return [(n.code, n.id) for n in ws.plans.view().items()]


def test_push_then_pull_gives_the_same_tasks(capsys, tmp_path, pg_server: Server):
    source = tmp_path / "office.db"
    steps = [
        ["assign", "1.2", "--leader", "李局长", "--lead-dept", "法制科", "--co-depts", "办公室,科技科",
         "--due", "2018-09-30"],
        ["checkin", "1.2", "--progress", "33.3", "--note", "调研", "--date", "2018-03-31"],
        ["checkin", "2.1", "--progress", "100", "--date", "2018-06-30"],
        ["carry-over", "--from", "2018", "--to", "2019"],
    ]
    for args in steps:
        assert run(capsys, *args, "--db", str(source))[0] == 0
    name = pg_server.new_database("template0")
    try:
        url = pg_server.admin_url(name)
        admin.init_server(url)
        code, out, err = run(capsys, "server", "push", str(source), url)
        assert code == 0, err
        assert "进展填报 2 条" in out
        code, _, err = run(capsys, "server", "push", str(source), url)
        assert code == 1 and "--replace" in err
        assert run(capsys, "server", "push", str(source), url, "--replace")[0] == 0
        copy = tmp_path / "trip.db"
        assert run(capsys, "server", "pull", url, str(copy))[0] == 0
        for year in ("2018", "2019"):
            assert tasks(capsys, copy, "--year", year) == tasks(capsys, source, "--year", year)
            assert tasks(capsys, url, "--year", year) == tasks(capsys, source, "--year", year)
        log = "SELECT id, who, entity, entity_id, field, old, new FROM change_log ORDER BY id"
        assert query(copy, log) == query(source, log)
        code, _, err = run(capsys, "server", "pull", url, str(copy))
        assert code == 1 and "已存在" in err
        # a new row after the copy gets a new id on the server too
        assert run(capsys, "checkin", "1.2", "--progress", "50", "--db", url)[0] == 0
    finally:
        pg_server.drop(name)


def test_init_on_an_empty_database_then_a_window_of_the_office(capsys, pg_server: Server):
    name = pg_server.new_database("template0")
    try:
        url = pg_server.admin_url(name)
        code, _, err = run(capsys, "tasks", "--db", url)
        assert code == 1 and "server init" in err
        code, out, err = run(capsys, "server", "init", url)
        assert code == 0 and "架构版本" in out, err
        code, out, _ = run(capsys, "server", "init", url)
        assert code == 0 and "已是架构版本" in out
        code, _, err = run(capsys, "tasks", "--db", url)
        assert code == 1 and "还没有计划" in err
        code, _, err = run(capsys, "server", "add-user", "x1", "--role", "department", "--dept", "无此科",
                           "--password", "p", "--db", url)
        assert code == 1 and "没有名为“无此科”的科室" in err
    finally:
        pg_server.drop(name)


MANY_CHECKINS = """
import sys
from tracker.services import Workspace
url, who = sys.argv[1], sys.argv[2]
with Workspace.open(url, who=who) as ws:
    node = ws.tracking.find("1.1").id
    for i in range(100):
        ws.tracking.add_checkin(node, i % 100, note=f"{who}-{i}", date="2018-06-30")
        ws.editing.update(ws.tracking.find("2.1").id, {"owner": f"{who}-{i}"})
"""


@pytest.mark.slow
def test_four_processes_each_checking_in_a_hundred_times_lose_nothing(pg_server: Server, server_db: str):
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(MANY_CHECKINS), server_db, f"p{n}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n in range(4)]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    notes = query(server_db, "SELECT progress_text FROM checkin")
    assert sorted(n for (n,) in notes) == sorted(f"p{p}-{i}" for p in range(4) for i in range(100))
    assert query(server_db, "SELECT count(DISTINCT id) FROM checkin") == [(400,)]
    created = query(server_db,
                    "SELECT count(*) FROM change_log WHERE entity = 'checkin' AND field = 'created'")
    assert created == [(400,)]
    owners = query(server_db, "SELECT count(*) FROM change_log WHERE field = 'owner'")
    assert owners == [(400,)]


def test_a_write_elsewhere_reaches_the_window_by_notify(server_db: str):
    with Workspace.open(server_db, who="a") as ws, Workspace.open(server_db, who="b") as other:
        heard = []
        ws.subscribe(heard.append)
        assert ws.wait_handle() is not None
        assert not ws.poll()
        ws.tracking.checkin("1.1", 10, date="2018-02-01")
        assert not ws.poll()  # our own write is no news from outside
        other.tracking.checkin("1.1", 20, date="2018-03-01")
        assert ws.poll() and heard[-1].outside


def test_a_lost_connection_saves_nothing_and_the_next_step_reconnects(pg_server: Server, server_db: str):
    with Workspace.open(server_db, who="a") as ws:
        node = ws.tracking.find("1.1").id
        pg_server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        " WHERE usename = 'office' AND pid <> pg_backend_pid()",
                        server_db.rsplit("/", 1)[1])
        with pytest.raises(UserError, match="连接已断开.*没有保存"):
            ws.tracking.add_checkin(node, 40, date="2018-03-01")
        ws.tracking.add_checkin(node, 40, date="2018-03-01")  # reconnected
        assert [c.progress for c in ws.tracking.checkins(node)] == [40]


def test_backup_of_a_server_is_the_servers_job(capsys, tmp_path, pg_server: Server, bureau: str):
    code, out, _ = run(capsys, "backup", "--db", pg_server.url(bureau, "fazhi", "fz-pw"))
    assert code == 0 and "备份由服务器负责" in out and "pg_dump" in out
    code, _, err = run(capsys, "restore", "--db", pg_server.url(bureau))
    assert code == 1 and "服务器" in err
    dump = tmp_path / "bureau.dump"
    code, out, err = run(capsys, "backup", "--db", pg_server.url(bureau), "--out", str(dump))
    assert code == 0, err
    if "已用 pg_dump 导出" in out:
        assert dump.stat().st_size > 0
    else:
        assert "没有 pg_dump" in out


def test_the_session_says_who_is_logged_in(pg_server: Server, bureau: str):
    with Workspace.open(pg_server.url(bureau, "fazhi", "fz-pw")) as ws:
        assert ws.account.describe() == "fazhi（科室账号：法制科）"
        view = ws.plans.view()
        mine = {n.code for n in view.items() if ws.account.may_check_in(view.departments_up(n))}
        assert mine == {"1.1", "2.1"}
        assert not ws.account.edits_plan


def test_add_user_asks_for_the_password_when_it_is_left_out(capsys, monkeypatch, pg_server: Server,
                                                            bureau: str):
    answers = iter(["新密码1", "新密码1"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, out, err = run(capsys, "server", "add-user", "renshi", "--role", "leader",
                         "--db", pg_server.admin_url(bureau))
    assert code == 0, err
    assert len(tasks(capsys, pg_server.url(bureau, "renshi", "新密码1"))) == 10
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "server", "add-user", "x2", "--role", "leader",
                       "--db", pg_server.admin_url(bureau))
    assert code == 1 and "--password" in err


def test_an_older_server_schema_is_upgraded_by_init_only(capsys, pg_server: Server):
    from tracker.store import open_server
    from tracker.store.migrations import MIGRATIONS

    name = pg_server.new_database("template0")
    try:
        with open_server(pg_server.admin_url(name), migrations=MIGRATIONS[:2], check=False) as old:
            old.migrate()  # as an older program left it: version 2
        pg_server.admin("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'office2')"
                        " THEN CREATE ROLE office2 LOGIN PASSWORD 'pw' IN ROLE tracker_office;"
                        " END IF; END $$")
        pg_server.admin(f'GRANT CONNECT ON DATABASE "{name}" TO office2')
        code, _, err = run(capsys, "plans", "--db", pg_server.url(name, "office2", "pw"))
        assert code == 1 and f"2 → {len(MIGRATIONS)}" in err and "server init" in err
        code, out, err = run(capsys, "server", "init", pg_server.admin_url(name))
        assert code == 0 and f"架构版本 {len(MIGRATIONS)}（原为 2）" in out, err
        assert run(capsys, "plans", "--db", pg_server.url(name, "office2", "pw"))[0] == 0
    finally:
        pg_server.drop(name)


def test_on_a_terminal_a_login_without_a_password_is_asked_for_it(
        capsys, monkeypatch, tmp_path, pg_server: Server, bureau: str):
    """A department's script runs with the address only; on a terminal the password is asked
    (again when it is wrong, three tries), without a terminal it is one line saying where to put it."""
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    address = pg_server.url(bureau, "fazhi", "x").replace(":x@", "@")
    asked: list[str] = []
    answers = iter(["错的", "fz-pw"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": asked.append(prompt) or next(answers))
    code, _, err = run(capsys, "checkin", "1.1", "--progress", "30", "--date", "2018-03-01", "--db", address)
    assert code == 0, err
    assert asked == ["fazhi 的密码：", "fazhi 的密码："] and "密码不对" in err
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "错的")
    code, _, err = run(capsys, "tasks", "--json", "--db", address)
    assert code == 1 and "密码不对" in err.strip().splitlines()[-1]
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, "tasks", "--json", "--db", address)
    assert code == 1 and "需要密码" in err and "pgpass" in err and len(err.strip().splitlines()) == 1
