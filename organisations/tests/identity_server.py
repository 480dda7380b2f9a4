"""A local stand-in for the API Recherche d'entreprises: the recorded answers of
fixtures/recherche_entreprises.json served on 127.0.0.1, so that no test reaches the internet.

Two numbers behave badly on purpose: SLOW_SIREN answers after the client's timeout, and
BROKEN_SIREN with an HTTP 500.
"""

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "recherche_entreprises.json"
SLOW_SIREN = "130025265"
BROKEN_SIREN = "777700006"
TIMEOUT = 0.5


class IdentityApi:
    def __init__(self):
        self.answers = json.loads(FIXTURES.read_text(encoding="utf-8"))
        self.requests = []  # (query, headers) of each request received

    def handler(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                query = urllib.parse.parse_qs(url.query).get("q", [""])[0]
                api.requests.append((query, dict(self.headers)))
                if url.path != "/search":
                    return self._send(404, {"erreur": "not found"})
                if query == SLOW_SIREN:
                    time.sleep(TIMEOUT * 3)
                if query == BROKEN_SIREN:
                    return self._send(500, {"erreur": "Internal Server Error"})
                empty = {"results": [], "total_results": 0, "page": 1, "per_page": 5}
                return self._send(200, api.answers.get(query, empty))

            def _send(self, status, body):
                data = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

            def log_message(self, *args):
                pass

        return Handler


@pytest.fixture
def identity_api(settings):
    """Starts the stand-in and points IDENTITY_LOOKUP_URL at it for the test."""
    api = IdentityApi()
    server = ThreadingHTTPServer(("127.0.0.1", 0), api.handler())
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.IDENTITY_LOOKUP_URL = f"http://127.0.0.1:{server.server_port}"
    settings.IDENTITY_LOOKUP_TIMEOUT = TIMEOUT
    yield api
    server.shutdown()
    server.server_close()
