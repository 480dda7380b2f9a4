"""What `make bench` measures, on a database filled by seed_scale.

    python manage.py bench_targets --users 10 [--queries] [--database-url NAME] > targets.json

Prepares what the load needs (an open diagnostic campaign for each benched association, so the
axis page and the autosave have something to work on; idempotent) and prints, as JSON, for each
benched association the URLs of the key pages and the accounts to log in with. With --queries it
also counts the SQL queries of each page with Django's test client (CaptureQueriesContext),
and those of deleting an alliance with its year of measurements (rolled back).

The network pages are measured for the biggest network and, when seed_scale made one, for a
network of 500 members, under every sort and filter of the dashboard. Nothing is cached: the
counts are those of any visit. Adding a page to the bench is one line in PAGES below.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from accounts.models import User
from alliances import services as alliance_services
from alliances.models import Alliance
from devtools.bench_database import add_database_option, use_database
from diagnostics import services as diagnostic_services
from diagnostics.models import Campaign, Statement
from evaluation.models import Measurement
from organisations.models import Association, Network


@dataclass(frozen=True)
class Page:
    name: str  # "{size}" stands for the network's number of members
    url: Callable[[dict], str]  # from the target's ids; NoReverseMatch: not measured here
    # "staff" (the association's admin), "head" (the biggest network's head) or "head500"
    # (the head of the network of 500 members, when the biggest is bigger)
    who: str = "staff"
    method: str = "GET"
    data: Callable[[dict], dict] | None = None


#: The network dashboard under each of its sorts and filters (networks/members.py, filters.py).
NETWORK_VIEWS = [
    ("", ""),
    (" sorted by maturity", "tri=maturity"),
    (" sorted by attention", "tri=attention"),
    (" sorted by alliances", "tri=-alliances"),
    (" sorted by diagnostic", "tri=-diagnostic"),
    (" maturity filter", "maturity=3"),
    (" attention filter", "attention=on"),
    (" department filter", "department=69"),
    (" size filter", "size=medium&tri=-name"),
]


def _network_url(key, query=None):
    def url(target):
        if not target.get(key):
            raise NoReverseMatch(key)
        if query is None:
            return reverse("networks:network_picture", args=[target[key]])
        base = reverse("networks:network_detail", args=[target[key]])
        return f"{base}?{query}" if query else base

    return url


def _network_pages(who, key):
    pages = [
        Page(f"network ({{size}}){name}", _network_url(key, query), who=who)
        for name, query in NETWORK_VIEWS
    ]
    return [*pages, Page("network picture ({size})", _network_url(key), who=who)]


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
    *_network_pages("head", "network"),
    *_network_pages("head500", "network500"),
]


def _networks():
    """The biggest seeded network, and one of 500 members when the biggest is bigger."""
    sizes = {
        network: Association.objects.active_in(network).count()
        for network in Network.objects.filter(name__startswith="Réseau ").order_by("pk")[:2]
    }
    if not sizes:
        raise CommandError("No seed_scale data here: run seed_scale first.")
    biggest, *others = sizes
    second = others[0] if others and sizes[biggest] > 500 >= sizes[others[0]] > 400 else None
    return (biggest, sizes[biggest]), (second, sizes.get(second))


def _targets(count):
    (network, size), (network500, size500) = _networks()
    heads = {
        net.pk: User.objects.filter(network_roles__network=net).order_by("pk").first()
        for net in (network, network500)
        if net
    }
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
                "head_email": heads[network.pk].email,
                "head500_email": heads[network500.pk].email if network500 else None,
                "network": network.pk,
                "network500": network500.pk if network500 else None,
                "sizes": {"head": size, "head500": size500},
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
                "name": page.name.format(size=target["sizes"].get(page.who)),
                "url": url,
                "who": page.who,
                "method": page.method,
                "data": page.data(target) if page.data else None,
            }
        )
    return pages


def _clients(target):
    clients = {}
    for who in ("staff", "head", "head500"):
        email = target.get("email" if who == "staff" else f"{who}_email")
        if email:
            # A host every settings module allows (the test client's « testserver » is not).
            clients[who] = Client(HTTP_HOST="localhost")
            clients[who].force_login(User.objects.get(email=email))
    return clients


def count_queries(target):
    """{page: its SQL queries} for the target's users, after a first request that compiles
    the templates and warms the process's own tables (content types)."""
    clients = _clients(target)
    counts = {}
    for page in _pages(target):
        client = clients[page["who"]]
        call = client.post if page["method"] == "POST" else client.get
        call(page["url"], page["data"] or {})
        with CaptureQueriesContext(connection) as queries:
            response = call(page["url"], page["data"] or {})
        if response.status_code != 200:
            raise CommandError(f"{page['name']}: HTTP {response.status_code}")
        counts[page["name"]] = len(queries.captured_queries)
    return counts


def deletion_queries(target):
    """Deleting the target's alliance with its year of measurements, rolled back: its queries
    and how many of them record a deleted row's history (django-simple-history)."""
    alliance = Alliance.objects.get(pk=target["alliance"])
    measurements = Measurement.objects.filter(indicator__alliance=alliance).count()
    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            alliance_services.delete_alliance(alliance=alliance)
        transaction.set_rollback(True)
    history = sum(1 for q in queries.captured_queries if "_historical" in q["sql"].split("(")[0])
    return {"queries": len(queries), "history_rows": history, "measurements": measurements}


class Command(BaseCommand):
    help = "Prepare the benchmark's targets and print them as JSON (optionally query counts)."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=10)
        parser.add_argument("--queries", action="store_true")
        add_database_option(parser)

    def handle(self, *args, users, queries, database_url, **options):
        use_database(database_url)
        targets = _targets(users)
        result = {"targets": [{**t, "pages": _pages(t)} for t in targets]}
        if queries:
            result["queries"] = count_queries(targets[0])
            result["deletion"] = deletion_queries(targets[0])
        self.stdout.write(json.dumps(result))
