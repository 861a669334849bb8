"""A throwaway PostgreSQL cluster for the suite: initdb + pg_ctl in a temp folder, unix socket only.

``initdb`` refuses to run as root, so under root the cluster runs as the unprivileged ``nobody``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

SUPERUSER = "mediseal"
PORT = 54329


def find_server_bin() -> Path | None:
    """The folder holding initdb/pg_ctl: on PATH, where ``pg_config --bindir`` says, or Debian's."""
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    pg_config = shutil.which("pg_config")
    if pg_config:
        bindir = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip()
        if bindir and (Path(bindir) / "initdb").exists():
            return Path(bindir)
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


@dataclass
class PostgresCluster:
    bindir: Path
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="mediseal-pg-")))
    _counter: int = 0
    _admin: Engine | None = None

    @property
    def socket_dir(self) -> Path:
        return self.root

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, object] = {}
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            kwargs = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
        env = {"PATH": os.environ.get("PATH", ""), "LANG": "C", "LC_ALL": "C"}
        result = subprocess.run(args, cwd=self.root, env=env, capture_output=True, text=True,
                                timeout=120, **kwargs)  # type: ignore[call-overload]
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {result.stdout}\n{result.stderr}")
        return result

    def start(self) -> None:
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            os.chown(self.root, nobody.pw_uid, nobody.pw_gid)
        data = self.root / "data"
        self._run(str(self.bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
                  "--encoding=UTF8", "--locale=C", "--no-sync")
        options = (f"-k {self.socket_dir} -c listen_addresses='' -p {PORT} -F "
                   "-c full_page_writes=off -c max_connections=200")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.root / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.dispose()
            self._admin = None
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate",
                      "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.socket_dir}&port={PORT}"

    def new_database_name(self) -> str:
        self._counter += 1
        return f"test_{self._counter}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE) on the maintenance database."""
        if self._admin is None:
            self._admin = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with self._admin.connect() as connection:
            connection.execute(text(sql))

    def create_database(self, template: str | None = None) -> str:
        """A new database, empty or a copy of ``template``; returns its name.

        A copy by files (PostgreSQL 15+ ``STRATEGY FILE_COPY``) takes half the time of the default
        WAL-logged one for a small template: no WAL is worth writing for a throwaway database."""
        name = self.new_database_name()
        if template is None:
            self.admin(f"CREATE DATABASE {name}")
        else:
            strategy = " STRATEGY FILE_COPY" if self._server_version() >= 150000 else ""
            self.admin(f"CREATE DATABASE {name} TEMPLATE {template}{strategy}")
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def _server_version(self) -> int:
        if self._admin is None:
            self.admin("SELECT 1")
        assert self._admin is not None
        with self._admin.connect() as connection:
            return int(connection.execute(text("SHOW server_version_num")).scalar_one())
