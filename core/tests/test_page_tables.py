"""A wide table scrolls inside its own box instead of pushing the page wider than a phone's
screen (or than 1280 px): every table of every page the demo's people reach sits in a
`.table-responsive` wrapper.

The one exception is the Django admin: its change lists scroll in their own `.results` box
(Django's CSS) and its forms are laid out by Django; they are not our templates."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr"}


class _Tables(HTMLParser):
    """Each <table> of a page, with whether an ancestor scrolls it (`.table-responsive`)."""

    def __init__(self):
        super().__init__()
        self.open = []  # (tag, classes) of the elements open at this point
        self.tables = []  # (wrapped, the table's caption or classes)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table":
            wrapped = any("table-responsive" in c for _, c in self.open)
            self.tables.append((wrapped, " ".join(classes) or "(no class)"))
        self.open.append((tag, classes))

    def handle_endtag(self, tag):
        # Tolerates the end tags HTML lets one leave out (</li>, </p>, </td>…).
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return


def tables_of(html):
    parser = _Tables()
    parser.feed(html)
    parser.close()
    return parser.tables


def test_the_parser_sees_a_wrapper_and_a_bare_table():
    html = (
        '<div class="card"><div class="table-responsive"><table class="a"><tr><td>1</table>'
        '</div><p>text<br><table class="b"><tr><td>2</td></tr></table></div>'
    )
    assert tables_of(html) == [(True, "a"), (False, "b")]


def test_every_table_of_the_demo_scrolls_inside_its_own_wrapper(demo_pages):
    pages = [
        (url, html)
        for account_pages in demo_pages.values()
        for url, html in account_pages
        if not url.startswith("/admin/")
    ]
    with_tables = [(url, tables) for url, html in pages if (tables := tables_of(html))]
    assert len(with_tables) > 50, "the crawl found too few pages with a table"
    bare = [(url, table) for url, tables in with_tables for wrapped, table in tables if not wrapped]
    assert not bare, f"{len(bare)} tables not in a .table-responsive: {bare[:15]}"
