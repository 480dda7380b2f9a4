"""WeasyPrint's URL fetcher, restricted to the project's own static files.

A report's HTML contains text typed by users (comments, titles). WeasyPrint fetches every URL
it meets (images, stylesheets, fonts): with the default fetcher, `<img src="file:///etc/passwd">`
reads a local file and `http://127.0.0.1/…` reaches internal services (SSRF). This fetcher
serves only files found by the static files finders (or in STATIC_ROOT), addressed by
STATIC_URL; everything else is refused without any I/O, and nothing is ever fetched from the
network, so there is nothing to redirect.
"""

from __future__ import annotations

import logging
import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

logger = logging.getLogger(__name__)

#: A fake origin, so relative URLs in the templates resolve to something we recognise.
BASE_URL = "https://report.invalid/"


class StaticOnlyURLFetcher(URLFetcher):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allowed_protocols", ("https",))
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 1)
        super().__init__(*args, **kwargs)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        path = self._static_path(url)
        if path is None:
            self.refused.append(url)
            logger.warning("Report rendering: refused to fetch %r", url[:200])
            raise URLFetchingError(f"Refused: {url[:200]}")
        mime_type, _encoding = mimetypes.guess_type(path.name)
        return URLFetcherResponse(
            url,
            body=path.read_bytes(),
            headers={"Content-Type": mime_type or "application/octet-stream"},
        )

    @staticmethod
    def _static_path(url: str) -> Path | None:
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or parts.query or parts.fragment:
            return None
        static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
        raw = unquote(parts.path)
        if not raw.startswith(static_prefix) or "\\" in raw or "\x00" in raw:
            return None
        relative = raw[len(static_prefix) :]
        normalised = posixpath.normpath(relative)
        if normalised != relative or normalised.startswith(("..", "/")) or not normalised:
            return None
        found = finders.find(normalised)
        candidates = [Path(found)] if found else []
        if settings.STATIC_ROOT:
            candidates.append(Path(settings.STATIC_ROOT) / normalised)
        roots = [Path(d).resolve() for d in _static_roots()]
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved.is_file() and any(resolved.is_relative_to(root) for root in roots):
                return resolved
        return None


def _static_roots():
    roots = [str(d) if not isinstance(d, tuple) else str(d[1]) for d in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        roots.append(str(settings.STATIC_ROOT))
    from django.apps import apps

    for config in apps.get_app_configs():
        static = Path(config.path) / "static"
        if static.is_dir():
            roots.append(str(static))
    return roots
