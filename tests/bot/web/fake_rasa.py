"""A local HTTP server on loopback that answers like Rasa's REST channel.

It records every message the web app forwards (FakeRasa.received) and answers
with FakeRasa.answers: a list of replies per call, the last one repeated.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HELLO = [{"recipient_id": "x", "text": "Hoi! Ik ben de Overstapcoach.",
          "buttons": [{"title": "Vertel", "payload": "/explore_switch"}]}]


class FakeRasa(BaseHTTPRequestHandler):
    received = []
    answers = [HELLO]

    def do_POST(self):  # noqa: N802 (http.server's name)
        length = int(self.headers.get("Content-Length") or 0)
        FakeRasa.received.append(json.loads(self.rfile.read(length)))
        index = min(len(FakeRasa.received), len(FakeRasa.answers)) - 1
        body = json.dumps(FakeRasa.answers[index]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def start_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeRasa)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    FakeRasa.received, FakeRasa.answers = [], [HELLO]
    return server
