"""A local HTTP server on loopback that answers like Rasa's REST channel.

It records every message the web app forwards (FakeRasa.received) and answers
with FakeRasa.answers: a list of replies per call, the last one repeated.
"""

import json

from tests.local_http import QuietHandler, serve

HELLO = [{"recipient_id": "x", "text": "Hoi! Ik ben de Overstapcoach.",
          "buttons": [{"title": "Vertel", "payload": "/explore_switch"}]}]


class FakeRasa(QuietHandler):
    received = []
    answers = [HELLO]

    def do_POST(self):  # noqa: N802 (http.server's name)
        length = int(self.headers.get("Content-Length") or 0)
        FakeRasa.received.append(json.loads(self.rfile.read(length)))
        index = min(len(FakeRasa.received), len(FakeRasa.answers)) - 1
        self.send_body(200, json.dumps(FakeRasa.answers[index]).encode())


def start_server():
    FakeRasa.received, FakeRasa.answers = [], [HELLO]
    return serve(FakeRasa)
