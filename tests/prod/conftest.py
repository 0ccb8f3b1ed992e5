"""Production mode for real: PostgreSQL, Redis, 2 Rasa servers, 2 action servers and
2 web apps behind nginx, started once for all tests in this folder on their own ports.

Runs when the setup installed the servers (scripts/setup-prod.sh, which CI runs);
skipped with the reason otherwise."""

import json
import secrets
import shutil
import tempfile
from pathlib import Path

import psycopg2
import pytest
import requests

from bot.production.servers import servers_installed
from bot.production.settings import ProdSettings
from bot.production.stack import ProdStack
from bot.settings import MODEL_PATH, ROOT, load_environment

PUBLIC = 17080
TOKEN = "prod-test-token"


def pytest_configure(config):
    config.addinivalue_line("markers", "prod: production mode behind nginx (started by the fixture)")


def pytest_collection_modifyitems(config, items):
    if servers_installed():
        return
    skip = pytest.mark.skip(reason="PostgreSQL, Redis or nginx missing: run scripts/setup-prod.sh")
    for item in items:
        if "tests/prod/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def prod():
    if not MODEL_PATH.exists():
        pytest.fail("No trained model: run `make train` first (make test does).")
    data = Path(tempfile.mkdtemp(prefix="overstapcoach-prod-"))
    data.chmod(0o755)  # the postgres account must reach its data folder
    env = load_environment()
    env.update(RASA_API_TOKEN=TOKEN, PROD_CHAT_RATE="5", PROD_RATE_EXEMPT="")
    settings = ProdSettings(
        public_port=PUBLIC, port_base=17100, db_port=17432, redis_port=17379,
        db_password=secrets.token_urlsafe(16), api_token=TOKEN, data_dir=data,
    )
    stack = ProdStack(settings, env)
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()
        kept = ROOT / "reports" / "prod-logs"  # for reading after a failure
        shutil.rmtree(kept, ignore_errors=True)
        shutil.copytree(settings.log_dir, kept, dirs_exist_ok=True)
        shutil.rmtree(data, ignore_errors=True)


class Visitor:
    """One side-entrant chatting through nginx's public /api/chat, as the widget does."""

    def __init__(self, sender=None):
        self.sender = sender or f"prod-{secrets.token_hex(6)}"
        self.count = 0

    def post(self, message, metadata=None):
        self.count += 1
        body = {"sender": self.sender, "id": f"m{self.count}", "message": message,
                "metadata": metadata or {}}
        return requests.post(f"http://127.0.0.1:{PUBLIC}/api/chat", json=body, timeout=60)

    def say(self, message, metadata=None):
        reply = self.post(message, metadata)
        assert reply.status_code == 200, reply.text
        return " ".join(m["text"] for m in reply.json()["messages"])


def tracker(stack, sender, replica=0):
    """Rasa's tracker as one replica sees it (its API is private: asked on 127.0.0.1)."""
    port = stack.settings.rasa_ports[replica]
    reply = requests.get(f"http://127.0.0.1:{port}/conversations/{sender}/tracker",
                         params={"token": TOKEN}, timeout=30)
    reply.raise_for_status()
    return reply.json()


def user_texts(stack, sender):
    """What PostgreSQL holds of this conversation: the user's messages, in order."""
    connection = psycopg2.connect(stack.settings.db_url("tracker"))
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT data FROM events WHERE sender_id = %s AND type_name = 'user'"
                           " ORDER BY id", (sender,))
            return [json.loads(row[0])["text"] for row in cursor.fetchall()]
    finally:
        connection.close()


def listening_sockets(port):
    """(address, socket inode) of every socket that listens on this local TCP port,
    read from the kernel's tables: no tool needed."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if fields[3] == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
                if table.endswith("tcp"):  # IPv4, little-endian hex
                    address = ".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0))
                found.append((address, fields[9]))
    return found
