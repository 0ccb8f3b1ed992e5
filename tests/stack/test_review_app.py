"""The review app against conversations held through the running bot: the widget's
chat endpoint, the real Rasa server and action server, the SQL tracker store."""

import csv
import io
import json
import re
import sqlite3
import uuid

import pytest
import requests
import yaml

from tests.stack.conftest import WEB_PORT

pytestmark = pytest.mark.stack
WEB = f"http://localhost:{WEB_PORT}"
VACANCY = {"pagina": "vacature", "vacature_id": "VAC-STACK-7", "titel": "Leerling-monteur",
           "werkgever": "Voorbeeld BV"}


def say(sender, message, metadata=None):
    reply = requests.post(f"{WEB}/api/chat", json={"sender": sender, "id": uuid.uuid4().hex, "message": message,
                                                   "metadata": metadata or {"pagina": "site"}}, timeout=60)
    assert reply.status_code == 200, reply.text
    return reply.json()


def tracker_events(stack, sender):
    reply = requests.get(f"http://localhost:{stack.settings.rasa_port}/conversations/{sender}/tracker",
                         params={"token": stack.settings.api_token}, timeout=30)
    return reply.json()["events"]


def stored_events(stack, sender):
    with sqlite3.connect(stack.settings.tracker_db) as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


@pytest.fixture(scope="module")
def conversations(stack):
    """Three side-entrants: a salary doubter on the site, an older visitor from a
    vacancy page who types HTML and a phone number, and someone the bot does not get."""
    doubter, visitor, lost = (uuid.uuid4().hex for _ in range(3))
    say(doubter, "/greet")
    say(doubter, "ik ben bang dat ik er qua salaris op achteruit ga")
    say(doubter, "wat verdient een elektricien")
    say(visitor, "/greet", VACANCY)
    say(visitor, "ben ik niet te oud om nog om te scholen? ik ben 54", VACANCY)
    say(visitor, "<script>alert('x')</script> bel me op 06-12345678", VACANCY)
    say(lost, "qwfp zxcv brrr")
    return {"doubter": doubter, "visitor": visitor, "lost": lost}


@pytest.fixture(scope="module")
def staff(stack, staff_account):
    session = requests.Session()
    login = session.get(f"{WEB}/review/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    done = session.post(f"{WEB}/review/login/", data={
        "csrfmiddlewaretoken": token, "username": staff_account[0], "password": staff_account[1], "next": "/review/",
    }, timeout=30)
    assert done.url.endswith("/review/") and "Gesprekken" in done.text
    return session


def senders_on(staff, query):
    reply = staff.get(f"{WEB}/review/?{query}", timeout=60)
    assert reply.status_code == 200 and "/login/" not in reply.url, reply.url
    page = reply.text
    return set(re.findall(r'data-gesprek="([^"]+)"', page))


def csrf(session):
    return session.cookies.get("csrftoken")


def test_anonymous_visitors_get_the_login_page(stack):
    for path in ("/review/", "/review/grafieken/", "/review/export.csv", "/review/export.json",
                 "/review/correcties/nlu.yml", "/review/gesprek/iemand/", "/review/gesprek/iemand/story.yml"):
        reply = requests.get(WEB + path, timeout=30)
        assert reply.url.startswith(f"{WEB}/review/login/?next="), path
        assert 'name="password"' in reply.text
    post = requests.post(f"{WEB}/review/gesprek/iemand/wissen/", timeout=30)
    assert post.status_code == 403  # no CSRF token, no session: refused before anything happens


def test_filters_find_the_right_real_conversations(staff, conversations):
    ours = set(conversations.values())
    assert ours <= senders_on(staff, "")
    assert senders_on(staff, "bron=vacature&vacature=VAC-STACK-7") == {conversations["visitor"]}
    assert conversations["doubter"] in senders_on(staff, "belief=belief_salary_drop")
    assert conversations["visitor"] not in senders_on(staff, "belief=belief_salary_drop")
    assert conversations["visitor"] in senders_on(staff, "belief=belief_too_old")
    fallback = senders_on(staff, "probleem=fallback")
    assert conversations["lost"] in fallback and conversations["doubter"] not in fallback
    assert senders_on(staff, "q=elektricien+verdient") & ours == {conversations["doubter"]}
    assert senders_on(staff, "q=06-12345678") & ours == set()  # masked, not searchable


def test_transcript_shows_what_rasa_predicted_and_masks(stack, staff, conversations):
    sender = conversations["visitor"]
    page = staff.get(f"{WEB}/review/gesprek/{sender}/", timeout=60).text
    events = tracker_events(stack, sender)
    for event in events:
        if event["event"] == "user" and not event["text"].startswith("/"):
            assert event["parse_data"]["intent"]["name"] in page
    assert "06-12345678" not in page and "[telefoonnummer verborgen]" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "VAC-STACK-7" in page and "action_welcome" in page


def test_exports_match_the_tracker_store(stack, staff, conversations):
    sender = conversations["doubter"]
    rows = list(csv.DictReader(io.StringIO(staff.get(f"{WEB}/review/export.csv?bron=vacature&vacature=VAC-STACK-7",
                                                     timeout=60).text)))
    assert [r["gesprek"] for r in rows] == [conversations["visitor"]]
    exported = {c["gesprek"]: c for c in staff.get(f"{WEB}/review/export.json", timeout=60).json()}
    intents = [e["parse_data"]["intent"]["name"] for e in tracker_events(stack, sender) if e["event"] == "user"]
    assert [m["intent"] for m in exported[sender]["berichten"] if m["van"] == "gebruiker"] == intents
    bot_texts = [e["text"] for e in tracker_events(stack, sender) if e["event"] == "bot" and e.get("text")]
    assert [m["tekst"] for m in exported[sender]["berichten"] if m["van"] == "bot" and m["tekst"]] == bot_texts
    assert "06-12345678" not in json.dumps(exported)
    story = yaml.safe_load(staff.get(f"{WEB}/review/gesprek/{sender}/story.yml", timeout=60).text)
    steps = story["stories"][0]["steps"]
    assert [s["intent"] for s in steps if "intent" in s] == intents
    actions = [e["name"] for e in tracker_events(stack, sender) if e["event"] == "action"
               and e["name"] not in ("action_listen", "action_session_start")]
    assert [s["action"] for s in steps if "action" in s] == actions


def test_staff_delete_removes_every_event(stack, staff, conversations):
    sender = conversations["lost"]
    page = staff.get(f"{WEB}/review/gesprek/{sender}/", timeout=60)
    assert page.status_code == 200 and stored_events(stack, sender) > 0
    staff.post(f"{WEB}/review/gesprek/{sender}/tags/", data={"tag": "wissen", "csrfmiddlewaretoken": csrf(staff)},
               headers={"Referer": WEB}, timeout=30)
    done = staff.post(f"{WEB}/review/gesprek/{sender}/wissen/", data={"csrfmiddlewaretoken": csrf(staff)},
                      headers={"Referer": WEB}, timeout=30)
    assert "Gesprek gewist" in done.text
    assert stored_events(stack, sender) == 0
    assert sender not in senders_on(staff, "")
    assert staff.get(f"{WEB}/review/gesprek/{sender}/", timeout=30).status_code == 404


def test_the_user_deletes_the_conversation_in_the_chat(stack, staff):
    sender = uuid.uuid4().hex
    say(sender, "/greet")
    say(sender, "wat verdient een elektricien")
    asked = say(sender, "kun je mijn gesprek verwijderen?")
    assert "gewist" not in asked and stored_events(stack, sender) > 0  # it asks first
    assert "Ja, wis alles" in [b["title"] for m in asked["messages"] for b in m["buttons"]]
    done = say(sender, "/affirm")
    assert done["gewist"] is True
    assert "gewist" in " ".join(m["text"] for m in done["messages"])
    assert stored_events(stack, sender) == 0
    assert sender not in senders_on(staff, "")


def test_no_to_the_deletion_question_keeps_everything(stack):
    sender = uuid.uuid4().hex
    say(sender, "/greet")
    say(sender, "wis mijn gegevens")
    before = stored_events(stack, sender)
    kept = say(sender, "nee")
    assert "gewist" not in kept
    assert stored_events(stack, sender) > before


def test_feedback_from_the_chat_reaches_the_review_app(stack, staff):
    sender = uuid.uuid4().hex
    say(sender, "/greet")
    say(sender, "wat verdient een elektricien")
    thanks = say(sender, "top, bedankt!")
    assert "Had je hier iets aan?" in " ".join(m["text"] for m in thanks["messages"])
    payloads = [b["payload"] for m in thanks["messages"] for b in m["buttons"]]
    assert '/feedback{"feedback_score": "goed"}' in payloads
    say(sender, '/feedback{"feedback_score": "goed"}')
    say(sender, "Heel duidelijk, vooral het salaris. Mail me: a.b@example.nl")
    assert sender in senders_on(staff, "feedback=goed")
    assert sender in senders_on(staff, "feedback=met")
    assert sender not in senders_on(staff, "feedback=slecht")
    page = staff.get(f"{WEB}/review/gesprek/{sender}/", timeout=60).text
    assert "Heel duidelijk, vooral het salaris. Mail me: [e-mail verborgen]" in page
