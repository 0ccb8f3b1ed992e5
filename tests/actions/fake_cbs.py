"""A local HTTP server on loopback that answers like CBS StatLine OData v3.

Set FakeCbs.mode to "normal", "slow" (past the client's timeout), "error"
(HTTP 500), "malformed" (broken JSON) or "wrong_shape"; the `cbs` fixture in
conftest.py starts it and gives its base URL.
"""

import json
import time
from urllib.parse import parse_qs, urlparse

from tests.local_http import QuietHandler, serve

ROWS = [
    {"ID": 0, "Perioden": "2025KW01", "OpenstaandeVacatures_1": 389.0},
    {"ID": 1, "Perioden": "2025KW02", "OpenstaandeVacatures_1": 402.7},
    {"ID": 2, "Perioden": "2025KW03*", "OpenstaandeVacatures_1": None},  # provisional, suppressed
    {"ID": 3, "Perioden": "2024JJ00", "OpenstaandeVacatures_1": 410.0},  # a year, not a quarter
]


class FakeCbs(QuietHandler):
    content_type = "application/json;odata=light"
    mode = "normal"
    requests = []
    rows = ROWS

    def do_GET(self):  # noqa: N802 (http.server's name)
        url = urlparse(self.path)
        FakeCbs.requests.append((url.path, parse_qs(url.query)))
        if FakeCbs.mode == "slow":
            time.sleep(1.0)
        if FakeCbs.mode == "error":
            self.send_body(500, b"Internal Server Error")
        elif FakeCbs.mode == "malformed":
            self.send_body(200, b'{"odata.metadata": "x", "value": [')
        elif FakeCbs.mode == "wrong_shape":
            self.send_body(200, json.dumps({"value": "geen rijen"}).encode())
        else:
            body = {"odata.metadata": "https://opendata.cbs.nl/ODataApi/odata/80472ned/$metadata#Cbs.OData.WebAPI.TypedDataSet",
                    "value": FakeCbs.rows}
            self.send_body(200, json.dumps(body).encode())


def start_server():
    FakeCbs.mode, FakeCbs.requests, FakeCbs.rows = "normal", [], ROWS
    return serve(FakeCbs)
