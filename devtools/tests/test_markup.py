"""The Nu HTML Checker's wrapper (devtools/markup.py), on pages small enough to read."""

from devtools.markup import as_document, check_pages, summary

PAGE = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Page</title></head>'
    "<body>{}</body></html>"
)


def test_htmx_attributes_are_valid_only_with_the_data_prefix():
    errors = check_pages(
        [
            ("bare", PAGE.format('<form method="post" hx-post="/x/"></form>')),
            ("prefixed", PAGE.format('<form method="post" data-hx-post="/x/"></form>')),
        ]
    )
    assert [(error.page, error.message) for error in errors] == [
        ("bare", "Attribute “hx-post” not allowed on element “form” at this point.")
    ]
    assert "1 HTML errors in 1 pages" in summary(errors)


def test_an_aria_label_on_a_plain_span_is_an_error():
    errors = check_pages([("span", PAGE.format('<span aria-label="5 sur 5">5/5</span>'))])
    assert len(errors) == 1 and "aria-label" in errors[0].message


def test_an_htmx_fragment_is_checked_within_the_element_it_is_swapped_into():
    assert as_document("<li>x</li>").endswith("<body><ul><li>x</li></ul></body></html>")
    fragments = [("item", '<li class="py-1"><div>Prêt</div></li>'), ("div", "<div>x</div>")]
    assert check_pages(fragments) == []
    assert check_pages([("bad", "<span><form></form></span>")])[0].page == "bad"


def test_no_pages_start_no_java():
    assert check_pages([]) == []
