"""A report's web page: the HTML its PDF was made from, with a bar of links on top.

The document keeps its own <style> elements (the print styles and `@media screen` ones): the
site's Content-Security-Policy allows no inline <style>, so each response allows exactly these,
by their hashes. Scripts stay forbidden."""

from __future__ import annotations

import base64
import hashlib
import re

from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string

#: Where the templates (reports/base_print.html, evaluation.html) leave room for the bar.
BAR_MARK = "<!--report-web-bar-->"
STYLE = re.compile(r"<style>(.*?)</style>", re.S)


def read_html(name: str) -> str:
    if not name:
        raise Http404
    try:
        with default_storage.open(name, "rb") as handle:
            return handle.read().decode()
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error


def web_page(request, html: str, *, pdf_url: str, data_as_of, back_url: str = "") -> HttpResponse:
    bar = render_to_string(
        "reports/_web_bar.html",
        {"pdf_url": pdf_url, "data_as_of": data_as_of, "back_url": back_url},
        request=request,
    )
    response = HttpResponse(html.replace(BAR_MARK, bar, 1))
    hashes = [
        f"'sha256-{base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()}'"
        for css in STYLE.findall(html)
    ]
    response._csp_update = {"style-src": hashes}
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
