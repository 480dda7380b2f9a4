"""HTML (Django templates) → PDF (WeasyPrint), with the restricted URL fetcher."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from .fetcher import BASE_URL, StaticOnlyURLFetcher


def render_html(template: str, context: dict) -> str:
    with translation.override("fr"):
        return render_to_string(template, context)


def html_to_pdf(html: str, *, fetcher: StaticOnlyURLFetcher | None = None) -> bytes:
    from weasyprint import HTML

    fetcher = fetcher or StaticOnlyURLFetcher()
    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).write_pdf()
