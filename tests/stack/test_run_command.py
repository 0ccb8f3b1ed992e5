"""`overstapcoach run` (what `make run` calls) starts everything and Ctrl-C stops it all."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from bot.settings import ROOT

pytestmark = pytest.mark.stack

RASA_PORT, ACTION_PORT = 16005, 16055


def answers(url):
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


def test_run_prints_urls_and_ctrl_c_stops_every_process(tmp_path):
    env = dict(os.environ, RASA_PORT=str(RASA_PORT), ACTION_PORT=str(ACTION_PORT),
               ACTION_ENDPOINT_URL=f"http://localhost:{ACTION_PORT}/webhook",
               TRACKER_DB=str(tmp_path / "tracker.db"), RASA_API_TOKEN="run-test")
    log = open(tmp_path / "run.log", "w+")
    run = subprocess.Popen([str(Path(sys.executable).parent / "overstapcoach"), "run"], cwd=ROOT,
                           env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        while "is ready" not in (tmp_path / "run.log").read_text() and time.monotonic() < deadline:
            assert run.poll() is None, (tmp_path / "run.log").read_text()
            time.sleep(1)
        output = (tmp_path / "run.log").read_text()
        assert f"http://localhost:{RASA_PORT}/webhooks/rest/webhook" in output
        assert "curl -s -X POST" in output
        reply = requests.post(f"http://localhost:{RASA_PORT}/webhooks/rest/webhook",
                              json={"sender": "run-test", "message": "hoi"}, timeout=30).json()
        assert "digitale coach" in reply[0]["text"]

        os.kill(run.pid, signal.SIGINT)  # what Ctrl-C sends
        assert run.wait(timeout=60) == 0
        assert not answers(f"http://localhost:{ACTION_PORT}/health")
        assert not answers(f"http://localhost:{RASA_PORT}/")
        leftovers = subprocess.run(["pgrep", "-f", f"--port {RASA_PORT}|--port {ACTION_PORT}"],
                                   capture_output=True, text=True).stdout
        assert leftovers == ""
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
        log.close()
