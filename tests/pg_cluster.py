"""A throw-away PostgreSQL cluster for tests and benchmarks: initdb + pg_ctl in a temp folder.

Debian's postgresql packages keep initdb and pg_ctl in a versioned folder that is not on PATH
(/usr/lib/postgresql/15/bin). PostgreSQL refuses to run as root, so as root the cluster runs as
the `postgres` system user (runuser), in a folder that user owns.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ADMIN_PASSWORD = "admin-pw"


def find_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: $TRACKER_PG_BIN, PATH, or the newest Debian one."""
    env = os.environ.get("TRACKER_PG_BIN", "").strip()
    if env and (Path(env) / "initdb").exists():
        return Path(env)
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent  # a link into the versioned folder: that folder
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    folder: Path
    port: int
    bin: Path
    as_user: str | None

    def url(self, dbname: str = "postgres", user: str = "postgres", password: str = ADMIN_PASSWORD) -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{dbname}"

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop",
                  check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Cluster:
    """initdb, then pg_ctl start on a free port; password login over TCP (scram)."""
    bin_dir = find_bin()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL is not installed (no initdb found)")
    as_user = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="tracker-pg-"))
    pwfile = folder / "pw"
    pwfile.write_text(ADMIN_PASSWORD + "\n")
    if as_user:
        shutil.chown(folder, as_user)
        shutil.chown(pwfile, as_user)
    cluster = Cluster(folder, _free_port(), bin_dir, as_user)
    try:
        cluster._run(str(bin_dir / "initdb"), "-D", str(cluster.data), "-U", "postgres",
                     f"--pwfile={pwfile}", "--auth-host=scram-sha-256", "--auth-local=trust",
                     "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-p {cluster.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
                   " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        cluster._run(str(bin_dir / "pg_ctl"), "-D", str(cluster.data), "-o", options,
                     "-l", str(folder / "log"), "-w", "start")
    except BaseException:
        cluster.stop()
        raise
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", cluster.port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    return cluster
