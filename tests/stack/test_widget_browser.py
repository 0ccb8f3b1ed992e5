"""The widget in a real browser (Debian's headless Chromium via Playwright) against
the running web app, Rasa server and action server. Screenshots of both demo pages
(desktop and 375 px mobile) go to reports/screenshots/."""

import html
from pathlib import Path

import pytest

from tests.stack.conftest import WEB_PORT

pytestmark = pytest.mark.stack

ROOT = Path(__file__).resolve().parents[2]
WEB = f"http://localhost:{WEB_PORT}"
SHOTS = ROOT / "reports" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPLY_TIMEOUT = 45_000


@pytest.fixture
def page(browser, stack):
    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="nl-NL")
    opened = context.new_page()
    yield opened
    context.close()


def bot_messages(page):
    return page.locator(".oc-log .oc-bot")


def open_widget(page, url):
    page.goto(url)
    page.get_by_role("button", name="Vraag het de Overstapcoach").click()
    bot_messages(page).first.wait_for(timeout=REPLY_TIMEOUT)


def send(page, text):
    before = bot_messages(page).count()
    page.get_by_label("Je bericht").fill(text)
    page.get_by_role("button", name="Verstuur").click()
    page.wait_for_function(
        "n => document.querySelectorAll('.oc-log .oc-bot').length > n", arg=before, timeout=REPLY_TIMEOUT
    )


def test_chat_click_a_button_and_keep_the_history_after_a_reload(page):
    open_widget(page, WEB + "/")
    assert "Ik ben de Overstapcoach" in bot_messages(page).first.inner_text()
    send(page, "wat verdient een elektricien?")
    assert "€ 2.973" in page.locator(".oc-log").inner_text()
    before = bot_messages(page).count()
    page.locator(".oc-log .oc-choice:not([disabled])").first.click()
    page.wait_for_function(
        "n => document.querySelectorAll('.oc-log .oc-bot').length > n", arg=before, timeout=REPLY_TIMEOUT
    )
    shown = page.locator(".oc-log").inner_text()
    page.reload()
    page.locator(".oc-log .oc-bot").first.wait_for()
    assert page.locator(".oc-log").inner_text() == shown
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "site-desktop.png"))


def test_the_vacancy_page_greets_with_the_vacancy(page):
    open_widget(page, WEB + "/vacature/voorbeeld/")
    greeting = bot_messages(page).first.inner_text()
    assert "Leerling-elektromonteur (BBL) bij Voorbeeld Installatietechniek" in greeting
    page.screenshot(path=str(SHOTS / "vacancy-desktop.png"))


@pytest.mark.parametrize("url,name,width", [
    ("/", "site", 375), ("/vacature/voorbeeld/", "vacancy", 375), ("/", "site-320", 320),
])
def test_small_screens(browser, stack, url, name, width):
    context = browser.new_context(viewport={"width": width, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_widget(page, WEB + url)
        box = page.locator("#oc-panel").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert page.get_by_role("button", name="Verstuur").is_visible()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}-mobile.png"))
    finally:
        context.close()


def test_keyboard_only_open_type_and_close(page):
    page.goto(WEB + "/")
    for _ in range(10):  # tab to the launcher
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.className") == "oc-launcher":
            break
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "oc-input"
    bot_messages(page).first.wait_for(timeout=REPLY_TIMEOUT)
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.className") == "oc-launcher"
    assert page.locator("#oc-panel").is_hidden()


@pytest.mark.parametrize("url", ["/", "/vacature/voorbeeld/"])
def test_no_serious_accessibility_violations_with_the_widget_open(page, url):
    open_widget(page, WEB + url)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_script_in_a_message_and_in_page_metadata_stays_inert(page):
    """A page on the web app's origin (served by the test) embeds the widget with hostile data-*."""
    title = html.escape('<img src=x onerror=alert(1)>' + "a" * 5000, quote=True)
    hostile = (
        '<!doctype html><html lang="nl"><head><title>Test</title></head><body><main><h1>Test</h1></main>'
        f'<script src="/widget.js" data-vacature-id="X-1" data-titel="{title}" '
        'data-onbekend="&lt;script&gt;alert(2)&lt;/script&gt;"></script></body></html>'
    )
    page.route(WEB + "/testpagina", lambda route: route.fulfill(body=hostile, content_type="text/html"))
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran: {dialog.message}"))
    open_widget(page, WEB + "/testpagina")
    send(page, "<script>alert(3)</script><b>vet</b>")
    log = page.locator(".oc-log")
    assert "<script>alert(3)</script><b>vet</b>" in log.inner_text()
    assert log.locator("script, img, b").count() == 0


def test_the_user_sees_a_clear_message_when_the_coach_is_down_and_can_retry(page, stack):
    open_widget(page, WEB + "/")
    users_before = page.locator(".oc-log .oc-user").count()
    stack.rasa.stop()
    try:
        page.get_by_label("Je bericht").fill("wie betaalt de opleiding?")
        page.get_by_role("button", name="Verstuur").click()
        status = page.locator(".oc-status")
        status.get_by_text("De coach is nu niet bereikbaar").wait_for(timeout=REPLY_TIMEOUT)
    finally:
        stack.rasa.start(stack.env)
        stack.rasa.wait_ready(240)
    before = bot_messages(page).count()
    status.get_by_role("button", name="Opnieuw proberen").click()
    page.wait_for_function(
        "n => document.querySelectorAll('.oc-log .oc-bot').length > n", arg=before, timeout=REPLY_TIMEOUT
    )
    assert "Heb je nu betaald werk?" in page.locator(".oc-log").inner_text()
    assert page.locator(".oc-log .oc-user").count() == users_before + 1  # sent once, shown once
