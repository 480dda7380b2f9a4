"""What `make bench` measures, on a database filled by seed_scale.

    python manage.py bench_targets --users 10 [--queries] > targets.json

Prepares what the load needs (an open diagnostic campaign for each benched association, so the
axis page and the autosave have something to work on; idempotent) and prints, as JSON, for each
benched association the URLs of the key pages and the accounts to log in with. With --queries it
also counts the SQL queries of each page with Django's test client (CaptureQueriesContext).

Adding a page to the bench is one line in PAGES below.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from accounts.models import User
from alliances.models import Alliance
from diagnostics import services as diagnostic_services
from diagnostics.models import Campaign, Statement
from organisations.models import Association, Network


@dataclass(frozen=True)
class Page:
    name: str
    url: Callable[[dict], str]  # from the target's ids
    who: str = "staff"  # "staff" (the association's admin) or "head" (the big network's head)
    method: str = "GET"
    data: Callable[[dict], dict] | None = None


PAGES = [
    Page("floor (Mon compte)", lambda t: reverse("accounts:profile")),
    Page("association dashboard", lambda t: reverse("accounts:dashboard")),
    Page(
        "diagnostic axis",
        lambda t: reverse("diagnostics:answer_axis", args=[t["open_campaign"], 2]),
    ),
    Page(
        "autosave",
        lambda t: reverse("diagnostics:autosave", args=[t["open_campaign"]]),
        method="POST",
        data=lambda t: {f"answer-{t['statement']}": "4", "position": "1"},
    ),
    Page(
        "diagnostic results",
        lambda t: reverse("diagnostics:campaign_detail", args=[t["closed_campaign"]]),
    ),
    Page("alliance overview", lambda t: reverse("alliances:alliance_detail", args=[t["alliance"]])),
    Page("indicator list", lambda t: reverse("evaluation:indicators", args=[t["alliance"]])),
    Page(
        "network dashboard (500)",
        lambda t: reverse("networks:network_detail", args=[t["network"]]),
        who="head",
    ),
    # Issue 6's page: measured as soon as its URL exists.
    Page(
        "network picture",
        lambda t: reverse("networks:network_picture", args=[t["network"]]),
        who="head",
    ),
]


def _targets(count):
    network = Network.objects.filter(name__startswith="Réseau ").order_by("pk").first()
    if network is None:
        raise CommandError("No seed_scale data here: run seed_scale first.")
    head = User.objects.get(email="scale-head-0@bench.faire-alliance.test")
    statement = (
        Statement.objects.filter(axis__version__code="v1", axis__position=1)
        .order_by("position")
        .first()
    )
    targets = []
    for association in Association.objects.filter(rna__startswith="W9").order_by("rna")[:count]:
        index = int(association.rna[1:]) - 900000000
        admin = User.objects.get(email=f"scale-{index}-admin@bench.faire-alliance.test")
        open_campaign = Campaign.objects.filter(
            association=association, status=Campaign.Status.OPEN
        ).first()
        if open_campaign is None:
            open_campaign = diagnostic_services.open_campaign(
                association=association, opened_by=admin, users=[admin], title="Diagnostic (bench)"
            )
        closed = Campaign.objects.filter(
            association=association, status=Campaign.Status.CLOSED
        ).order_by("-opened_at")[0]
        alliance = Alliance.objects.filter(lead=association).order_by("pk")[0]
        targets.append(
            {
                "association": association.pk,
                "email": admin.email,
                "head_email": head.email,
                "network": network.pk,
                "open_campaign": open_campaign.pk,
                "closed_campaign": closed.pk,
                "statement": statement.pk,
                "alliance": alliance.pk,
            }
        )
    return targets


def _pages(target):
    pages = []
    for page in PAGES:
        try:
            url = page.url(target)
        except NoReverseMatch:
            continue
        pages.append(
            {
                "name": page.name,
                "url": url,
                "who": page.who,
                "method": page.method,
                "data": page.data(target) if page.data else None,
            }
        )
    return pages


def count_queries(target):
    """SQL queries of each page for the target's users: ({page: served from the cache},
    {page: with nothing cached}). A first request logs in and compiles the templates."""
    clients = {}
    for who, email in (("staff", target["email"]), ("head", target["head_email"])):
        client = Client()
        client.force_login(User.objects.get(email=email))
        clients[who] = client
    counts, cold = {}, {}
    for page in _pages(target):
        client = clients[page["who"]]
        call = client.post if page["method"] == "POST" else client.get
        call(page["url"], page["data"] or {})
        for result in (cold, counts):
            if result is cold:
                cache.clear()
            with CaptureQueriesContext(connection) as queries:
                response = call(page["url"], page["data"] or {})
            if response.status_code != 200:
                raise CommandError(f"{page['name']}: HTTP {response.status_code}")
            result[page["name"]] = len(queries.captured_queries)
    return counts, cold


class Command(BaseCommand):
    help = "Prepare the benchmark's targets and print them as JSON (optionally query counts)."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=10)
        parser.add_argument("--queries", action="store_true")

    def handle(self, *args, users, queries, **options):
        targets = _targets(users)
        result = {"targets": [{**t, "pages": _pages(t)} for t in targets]}
        if queries:
            result["queries"], result["queries_cold"] = count_queries(targets[0])
        self.stdout.write(json.dumps(result))
