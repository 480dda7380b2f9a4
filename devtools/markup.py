"""The W3C Nu HTML Checker (vnu-jar, from npm) over many pages at once.

Java starts in about two seconds and then checks hundreds of pages a second, so every page is
written to a temporary directory and checked by one process. Used by the browser tests (every
page they are served, core/tests/fixtures.py) and the smoke crawl (scripts/smoke_demo.py).
"""

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# An htmx answer is a fragment of a page; it is checked inside the smallest valid document,
# within the element it is swapped into when it cannot stand in <body> (a list's item).
FRAGMENT_PAGE = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>fragment</title>'
    "</head><body>{}</body></html>"
)
FRAGMENT_PARENTS = {"li": "ul", "tr": "table", "option": "select"}
FIRST_TAG = re.compile(r"\s*<([a-zA-Z][a-zA-Z0-9]*)")


@dataclass(frozen=True)
class MarkupError:
    page: str
    line: int
    message: str
    extract: str

    def __str__(self):
        return f"{self.page}:{self.line}: {self.message}\n    {self.extract.strip()}"


class CheckerUnavailable(RuntimeError):
    pass


def as_document(html):
    """A page as served, or a fragment (an htmx answer) inside a minimal document."""
    if html.lstrip()[:15].lower().startswith("<!doctype html"):
        return html
    first = FIRST_TAG.match(html)
    parent = FRAGMENT_PARENTS.get(first.group(1).lower()) if first else None
    if parent:
        html = f"<{parent}>{html}</{parent}>"
    return FRAGMENT_PAGE.format(html)


def check_pages(pages):
    """The errors the Nu HTML Checker finds in `pages`, a list of (name, html): one Java process
    for them all. Warnings and notes are not counted (`--errors-only`)."""
    if not pages:
        return []
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        raise CheckerUnavailable(
            "The Nu HTML Checker needs `java` (apt-get install default-jre-headless) and "
            f"{VNU_JAR.relative_to(settings.BASE_DIR)} (npm ci): `make test` installs both."
        )
    with tempfile.TemporaryDirectory(prefix="vnu-") as directory:
        names = {}
        for index, (name, html) in enumerate(pages):
            path = Path(directory) / f"{index:05d}.html"
            path.write_text(as_document(html), encoding="utf-8")
            names[path.name] = name
        completed = subprocess.run(
            [java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
            + ["--stdout", "--skip-non-html", directory],
            capture_output=True,
            text=True,
            timeout=600,
        )
    try:
        messages = json.loads(completed.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise CheckerUnavailable(
            f"The Nu HTML Checker gave no report: {completed.stderr[:2000]}"
        ) from error
    errors = []
    for message in messages:
        if message["type"] not in ("error", "non-document-error"):
            continue
        errors.append(
            MarkupError(
                page=names.get(Path(message.get("url", "")).name, message.get("url", "?")),
                line=message.get("lastLine", 0),
                message=message["message"],
                extract=message.get("extract", ""),
            )
        )
    return errors


def summary(errors, limit=40):
    """The errors, most frequent message first, for a failure's text."""
    pages = {error.page for error in errors}
    lines = [f"{len(errors)} HTML errors in {len(pages)} pages (W3C Nu HTML Checker):"]
    counts = {}
    for error in errors:
        counts[error.message] = counts.get(error.message, 0) + 1
    for message, count in sorted(counts.items(), key=lambda item: -item[1])[:10]:
        lines.append(f"  {count:5d} × {message}")
    lines.append("First ones:")
    lines.extend(str(error) for error in errors[:limit])
    return "\n".join(lines)
