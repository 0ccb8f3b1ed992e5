"""The pages and actions staff use, on conversations Rasa's tracker store holds."""

import csv
import io
import json

import yaml

from bot.review import tracker_store
from bot.review.models import Conversation, Flag, Note
from tests.bot.review.conftest import confused_vacancy_visitor, salary_doubter


def test_list_shows_conversations_with_their_labels(tracker, staff_client):
    salary_doubter(tracker)
    confused_vacancy_visitor(tracker)
    page = staff_client.get("/review/").content.decode()
    assert "(2 gevonden)" in page
    assert "Vacature VAC-123" in page and "niet begrepen" in page
    filtered = staff_client.get("/review/?bron=vacature").content.decode()
    assert "(1 gevonden)" in filtered


def test_bad_filters_get_a_message_not_an_error(tracker, staff_client):
    response = staff_client.get("/review/?van=morgen&sort=x")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Van: Voer een geldige datum in." in page and "Sorteer: Selecteer een geldige keuze" in page


def test_pagination(tracker, staff_client):
    for n in range(30):
        tracker.conversation(f"veel-{n:03d}", [("user", f"vraag {n}", "ask_salary", 0.9)])
    first = staff_client.get("/review/").content.decode()
    assert "Pagina 1 van 2" in first and first.count("data-gesprek=") == 25
    second = staff_client.get("/review/?page=2").content.decode()
    assert second.count("data-gesprek=") == 5


def test_transcript_shows_nlu_slots_and_metadata_masked(tracker, staff_client):
    confused_vacancy_visitor(tracker)
    page = staff_client.get("/review/gesprek/vacature-verward-002/").content.decode()
    assert "belief_too_old" in page and "zekerheid 0,52" in page
    assert "06-12345678" not in page and "[telefoonnummer verborgen]" in page
    assert "voorgestelde_beroepen" in page and "VAC-123" in page
    assert "Coach · action_trajectory" in page


def test_user_html_is_shown_as_text_everywhere(tracker, staff_client):
    confused_vacancy_visitor(tracker)
    for url in ("/review/", "/review/gesprek/vacature-verward-002/", "/review/?q=script"):
        page = staff_client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in page, url
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in staff_client.get("/review/gesprek/vacature-verward-002/").content.decode()


def test_tag_note_flag_and_review(tracker, staff_client):
    salary_doubter(tracker)
    url = "/review/gesprek/salaris-twijfel-001/"
    staff_client.get(url)
    staff_client.post(url + "tags/", {"tag": "  Salaris  Vraag "})
    staff_client.post(url + "notities/", {"text": "Goed voorbeeld voor de training."})
    conversation = Conversation.objects.get()
    event = next(e for e in tracker_store.events_of([conversation.sender_id])
                 if e.type_name == "user" and e.data["text"].startswith("wat verdient"))
    staff_client.post(url + "markeer/", {"event_id": event.id, "correct_intent": "ask_salary"})
    staff_client.post(url + "bekeken/", {"bekeken": "1"})
    conversation.refresh_from_db()
    assert [t.name for t in conversation.tags.all()] == ["salaris vraag"]
    assert Note.objects.get().text == "Goed voorbeeld voor de training."
    flag = Flag.objects.get()
    assert (flag.predicted_intent, flag.correct_intent) == ("ask_salary", "ask_salary")
    assert flag.text == "wat verdient een [loodgieter](beroep) in [twente](regio)"
    assert conversation.reviewed and conversation.reviewed_by.username == "coach-team"
    page = staff_client.get(url).content.decode()
    assert "salaris vraag" in page and "Goed voorbeeld" in page and "Gemarkeerd: juiste intent" in page


def test_bad_edits_get_a_clear_message_and_change_nothing(tracker, staff_client):
    salary_doubter(tracker)
    url = "/review/gesprek/salaris-twijfel-001/"
    staff_client.get(url)
    assert "1 tot 40 letters" in staff_client.post(url + "tags/", {"tag": "<b>"}, follow=True).content.decode()
    too_long = staff_client.post(url + "notities/", {"text": "x" * 2001}, follow=True).content.decode()
    assert "hoogstens 2000 tekens" in too_long
    user_event = next(e.id for e in tracker_store.events_of(["salaris-twijfel-001"]) if e.type_name == "user")
    assert "uit de lijst" in staff_client.post(url + "markeer/", {"event_id": user_event, "correct_intent": "verzonnen"},
                                               follow=True).content.decode()
    assert "niet vinden" in staff_client.post(url + "markeer/", {"event_id": 1}, follow=True).content.decode()
    assert "niet vinden" in staff_client.post(url + "markeer/", {"event_id": "abc"}, follow=True).content.decode()
    assert not Note.objects.exists() and not Flag.objects.exists()
    assert staff_client.get("/review/gesprek/bestaat-niet/").status_code == 404


def test_staff_delete_removes_every_event_and_annotation(tracker, staff_client):
    salary_doubter(tracker)
    confused_vacancy_visitor(tracker)
    url = "/review/gesprek/salaris-twijfel-001/"
    staff_client.get(url)
    staff_client.post(url + "tags/", {"tag": "wissen"})
    staff_client.post(url + "notities/", {"text": "notitie"})
    assert "Dit kun je niet terugdraaien" in staff_client.get(url + "wissen/").content.decode()
    staff_client.post(url + "wissen/")
    assert tracker_store.count_events("salaris-twijfel-001") == 0
    assert not Conversation.objects.filter(sender_id="salaris-twijfel-001").exists()
    assert not Note.objects.exists()
    assert tracker_store.count_events("vacature-verward-002") > 0  # the other one stays
    assert "(1 gevonden)" in staff_client.get("/review/").content.decode()


def test_csv_and_json_exports_match_the_filtered_list(tracker, staff_client):
    salary_doubter(tracker)
    confused_vacancy_visitor(tracker)
    staff_client.get("/review/")
    rows = list(csv.DictReader(io.StringIO(b"".join(staff_client.get("/review/export.csv?bron=vacature").streaming_content).decode())))
    assert [r["gesprek"] for r in rows] == ["vacature-verward-002"]
    assert rows[0]["twijfels"] == "belief_too_old" and rows[0]["niet_begrepen"] == "True"
    everything = json.loads(b"".join(staff_client.get("/review/export.json").streaming_content))
    assert {c["gesprek"] for c in everything} == {"salaris-twijfel-001", "vacature-verward-002"}
    doubter = next(c for c in everything if c["gesprek"] == "salaris-twijfel-001")
    assert doubter["feedback_opmerking"] == "Heel duidelijk, mail me op [e-mail verborgen]"
    assert [m["intent"] for m in doubter["berichten"] if m["van"] == "gebruiker"] == [
        "greet", "belief_salary_drop", "ask_salary", "thank", "feedback"]
    dumped = json.dumps(everything)
    assert "06-12345678" not in dumped and "jan@example.nl" not in dumped


def test_csv_cells_cannot_become_spreadsheet_formulas(tracker, staff_client):
    tracker.conversation("formule-005", [("user", "=HYPERLINK(\"http://x\")", "out_of_scope", 0.5)])
    staff_client.get("/review/")
    text = b"".join(staff_client.get("/review/export.csv").streaming_content).decode()
    assert "'=HYPERLINK" in text


def test_story_export_is_a_rasa_test_story_of_the_conversation(tracker, staff_client):
    salary_doubter(tracker)
    staff_client.get("/review/")
    text = staff_client.get("/review/gesprek/salaris-twijfel-001/story.yml").content.decode()
    story = yaml.safe_load(text)["stories"][0]
    users = [s for s in story["steps"] if "intent" in s]
    assert [s["intent"] for s in users] == ["greet", "belief_salary_drop", "ask_salary", "thank", "feedback"]
    assert users[2]["user"].startswith("wat verdient een [loodgieter](beroep)")
    assert users[4] == {"intent": "feedback", "entities": [{"feedback_score": "goed"}]}
    assert [s["action"] for s in story["steps"] if "action" in s] == [
        "action_welcome", "action_answer_belief", "action_salary", "utter_thank"]
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader

    steps = YAMLStoryReader().read_from_string(text)
    assert len(steps) == 1


def test_corrections_export_is_rasa_nlu_data(tracker, staff_client):
    confused_vacancy_visitor(tracker)
    staff_client.get("/review/")
    events = [e for e in tracker_store.events_of(["vacature-verward-002"]) if e.type_name == "user"]
    url = "/review/gesprek/vacature-verward-002/markeer/"
    staff_client.post(url, {"event_id": events[1].id, "correct_intent": "out_of_scope"})
    staff_client.post(url, {"event_id": events[2].id, "correct_intent": "belief_too_old"})
    staff_client.post(url, {"event_id": events[3].id})  # flagged, no intent chosen yet
    text = staff_client.get("/review/correcties/nlu.yml").content.decode()
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    data = RasaYAMLReader().reads(text)
    examples = {(m.get("intent"), m.get("text")) for m in data.intent_examples}
    assert examples == {
        ("out_of_scope", "blabla qwerty <script>alert(1)</script>"),
        ("belief_too_old", "ben ik niet te oud, bel me op [telefoonnummer verborgen]"),
    }
    page = staff_client.get("/review/correcties/").content.decode()
    assert "2 van de 3 markeringen" in page and "<script>alert" not in page


def test_charts_count_the_filtered_set_and_escape_labels(tracker, staff_client):
    salary_doubter(tracker)
    confused_vacancy_visitor(tracker)
    page = staff_client.get("/review/grafieken/").content.decode()
    for title in ("Gesprekken per dag", "Meest genoemde twijfels", "Meest voorkomende intents", "niet-begrepen",
                  "Waar gesprekken eindigen", "Feedback van gebruikers", "Voorgestelde trajecten", "Gesprekken per vacature"):
        assert title in page
    assert page.count("<svg") == 8
    assert "50% van alle 2 gesprekken" in page and "50% positief van 2 beoordelingen" in page
    only_vacancy = staff_client.get("/review/grafieken/?bron=vacature").content.decode()
    assert "(1 gesprekken)" in only_vacancy and "warmtepompmonteur" in only_vacancy


def test_before_rasa_made_its_database_the_list_is_empty_and_no_file_appears(staff_client, tmp_path, monkeypatch):
    missing = tmp_path / "nog-niet" / "tracker.db"
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{missing}")
    page = staff_client.get("/review/")
    assert page.status_code == 200 and "(0 gevonden)" in page.content.decode()
    assert not missing.exists() and not missing.parent.exists()
