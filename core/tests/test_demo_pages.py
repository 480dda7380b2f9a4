"""Every page the demo's people reach (by following links, as scripts/smoke_demo.py does),
read as they read it: in French, with no placeholder left from Django's defaults."""

import re

import pytest

MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
# « 1 décembre » is written « 1er décembre »; a day before a month is in figures or in words.
FIRST_OF_MONTH = re.compile(rf"(?<![\d/])\b1 ({MONTHS})\b")

# The pages are read once for the session (core/tests/fixtures.py, demo_pages); the mark has the
# test database set up.
pytestmark = pytest.mark.django_db


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
