"""The widget's files and the demo pages."""

import gzip
from pathlib import Path

WIDGET = Path(__file__).resolve().parents[3] / "bot" / "web" / "static"


def test_widget_files_are_served_with_their_types(client):
    js = client.get("/widget.js")
    css = client.get("/widget.css")
    assert js.status_code == 200 and js["Content-Type"].startswith("text/javascript")
    assert css.status_code == 200 and css["Content-Type"].startswith("text/css")


def test_the_widget_stays_small():
    size = sum(len(gzip.compress((WIDGET / name).read_bytes(), 9)) for name in ("widget.js", "widget.css"))
    assert size < 25 * 1024


def test_the_widget_never_inserts_bot_text_as_html():
    source = (WIDGET / "widget.js").read_text(encoding="utf-8")
    assert "innerHTML" not in source and "insertAdjacentHTML" not in source
    assert 'role: "log"' in source and '"aria-live": "polite"' in source


def test_the_site_page_embeds_the_widget(client):
    page = client.get("/").content.decode()
    assert '<script src="/widget.js" async></script>' in page
    assert '<html lang="nl">' in page


def test_the_vacancy_page_embeds_the_widget_with_its_context(client):
    page = client.get("/vacature/voorbeeld/").content.decode()
    assert 'data-vacature-id="DEMO-0001"' in page
    assert 'data-beroep="elektromonteur"' in page and 'data-regio="Twente"' in page
    assert "verzonnen voor deze demo" in page
