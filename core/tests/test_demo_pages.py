"""Every page the demo's people reach (by following links, as scripts/smoke_demo.py does),
read as they read it: in French, with no placeholder left from Django's defaults."""

import re

import pytest
from django.core.management import call_command
from django.test import Client

from accounts.models import User
from devtools.crawl import crawl

MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
# « 1 décembre » is written « 1er décembre »; a day before a month is in figures or in words.
FIRST_OF_MONTH = re.compile(rf"(?<![\d/])\b1 ({MONTHS})\b")

# The pages are read once for the module (demo_pages); the mark has the test database set up.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_pages(django_db_setup, django_db_blocker):
    """{account: [(url, html)]} for the association's administrator (every form of an
    alliance, an evaluation, a diagnostic), the network head and the platform admin (the
    Django admin's forms): seeded once for the module, then rolled back."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", verbosity=0)
        pages = {}
        for email, limit in [
            ("admin@demo.faire-alliance.fr", 300),
            ("reseau@demo.faire-alliance.fr", 100),
            ("plateforme@demo.faire-alliance.fr", 100),
        ]:
            client = Client(raise_request_exception=False)
            client.force_login(User.objects.get(email=email))
            result = crawl(client, limit=limit)
            assert not result.failures, result.failures
            pages[email] = [(visit.url, visit.html) for visit in result.pages]
        transaction.set_rollback(True)
    return pages


def _visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_no_select_of_the_demo_shows_dashes_for_its_empty_choice(demo_pages):
    forms = [
        (url, html) for pages in demo_pages.values() for url, html in pages if "<select" in html
    ]
    assert len(forms) > 50, "the crawl found too few form pages"
    dashes = [url for url, html in forms if "---------" in html]
    assert not dashes, f"« --------- » on {dashes[:10]}"


def test_no_page_of_the_demo_writes_the_first_of_a_month_without_er(demo_pages):
    wrong = [
        (url, match.group(0))
        for pages in demo_pages.values()
        for url, html in pages
        for match in FIRST_OF_MONTH.finditer(_visible_text(html))
    ]
    assert not wrong, wrong[:10]


def test_no_page_of_the_demo_escapes_a_character_twice(demo_pages):
    twice = [url for pages in demo_pages.values() for url, html in pages if "&amp;#" in html]
    assert not twice, twice[:10]
