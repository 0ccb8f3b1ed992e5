"""`overstapcoach run-prod` (what `make run-prod` calls): it starts everything, starts a
crashed process again, and one Ctrl-C (or two) stops every process it started."""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests

from bot.settings import ROOT
from tests.prod.conftest import listening_sockets

pytestmark = pytest.mark.prod
PUBLIC, BASE, DB, REDIS = 19080, 19100, 19432, 19379


def wait_for(condition, seconds, run, log):
    deadline = time.monotonic() + seconds
    while not condition():
        assert run.poll() is None, log.read_text()[-3000:]
        assert time.monotonic() < deadline, log.read_text()[-3000:]
        time.sleep(1)


def pid_listening(port):
    """The pid of the process that listens on a local TCP port (from /proc)."""
    inodes = {inode for _, inode in listening_sockets(port)}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            links = {os.readlink(fd) for fd in (proc / "fd").iterdir()}
        except OSError:
            continue
        if any(f"socket:[{inode}]" in links for inode in inodes):
            return int(proc.name)
    return None


def test_run_prod_restarts_what_crashes_and_ctrl_c_stops_everything():
    data = Path(tempfile.mkdtemp(prefix="overstapcoach-runprod-"))
    data.chmod(0o755)  # the postgres account must reach its data folder
    env = dict(os.environ, PROD_PORT=str(PUBLIC), PROD_PORT_BASE=str(BASE), PROD_DB_PORT=str(DB),
               PROD_REDIS_PORT=str(REDIS), PROD_DATA_DIR=str(data), PROD_RASA_REPLICAS="1",
               PROD_WEB_REPLICAS="1", PROD_DB_PASSWORD="run-prod-test-password",
               RASA_API_TOKEN="run-prod-test")
    log = data / "run.log"
    with open(log, "w") as out:
        run = subprocess.Popen([str(Path(sys.executable).parent / "overstapcoach"), "run-prod"], cwd=ROOT,
                               env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(lambda: "is ready" in log.read_text(), 300, run, log)
        assert f"http://localhost:{PUBLIC}/api/chat" in log.read_text()
        reply = requests.post(f"http://127.0.0.1:{PUBLIC}/api/chat", timeout=60,
                              json={"sender": "run-prod-1", "id": "m1", "message": "hoi", "metadata": {}})
        assert "digitale coach" in reply.json()["messages"][0]["text"]

        crashed = pid_listening(BASE + 11)  # the first action server
        os.kill(crashed, signal.SIGKILL)
        wait_for(lambda: "action server 1 stopped; starting it again" in log.read_text(), 30, run, log)
        wait_for(lambda: pid_listening(BASE + 11) not in (None, crashed), 60, run, log)

        os.kill(run.pid, signal.SIGINT)  # Ctrl-C, and an impatient second one
        time.sleep(0.5)
        os.kill(run.pid, signal.SIGINT)
        assert run.wait(timeout=120) == 0
        for port in (PUBLIC, BASE, BASE + 1, BASE + 10, BASE + 11, BASE + 12, BASE + 21, DB, REDIS):
            assert pid_listening(port) is None, port
        assert subprocess.run(["pgrep", "-f", str(data)], capture_output=True).stdout == b""
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
        subprocess.run(["pkill", "-9", "-f", str(data)])
        subprocess.run(["rm", "-rf", str(data)])
