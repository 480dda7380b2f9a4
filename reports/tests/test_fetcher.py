"""WeasyPrint may fetch only the project's own static files: no local files, no network."""

import socket
import threading

import pytest

from diagnostics.tests.factories import finished_campaign
from organisations.tests.factories import AssociationFactory, MembershipFactory
from reports.fetcher import BASE_URL, StaticOnlyURLFetcher
from reports.kinds import get_kind
from reports.rendering import html_to_pdf, render_html


@pytest.fixture
def listener():
    """A TCP server on 127.0.0.1 that records every connection made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    connections = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _address = server.accept()
            except OSError:
                continue
            connections.append(conn.recv(200))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], connections
    stop.set()
    thread.join()
    server.close()


def test_local_files_and_network_urls_are_never_fetched(listener):
    port, connections = listener
    urls = [
        "file:///etc/passwd",
        f"http://127.0.0.1:{port}/",
        f"https://127.0.0.1:{port}/secret.png",
        f"http://localhost:{port}/style.css",
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/config/settings/base.py",
        "/media/reports/other-association.pdf",
        "//127.0.0.1/x.png",
    ]
    html = "".join(f'<img src="{url}"><link rel="stylesheet" href="{url}">' for url in urls)
    fetcher = StaticOnlyURLFetcher()

    pdf = html_to_pdf(f"<p>Rapport</p>{html}", fetcher=fetcher)

    assert pdf.startswith(b"%PDF")
    assert connections == []
    assert fetcher.refused, "every URL above must have been refused"
    assert any("etc/passwd" in url for url in fetcher.refused)
    assert any(f"127.0.0.1:{port}" in url for url in fetcher.refused)


def test_the_projects_static_files_are_served():
    fetcher = StaticOnlyURLFetcher()
    response = fetcher.fetch(f"{BASE_URL}static/css/app.css")
    assert b"--fa-blue" in response.read()
    assert response.content_type == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        f"{BASE_URL}static/../manage.py",
        f"{BASE_URL}static/css/../../manage.py",
        f"{BASE_URL}static/%2e%2e/manage.py",
        f"{BASE_URL}static/css/app.css?x=1",
        "https://evil.example/static/css/app.css",
        "file:///work/static/css/app.css",
        "data:text/plain,hello",
    ],
)
def test_anything_else_is_refused(url):
    fetcher = StaticOnlyURLFetcher()
    with pytest.raises(OSError):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


@pytest.mark.django_db
def test_a_report_whose_user_text_holds_urls_fetches_nothing(listener):
    port, connections = listener
    association = AssociationFactory(name="Asso <b>piégée</b>")
    person = MembershipFactory(association=association).user
    hostile = f'<img src="file:///etc/passwd"><img src="http://127.0.0.1:{port}/">'
    campaign = finished_campaign(
        association, 3, users=[person], comments={"A1.1": hostile, "A2.2": hostile}
    )
    kind = get_kind("diagnostic")
    html = render_html(kind.template, {**kind.build_context(campaign), "report": None})
    fetcher = StaticOnlyURLFetcher()

    pdf = html_to_pdf(html, fetcher=fetcher)

    assert pdf.startswith(b"%PDF")
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html  # shown as text
    assert "<img" not in html
    assert fetcher.refused == []  # nothing was even attempted
    assert connections == []
