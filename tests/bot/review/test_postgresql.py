"""The review app on PostgreSQL (production mode): a throwaway cluster, Rasa's own
SQLTrackerStore writing to it, the review app reading it and keeping its own tables there.
Runs where PostgreSQL's server programs are installed (the production-mode setup does that)."""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
BIN = next((p for p in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None) \
    if Path("/usr/lib/postgresql").exists() else None

pytestmark = pytest.mark.skipif(BIN is None or not (BIN / "initdb").exists(),
                                reason="PostgreSQL server programs are not installed")


def as_postgres(command):
    """initdb and postgres refuse to run as root: run them as the postgres user then."""
    return (["runuser", "-u", "postgres", "--"] + command) if os.geteuid() == 0 else command


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres():
    folder = Path(tempfile.mkdtemp(prefix="overstapcoach-pg-"))
    folder.chmod(0o777)
    data, port = folder / "data", free_port()
    subprocess.run(as_postgres([str(BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]),
                   check=True, capture_output=True)
    subprocess.run(as_postgres([str(BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
                                "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1", "start"]),
                   check=True, capture_output=True)
    try:
        for name in ("tracker", "review"):
            subprocess.run(as_postgres([str(BIN.parent / "bin" / "createdb"), "-h", "127.0.0.1", "-p", str(port),
                                        "-U", "postgres", name]), check=True, capture_output=True)
        yield port
    finally:
        subprocess.run(as_postgres([str(BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def test_review_app_reads_rasas_postgres_tracker_store_and_keeps_its_tables_there(postgres):
    env = dict(os.environ, PYTHONPATH=str(ROOT),
               TRACKER_DB_URL=f"postgresql://postgres@127.0.0.1:{postgres}/tracker",
               REVIEW_DB_URL=f"postgresql://postgres@127.0.0.1:{postgres}/review")
    done = subprocess.run([sys.executable, "-m", "tests.bot.review.postgres_roundtrip", "127.0.0.1", str(postgres),
                           "tracker"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["synced"] == 2
    assert result["vacature"] == ["vacature-verward-002"]
    assert result["belief"] == ["salaris-twijfel-001"]
    assert result["search"] == ["salaris-twijfel-001"]
    assert result["fallback"] == ["vacature-verward-002"]
    assert result["deleted_events"] > 10 and result["left_events"] == 0
    assert result["left_rows"] == ["vacature-verward-002"] and result["notes"] == 0
