"""The Debian servers of production mode, run as our own child processes:
PostgreSQL (tracker store, review tables) and Redis (lock store, shared web cache)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import List

from bot.production.settings import DB_USER, REVIEW_DB, TRACKER_DB, ProdSettings
from bot.stack import Service, StackError


class MissingServer(StackError):
    """A Debian package that production mode needs is not installed."""


def postgres_bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
    if not found:
        raise MissingServer("PostgreSQL is not installed; run scripts/setup-prod.sh")
    return Path(found[-1]).parent


def which(program: str) -> str:
    path = shutil.which(program) or next(
        (p for p in (f"/usr/sbin/{program}", f"/usr/bin/{program}") if os.access(p, os.X_OK)), None
    )
    if path is None:
        raise MissingServer(f"{program} is not installed; run scripts/setup-prod.sh")
    return path


def servers_installed() -> bool:
    try:
        postgres_bin_dir(), which("redis-server"), which("nginx")
    except MissingServer:
        return False
    return True


def as_postgres_user(command: List[str]) -> List[str]:
    """PostgreSQL refuses to run as root: as root we run it as the 'postgres' account."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def give_to_postgres(path: Path) -> None:
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        os.chown(path, account.pw_uid, account.pw_gid)


class Postgres(Service):
    """One PostgreSQL cluster under var/prod/postgres, listening on 127.0.0.1 only."""

    def __init__(self, settings: ProdSettings) -> None:
        self.settings = settings
        self.data = settings.data_dir / "postgres"
        self.sockets = settings.data_dir / "run"
        bin_dir = postgres_bin_dir()
        self.bin_dir = bin_dir
        super().__init__(
            name="PostgreSQL",
            command=as_postgres_user([
                str(bin_dir / "postgres"), "-D", str(self.data),
                "-p", str(settings.db_port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", f"unix_socket_directories={self.sockets}",
                "-c", "max_connections=200",
            ]),
            health_url="",
            log_path=settings.log_dir / "postgres.log",
        )

    def initialise(self) -> None:
        """Creates the cluster once, with password login for our account only."""
        self.sockets.mkdir(parents=True, exist_ok=True)
        give_to_postgres(self.sockets)
        if (self.data / "PG_VERSION").exists():
            return
        self.data.mkdir(parents=True, exist_ok=True)
        give_to_postgres(self.data)
        os.chmod(self.data, 0o700)
        with tempfile.NamedTemporaryFile("w", suffix=".pw", delete=False) as pwfile:
            pwfile.write(self.settings.db_password + "\n")
        try:
            give_to_postgres(Path(pwfile.name))
            done = subprocess.run(
                as_postgres_user([
                    str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", DB_USER,
                    "--auth=scram-sha-256", f"--pwfile={pwfile.name}",
                    "--encoding=UTF8", "--locale=C.UTF-8",
                ]),
                capture_output=True, text=True,
            )
        finally:
            os.unlink(pwfile.name)
        if done.returncode != 0:
            shutil.rmtree(self.data, ignore_errors=True)
            raise StackError(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")

    def is_ready(self) -> bool:
        import psycopg2

        try:
            psycopg2.connect(self.settings.db_url("postgres"), connect_timeout=2).close()
        except psycopg2.OperationalError as problem:
            if "password authentication failed" in str(problem):
                raise StackError(
                    f"{self.data} was made with another PROD_DB_PASSWORD. Put the old password"
                    " back in .env, or delete that folder to start with empty databases."
                ) from problem
            return False
        return True

    def create_databases(self) -> None:
        import psycopg2

        connection = psycopg2.connect(self.settings.db_url("postgres"))
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                for name in (TRACKER_DB, REVIEW_DB):
                    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
                    if cursor.fetchone() is None:
                        cursor.execute(f'CREATE DATABASE "{name}"')
        finally:
            connection.close()

    def stop(self, timeout: float = 30) -> None:
        """Fast shutdown (SIGINT): open connections are closed, data is flushed."""
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGINT)
                self.process.wait(timeout=timeout)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        super().stop()


class Redis(Service):
    """Redis on 127.0.0.1 for Rasa's lock store and the web app's shared cache.
    Locks and caches need no persistence, so nothing is saved to disk."""

    def __init__(self, settings: ProdSettings) -> None:
        self.port = settings.redis_port
        directory = settings.data_dir / "redis"
        directory.mkdir(parents=True, exist_ok=True)
        super().__init__(
            name="Redis",
            command=[
                which("redis-server"), "--port", str(settings.redis_port), "--bind", "127.0.0.1",
                "--dir", str(directory), "--save", "", "--appendonly", "no",
                "--protected-mode", "yes",
            ],
            health_url="",
            log_path=settings.log_dir / "redis.log",
        )

    def is_ready(self) -> bool:
        import redis

        try:
            return bool(redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2).ping())
        except redis.RedisError:
            return False
