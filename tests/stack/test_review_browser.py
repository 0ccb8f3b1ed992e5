"""Staff use the review app in headless Chromium: log in, filter, open a transcript,
tag, flag, export. Screenshots of the list, a transcript and the charts go to
reports/screenshots/."""

import csv
import io
import uuid
from pathlib import Path

import pytest
import requests

from tests.stack.conftest import WEB_PORT

pytestmark = pytest.mark.stack

ROOT = Path(__file__).resolve().parents[2]
WEB = f"http://localhost:{WEB_PORT}"
SHOTS = ROOT / "reports" / "screenshots"
HOSTILE = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> wat verdient een lasser"


def say(sender, message, metadata):
    reply = requests.post(f"{WEB}/api/chat", json={"sender": sender, "id": uuid.uuid4().hex,
                                                   "message": message, "metadata": metadata}, timeout=60)
    assert reply.status_code == 200


@pytest.fixture(scope="module")
def visitor(stack):
    sender = uuid.uuid4().hex
    metadata = {"pagina": "vacature", "vacature_id": "VAC-BROWSER-1"}
    say(sender, "/greet", metadata)
    say(sender, HOSTILE, metadata)
    say(sender, "ik heb twee linkerhanden, mail me op iemand@example.nl", metadata)
    return sender


@pytest.fixture
def page(browser, stack, staff_account):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="nl-NL", accept_downloads=True)
    opened = context.new_page()
    opened.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    yield opened
    context.close()


def log_in(page, account):
    page.goto(f"{WEB}/review/")
    assert "/review/login/" in page.url
    page.get_by_label("Gebruikersnaam").fill(account[0])
    page.get_by_label("Wachtwoord").fill(account[1])
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Gesprekken").wait_for()


def test_anonymous_visitor_sees_the_login_page(browser, stack):
    context = browser.new_context()
    page = context.new_page()
    for path in ("/review/", "/review/grafieken/", "/review/correcties/", "/review/gesprek/iemand/"):
        page.goto(WEB + path)
        assert page.url.startswith(f"{WEB}/review/login/?next="), path
        assert page.get_by_role("button", name="Inloggen").is_visible()
    for path in ("/review/export.csv", "/review/export.json", "/review/correcties/nlu.yml"):
        reply = page.request.get(WEB + path)
        assert reply.url.startswith(f"{WEB}/review/login/?next="), path
    context.close()


def test_log_in_filter_open_tag_flag_and_export(page, staff_account, visitor):
    SHOTS.mkdir(parents=True, exist_ok=True)
    log_in(page, staff_account)
    page.get_by_label("Bron").select_option("vacature")
    page.get_by_label("Vacature-id").fill("VAC-BROWSER-1")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**bron=vacature**")
    rows = page.locator("tr[data-gesprek]")
    assert rows.count() == 1 and rows.first.get_attribute("data-gesprek") == visitor
    assert "(1 gevonden)" in page.locator("h1").inner_text()
    page.screenshot(path=str(SHOTS / "review-list.png"), full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="Exporteer als CSV").click()
    exported = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert [r["gesprek"] for r in exported] == [visitor]
    assert "iemand@example.nl" not in Path(download.value.path()).read_text(encoding="utf-8")

    rows.first.get_by_role("link").click()
    page.get_by_role("heading", name="Gesprek van").wait_for()
    text = page.locator("section[aria-label='Berichten']").inner_text()
    assert "<script>window.__pwned = 1</script>" in text  # shown as text
    assert page.evaluate("window.__pwned") is None
    assert "iemand@example.nl" not in page.content() and "[e-mail verborgen]" in text

    page.get_by_label("Nieuwe tag").fill("twijfel handigheid")
    page.get_by_role("button", name="Voeg toe").click()
    page.get_by_text("Tag 'twijfel handigheid' toegevoegd.").wait_for()
    assert page.locator("#tags .label.tag").inner_text().startswith("twijfel handigheid")

    message = page.locator("article.gebruiker", has_text="twee linkerhanden")
    message.get_by_text("Markeer dit bericht").click()
    message.get_by_label("Juiste intent").select_option("belief_lack_skills")
    message.get_by_role("button", name="Markeer").click()
    page.get_by_text("Bericht gemarkeerd. Juiste intent: belief_lack_skills.").wait_for()
    assert page.locator("article.gebruiker.gemarkeerd").count() == 1
    page.screenshot(path=str(SHOTS / "review-transcript.png"), full_page=True)

    page.get_by_role("link", name="Correcties").click()
    assert "belief_lack_skills" in page.locator("table").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Exporteer als Rasa NLU (YAML)").click()
    nlu = Path(download.value.path()).read_text(encoding="utf-8")
    assert "intent: belief_lack_skills" in nlu and "[e-mail verborgen]" in nlu

    page.get_by_role("link", name="Grafieken").click()
    page.get_by_role("heading", name="Gesprekken per vacature").wait_for()
    assert page.locator(".grafieken section").count() == 8
    assert "VAC-BROWSER-1" in page.locator("#grafiek-vacatures").inner_text()
    page.screenshot(path=str(SHOTS / "review-charts.png"), full_page=True)

    page.goto(f"{WEB}/review/?tag=twijfel+handigheid")
    assert page.locator("tr[data-gesprek]").count() == 1
    assert page.evaluate("window.__pwned") is None
