"""Production mode, for real: every request goes through nginx's public port, as a
side-entrant's browser would send it. The order matters at the end of this file: the
login lock-out and the rate limit are tested last, because they lock out 127.0.0.1."""

import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.prod.conftest import PUBLIC, TOKEN, Visitor, listening_sockets, tracker, user_texts

pytestmark = pytest.mark.prod
BASE = f"http://127.0.0.1:{PUBLIC}"


def listening_hosts(port):
    return {address for address, _ in listening_sockets(port)}


def kill(service):
    """Stops a process hard, as a crash would."""
    service.process.send_signal(signal.SIGKILL)
    service.process.wait(timeout=30)


def test_a_conversation_goes_through_nginx_and_both_rasa_replicas_share_it(prod):
    visitor = Visitor()
    assert "Overstapcoach" in visitor.say("hoi")
    visitor.say("ik werk nu in de zorg")
    assert "%" in visitor.say("mijn salaris gaat erop achteruit")
    visitor.say("hoe zit het met opleidingen?")

    # Both replicas read the same tracker from PostgreSQL, whichever one took a message.
    one, two = tracker(prod, visitor.sender, 0), tracker(prod, visitor.sender, 1)
    assert one["slots"]["sector"] == two["slots"]["sector"] == "zorg"
    assert [e["event"] for e in one["events"]] == [e["event"] for e in two["events"]]
    assert user_texts(prod, visitor.sender) == [
        "hoi", "ik werk nu in de zorg", "mijn salaris gaat erop achteruit", "hoe zit het met opleidingen?",
    ]
    # nginx spread the messages over both Rasa replicas.
    log = (prod.settings.log_dir / "nginx-access.log").read_text()
    for port in prod.settings.rasa_ports:
        assert f"/webhooks/rest/webhook 200" in log and f"127.0.0.1:{port}" in log


@pytest.mark.parametrize("path", [
    "/status", "/version", "/model/parse", f"/conversations/x/tracker?token={TOKEN}",
    "/webhooks/rest/webhook", "/socket.io/?EIO=4&transport=polling", "/webhook", "/health", "/actions",
])
def test_rasas_api_and_the_action_servers_are_not_public(prod, path):
    assert requests.get(BASE + path, timeout=10).status_code == 404
    assert requests.post(BASE + path, json={"sender": "x", "message": "hoi"}, timeout=10).status_code == 404


def test_the_public_parts_are_served(prod):
    for path in ("/", "/vacature/voorbeeld/", "/widget.js", "/widget.css", "/review/login/"):
        assert requests.get(BASE + path, timeout=10).status_code == 200, path
    assert requests.get(BASE + "/review/", timeout=10, allow_redirects=False).status_code == 302


def test_every_internal_server_listens_on_loopback_only(prod):
    s = prod.settings
    internal = [s.db_port, s.redis_port, s.rasa_balancer_port, s.action_balancer_port,
                *s.rasa_ports, *s.action_ports, *s.web_ports]
    for port in internal:
        hosts = listening_hosts(port)
        assert hosts and hosts <= {"127.0.0.1"}, (port, hosts)
    assert listening_hosts(PUBLIC) == {"0.0.0.0"}


def test_a_body_over_the_limit_is_refused_by_nginx_in_dutch(prod):
    sender = "prod-oversized-1"
    body = '{"sender": "%s", "id": "m1", "message": "%s"}' % (sender, "a" * 1_000_000)
    reply = requests.post(BASE + "/api/chat", data=body, headers={"Content-Type": "application/json"},
                          timeout=30)
    assert reply.status_code == 413
    assert "te lang" in reply.json()["bericht"]
    assert user_texts(prod, sender) == []


def test_a_rasa_replica_that_crashes_goes_unnoticed(prod):
    visitor = Visitor()
    visitor.say("hoi")
    kill(prod.rasa[0])
    try:
        visitor.say("ik werk in de logistiek")
        for message in ("ik ben bang dat ik te oud ben", "wat verdien je in de techniek?", "ok"):
            assert visitor.say(message)  # every message answered, by the other replica
        assert tracker(prod, visitor.sender, 1)["slots"]["sector"] == "logistiek"
    finally:
        prod.restart(prod.rasa[0])
    assert len(user_texts(prod, visitor.sender)) == 5


def test_an_action_server_that_crashes_goes_unnoticed(prod):
    visitor = Visitor()
    visitor.say("hoi")
    kill(prod.actions[0])
    try:
        for _ in range(3):  # custom actions answer these; nginx skips the dead server
            assert "%" in visitor.say("mijn salaris gaat erop achteruit")
    finally:
        prod.restart(prod.actions[0])


def test_after_a_database_restart_the_conversation_goes_on_with_nothing_lost(prod):
    visitor = Visitor()
    visitor.say("hoi")
    visitor.say("ik werk nu in de horeca")
    before = user_texts(prod, visitor.sender)
    prod.restart(prod.postgres, timeout=60)
    # The very next message is answered: pooled connections are checked before use.
    assert "%" in visitor.say("mijn salaris gaat erop achteruit")
    assert user_texts(prod, visitor.sender) == before + ["mijn salaris gaat erop achteruit"]
    assert tracker(prod, visitor.sender)["slots"]["sector"] == "horeca"


def staff_cli(prod, *args, password=None):
    """`overstapcoach staff ... --prod`, pointed at this test's databases."""
    s = prod.settings
    env = dict(prod.env, PROD_DB_PORT=str(s.db_port), PROD_DB_PASSWORD=s.db_password,
               PROD_REDIS_PORT=str(s.redis_port), PROD_PORT_BASE=str(s.port_base))
    command = [str(Path(sys.executable).parent / "overstapcoach"), "staff", *args, "--prod"]
    return subprocess.run(command, input=(password or "") + "\n", text=True, capture_output=True,
                          env=env, timeout=120)


def log_in(session, username, password):
    page = session.get(BASE + "/review/login/", timeout=10)
    assert page.status_code == 200
    return session.post(BASE + "/review/login/", timeout=10, headers={"Referer": BASE + "/review/login/"},
                        data={"username": username, "password": password,
                              "csrfmiddlewaretoken": session.cookies["csrftoken"]})


def test_the_review_app_shows_conversations_from_postgresql(prod):
    visitor = Visitor()
    visitor.say("hoi")
    visitor.say("ik ben bang dat ik te oud ben")
    done = staff_cli(prod, "add", "prod-staff", "--password-stdin", password="prod-wachtwoord-2026")
    assert done.returncode == 0, done.stderr
    with requests.Session() as session:
        answer = log_in(session, "prod-staff", "prod-wachtwoord-2026")
        assert answer.url.endswith("/review/"), answer.text[:300]
        listing = session.get(BASE + "/review/", timeout=30)
        assert visitor.sender in listing.text
        transcript = session.get(BASE + f"/review/gesprek/{visitor.sender}/", timeout=30)
        assert "ik ben bang dat ik te oud ben" in transcript.text


def test_wrong_passwords_lock_the_account_across_both_web_replicas(prod):
    done = staff_cli(prod, "add", "prod-locked", "--password-stdin", password="prod-wachtwoord-2027")
    assert done.returncode == 0, done.stderr
    with requests.Session() as session:
        for _ in range(5):  # nginx spreads these over both web apps; Redis counts them together
            assert "/review/login/" in log_in(session, "prod-locked", "fout-wachtwoord").url
        answer = log_in(session, "prod-locked", "prod-wachtwoord-2027")
    assert answer.url.endswith("/review/login/")
    assert "Te veel mislukte pogingen" in answer.text


def test_too_many_messages_from_one_client_are_slowed_down_in_dutch(prod):
    visitor = Visitor()
    codes, refused = [], None
    for _ in range(40):  # the limit is 5 per second with a burst of 20
        reply = visitor.post("")  # empty: refused by the web app at once, cheap to send
        codes.append(reply.status_code)
        if reply.status_code == 429:
            refused = reply
    assert 429 in codes and codes[0] == 400
    assert "Wacht even" in refused.json()["bericht"]
