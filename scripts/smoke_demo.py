"""Smoke test of `make run`'s path: the demo on SQLite, every page reachable by each demo account.

Migrates a fresh SQLite database, runs `seed_demo`, then, for each demo account, follows every
internal link (GET only) breadth-first and fails on any server error, and on any link a page
offers that its reader may not open (403), then checks every page read with the W3C Nu HTML
Checker (devtools/markup.py) and fails on any error. Run by `make test`.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
database = Path(tempfile.gettempdir()) / "faire-alliance-smoke.sqlite3"
database.unlink(missing_ok=True)
os.environ["DATABASE_URL"] = f"sqlite:///{database}"
os.environ["REDIS_URL"] = ""
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["AXES_ENABLED"] = "false"

import logging  # noqa: E402

import django  # noqa: E402

django.setup()
# Expected 403/404 answers are logged by django.request as warnings: keep the output readable.
logging.getLogger("django.request").setLevel(logging.CRITICAL)

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.models import User  # noqa: E402
from devtools.crawl import crawl  # noqa: E402
from devtools.markup import check_pages, summary  # noqa: E402

LIMIT = int(os.environ.get("SMOKE_LIMIT", "600"))


def main():
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    accounts = [
        "admin@demo.faire-alliance.fr",
        "salarie@demo.faire-alliance.fr",
        "reseau@demo.faire-alliance.fr",
        "plateforme@demo.faire-alliance.fr",
        "partenaire.contributeur@demo.faire-alliance.fr",
        "partenaire.lecteur@demo.faire-alliance.fr",
    ]
    failed = False
    pages = []
    for email in accounts:
        client = Client(raise_request_exception=False)
        client.force_login(User.objects.get(email=email))
        result = crawl(client, limit=LIMIT)
        failures, forbidden = result.failures, result.forbidden
        print(
            f"smoke: {email}: {len(result.visits)} pages, {len(failures)} server errors, "
            f"{len(forbidden)} links leading to a 403"
        )
        # A link that only leads to "forbidden" is a defect of the page showing it.
        for url, referrer in forbidden[:10]:
            print(f"  403 {url} (linked from {referrer})")
            failed = True
        for url, status in failures:
            print(f"  {status} {url}")
            failed = True
        pages += [(f"{email} {visit.url}", visit.html) for visit in result.pages]
    errors = check_pages(pages)
    print(f"smoke: {len(pages)} pages checked by the Nu HTML Checker, {len(errors)} errors")
    if errors:
        print(summary(errors))
        failed = True
    database.unlink(missing_ok=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
