"""A number printed in an HTML attribute is an identifier, not a figure for a reader.

With ``USE_THOUSAND_SEPARATOR`` on, ``{{ statement.pk }}`` prints « 1 001 » once the table has
a thousand rows: a field named ``answer-1 001`` is never saved, ``#report-1 001`` is no CSS
selector and ``?page=1 001`` is no page. Such numbers go through ``unlocalize`` (or sit in a
``{% localize off %}`` block), and so do a progress bar's values."""

import re
from pathlib import Path

from django.conf import settings

ATTRIBUTE = re.compile(r"""\s([a-zA-Z][\w:-]*)=("[^"]*"|'[^']*')""")
VARIABLE = re.compile(r"\{\{\s*([\w.]+)\s*(\|[^}]*)?\}\}")
# Numbers that grow with the data: rows' keys and page numbers. A loop counter, an axis's
# position or a step's number stays far below a thousand and is left as it is.
IDENTIFIER = re.compile(r"(^|\.)pk$|(?<!attrs)\.id$|(page_number|previous_number|next_number)$")
# A progress bar's values are read by screen readers as numbers: « 1 200 » is none.
NUMERIC_ATTRIBUTES = {"aria-valuenow", "aria-valuemin", "aria-valuemax"}
NOT_LOCALIZED = re.compile(
    r"\{%\s*localize off\s*%\}.*?\{%\s*endlocalize\s*%\}"
    r"|\{%\s*blocktranslate.*?\{%\s*endblocktranslate\s*%\}",
    re.S,
)


def localized_identifiers(text):
    text = NOT_LOCALIZED.sub("", text)
    for attribute in ATTRIBUTE.finditer(text):
        for variable in VARIABLE.finditer(attribute.group(2)):
            expression, filters = variable.group(1), variable.group(2) or ""
            numeric = attribute.group(1) in NUMERIC_ATTRIBUTES or IDENTIFIER.search(expression)
            if numeric and "unlocalize" not in filters:
                line = text[: attribute.start()].count("\n") + 1
                yield f"{line}: {attribute.group(1)}={variable.group(0)}"


def test_the_check_finds_a_localized_identifier_and_accepts_an_unlocalized_one():
    assert list(localized_identifiers('<input name="answer-{{ statement.pk }}">'))
    assert not list(localized_identifiers('<input name="answer-{{ statement.pk|unlocalize }}">'))
    assert not list(
        localized_identifiers('{% localize off %}<i id="x-{{ a.pk }}">{% endlocalize %}')
    )
    assert not list(localized_identifiers('<label for="{{ widget.attrs.id }}">'))
    assert list(localized_identifiers('<a href="?page={{ page.next_page_number }}">'))
    assert list(localized_identifiers('<div aria-valuemax="{{ total }}">'))


def test_no_template_prints_a_localized_identifier_in_an_attribute():
    found = []
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(Path(folder).rglob("*.html")):
            found += [f"{path}:{hit}" for hit in localized_identifiers(path.read_text())]
    assert found == []
