"""HTML (Django templates) → PDF (WeasyPrint), with the restricted URL fetcher.

Every report is written as tagged PDF/UA-1: French public bodies audit documents against RGAA
(criterion 13.3), and an untagged PDF fails it. The templates give what the tags are made of:
`<html lang>`, a `<title>`, real headings in order, `<th scope>`, `alt` on images and a `<title>`
inside each SVG chart (reports/tests/pdf_structure.py reads them back)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from .fetcher import BASE_URL, StaticOnlyURLFetcher


def report_context(kind, subject, report) -> dict:
    """What every report's template is given: its kind's data, the report row, its title."""
    return {**kind.build_context(subject), "report": report, "document_title": kind.title(subject)}


def render_html(template: str, context: dict) -> str:
    with translation.override("fr"):
        return render_to_string(template, context)


#: WeasyPrint's name of the variant (it sets pdf_tags, the document's language and title).
PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(
    html: str, *, fetcher: StaticOnlyURLFetcher | None = None, variant: str | None = PDF_VARIANT
) -> bytes:
    from weasyprint import HTML

    fetcher = fetcher or StaticOnlyURLFetcher()
    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).write_pdf(pdf_variant=variant)
