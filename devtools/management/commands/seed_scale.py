"""A large, realistic and deterministic data set for the benchmark (`make bench`).

    python manage.py seed_scale --associations 2000 [--big-network 500] [--seed 42]

N associations in 40 networks (the first one has --big-network members, 500 by default, or
N/2 when N is small; the second 500 when there are enough left, so that the bench measures a
network of each size), three
staff users each (admin, editor, reader: one precomputed password hash, no hashing per user),
about five alliances each with co-members, partners, a convention, actions, strategic and
operational objectives, indicators and a year of measurements, and one to three closed
diagnostic campaigns each with two or three respondents answering the 40 statements.

Everything goes in with bulk operations: bulk_create in batches (PostgreSQL hands the pks back)
and COPY for the two big leaf tables (answers, measurements); then every stored figure is
computed, as the nightly job does (core.refresh_stored_figures). The command refuses to run on a
database that already holds associations: the bench drops and recreates its own database.
Accounts: scale-<i>-admin@bench.faire-alliance.test, -editor, -reader, and
scale-head-<k>@bench.faire-alliance.test for network k; password PASSWORD below.
"""

import csv
import io
import random
import time
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from alliances.models import (
    Action,
    Alliance,
    AllianceMember,
    AlliancePartner,
    Convention,
    ConventionParty,
    Partner,
)
from core.tasks import refresh_stored_figures
from diagnostics.models import Answer, Campaign, QuestionnaireVersion, Respondent, Statement
from evaluation.models import (
    Indicator,
    Measurement,
    OperationalObjective,
    StrategicObjective,
)
from organisations.models import (
    Association,
    AssociationMembership,
    Network,
    NetworkHead,
    NetworkMembership,
    Role,
)
from organisations.territory import DEPARTMENTS

PASSWORD = "bench-faire-alliance-2026"
NETWORKS = 40
BIG_NETWORK = 500
BATCH = 5000
# Fixed reference instant: the same seed gives the same data whatever the day.
REFERENCE = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.get_fixed_timezone(60))

SECTORS = [
    "social",
    "health",
    "education",
    "employment",
    "culture",
    "sport",
    "environment",
    "youth",
    "housing",
    "rights",
]
BUDGETS = ["lt10k", "10k-50k", "50k-200k", "200k-1m", "1m-5m", "gt5m"]
WORDS = [
    "Solidarité",
    "Entraide",
    "Horizons",
    "Passerelles",
    "Avenir",
    "Territoires",
    "Accueil",
    "Insertion",
    "Culture",
    "Jeunesse",
    "Santé",
    "Habitat",
]
ACTOR_TYPES = ["association", "local_authority", "company", "foundation", "network", "academic"]
FORMS = ["patronage_financial", "patronage_skills", "economic_cooperation", "peer_cooperation"]
ACTION_STATUSES = ["planned", "in_progress", "done", "blocked"]
INDICATOR_KINDS = ["means", "activities", "results", "impacts"]
DIMENSIONS = ["means", "production", "positioning", "governance"]
THEMES = [
    "Accès aux droits",
    "Mobilité solidaire",
    "Alimentation durable",
    "Emploi des jeunes",
    "Numérique pour tous",
    "Santé de proximité",
    "Logement d'abord",
]


def _chunks(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _bulk(model, objs):
    """bulk_create in batches; on PostgreSQL the objects get their pks back."""
    for chunk in _chunks(objs):
        model.objects.bulk_create(chunk)
    return objs


def _copy(model, columns, rows):
    """COPY rows into the model's table (PostgreSQL), or bulk_create elsewhere."""
    if connection.vendor != "postgresql":
        _bulk(model, [model(**dict(zip(columns, row, strict=True))) for row in rows])
        return
    table = model._meta.db_table
    cols = ", ".join(f'"{c}"' for c in columns)
    with connection.cursor() as cursor:
        raw = cursor.cursor if hasattr(cursor, "cursor") else cursor
        for chunk in _chunks(rows, 100_000):
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            for row in chunk:
                writer.writerow(["\\N" if v is None else v for v in row])
            buffer.seek(0)
            raw.copy_expert(
                f"COPY {table} ({cols}) FROM STDIN WITH (FORMAT csv, NULL '\\N')", buffer
            )


class Command(BaseCommand):
    help = "Seed a large deterministic data set for the benchmark (bulk operations)."

    def add_arguments(self, parser):
        parser.add_argument("--associations", type=int, required=True)
        parser.add_argument(
            "--big-network", type=int, default=BIG_NETWORK, help="members of the first network"
        )
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args, associations, big_network, seed, **options):
        if associations < 2:
            raise CommandError("At least 2 associations.")
        if Association.objects.exists():
            raise CommandError(
                "This database already holds associations: seed_scale wants an empty one."
            )
        started = time.monotonic()
        with transaction.atomic():
            counts = Seeder(associations, seed, big_network).run()
        self._analyze()
        seeded = time.monotonic() - started
        figures = refresh_stored_figures()
        self._analyze()
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"  stored figures computed in {elapsed - seeded:.1f} s: "
            + ", ".join(f"{module} {count}" for module, count in figures.items())
        )
        for name, count in counts.items():
            self.stdout.write(f"  {name}: {count}")
        self.stdout.write(f"seed_scale: {associations} associations seeded in {elapsed:.1f} s")

    def _analyze(self):
        if connection.vendor == "postgresql":
            # Fresh statistics and visibility maps, as autovacuum would give them later:
            # without statistics the planner seq-scans the answers for one campaign's
            # results; without the maps, counting a network's thousands of members reads
            # every row instead of the index alone.
            with connection.cursor() as cursor:
                # VACUUM cannot run in a transaction (a test's): statistics alone there.
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")


class Seeder:
    def __init__(self, n, seed, big_network=BIG_NETWORK):
        self.n = n
        self.big_network = big_network
        self.rng = random.Random(seed)
        self.counts = {}

    def _count(self, name, value):
        self.counts[name] = self.counts.get(name, 0) + value

    def run(self):
        self.password = make_password(PASSWORD)  # one hash (random salt) for everyone
        self.networks()
        self.associations()
        self.staff()
        self.partners()
        self.alliances()
        self.evaluation()
        self.diagnostics()
        return self.counts

    # --- organisations --------------------------------------------------------------
    def networks(self):
        rng = self.rng
        nets = []
        for k in range(NETWORKS):
            scope = "national" if k == 0 else rng.choice(["regional", "departmental"])
            code, name = DEPARTMENTS[k % len(DEPARTMENTS)]
            nets.append(
                Network(
                    name=f"Réseau {rng.choice(WORDS)} {name} n°{k + 1}",
                    scope=scope,
                    region="ARA" if scope == "regional" else "",
                    department=code if scope == "departmental" else "",
                )
            )
        self.nets = _bulk(Network, nets)
        heads = _bulk(
            User,
            [
                User(
                    email=f"scale-head-{k}@bench.faire-alliance.test",
                    first_name="Tête",
                    last_name=f"de réseau {k}",
                    password=self.password,
                )
                for k in range(NETWORKS)
            ],
        )
        _bulk(
            NetworkHead,
            [NetworkHead(user=u, network=n) for u, n in zip(heads, self.nets, strict=True)],
        )
        self._count("networks", NETWORKS)

    def associations(self):
        rng = self.rng
        assocs = []
        for i in range(self.n):
            code, dept = DEPARTMENTS[rng.randrange(len(DEPARTMENTS))]
            postal = (code + "000")[:5] if code.isdigit() else "20000"
            assocs.append(
                Association(
                    name=f"{rng.choice(WORDS)} {dept} {i + 1:05d}",
                    rna=f"W{900000000 + i}",
                    city=dept,
                    postal_code=postal,
                    department=code,
                    sector=rng.choice(SECTORS),
                    employees=rng.randint(0, 60),
                    volunteers=rng.randint(5, 300),
                    budget_band=rng.choice(BUDGETS),
                )
            )
        self.assocs = _bulk(Association, assocs)
        big = min(self.big_network, self.n // 2)
        # The second network has 500 members when there are enough left, so the bench
        # measures a network of each size; the others share the rest.
        second = BIG_NETWORK if self.n - big >= 2 * BIG_NETWORK and big != BIG_NETWORK else 0
        rows = []
        for i, assoc in enumerate(self.assocs):
            if i < big:
                net = self.nets[0]
            elif i < big + second:
                net = self.nets[1]
            else:
                offset = 2 if second else 1
                net = self.nets[offset + (i - big - second) % (NETWORKS - offset)]
            rows.append(
                NetworkMembership(
                    network=net,
                    association=assoc,
                    state="active" if rng.random() < 0.95 else "invited",
                    invited_at=REFERENCE - timedelta(days=rng.randint(30, 900)),
                )
            )
        _bulk(NetworkMembership, rows)
        self._count("associations", self.n)
        self._count("network memberships", len(rows))

    def staff(self):
        users = []
        for i in range(self.n):
            for role in ("admin", "editor", "reader"):
                users.append(
                    User(
                        email=f"scale-{i}-{role}@bench.faire-alliance.test",
                        first_name=self.rng.choice(["Camille", "Sami", "Inès", "Louis", "Nadia"]),
                        last_name=f"Salarié {i}",
                        password=self.password,
                    )
                )
        _bulk(User, users)
        self.staff_of = {}
        rows = []
        for i, assoc in enumerate(self.assocs):
            trio = users[3 * i : 3 * i + 3]
            self.staff_of[assoc.pk] = trio
            for user, role in zip(trio, (Role.ADMIN, Role.EDITOR, Role.READER), strict=True):
                rows.append(AssociationMembership(user=user, association=assoc, role=role))
        _bulk(AssociationMembership, rows)
        self._count("users", len(users) + NETWORKS)

    def partners(self):
        rng = self.rng
        partners = []
        for assoc in self.assocs:
            for j in range(4):
                partners.append(
                    Partner(
                        association=assoc,
                        name=f"{rng.choice(WORDS)} partenaire {j + 1} de {assoc.rna}",
                        actor_type=rng.choice(ACTOR_TYPES),
                        territory=assoc.city,
                    )
                )
        _bulk(Partner, partners)
        self.partners_of = {}
        for p in partners:
            self.partners_of.setdefault(p.association_id, []).append(p)
        self._count("partners", len(partners))

    # --- alliances ------------------------------------------------------------------
    def alliances(self):
        rng = self.rng
        alliances = []
        for assoc in self.assocs:
            admin = self.staff_of[assoc.pk][0]
            for k in range(rng.choice([4, 5, 5, 6])):
                alliances.append(
                    Alliance(
                        title=f"{rng.choice(THEMES)} – {assoc.name} ({k + 1})",
                        purpose="Mutualiser nos moyens pour mieux accompagner les publics.",
                        territory=assoc.city,
                        lead=assoc,
                        created_by=admin,
                    )
                )
        self.alliances = _bulk(Alliance, alliances)
        members, aps, conventions, actions = [], [], [], []
        for alliance in self.alliances:
            other = self.assocs[rng.randrange(self.n)]
            if other.pk != alliance.lead_id:
                members.append(
                    AllianceMember(
                        alliance=alliance,
                        association=other,
                        state="active",
                        invited_at=REFERENCE - timedelta(days=200),
                        responded_at=REFERENCE - timedelta(days=190),
                    )
                )
            for p in rng.sample(self.partners_of[alliance.lead_id], 3):
                aps.append(
                    AlliancePartner(
                        alliance=alliance,
                        partner=p,
                        role="Partenaire opérationnel",
                        partnership_form=rng.choice(FORMS),
                        joined_on=(REFERENCE - timedelta(days=rng.randint(60, 700))).date(),
                    )
                )
            start = (REFERENCE - timedelta(days=rng.randint(100, 500))).date()
            conventions.append(
                Convention(
                    alliance=alliance,
                    kind="partnership",
                    title=f"Convention de partenariat {alliance.pk}",
                    status="signed",
                    start_date=start,
                    end_date=start + timedelta(days=3 * 365),
                    signed_on=start,
                    total_amount=Decimal(rng.randint(5, 200) * 1000),
                )
            )
            for a in range(4):
                due = start + timedelta(days=90 * (a + 1))
                actions.append(
                    Action(
                        alliance=alliance,
                        title=f"Action {a + 1} : {rng.choice(THEMES).lower()}",
                        start_date=start,
                        due_date=due,
                        status=rng.choice(ACTION_STATUSES),
                        progress=rng.choice([0, 25, 50, 75, 100]),
                        financial_resources=Decimal(rng.randint(0, 50) * 500),
                        created_by=alliance.created_by,
                    )
                )
        _bulk(AllianceMember, members)
        _bulk(AlliancePartner, aps)
        _bulk(Convention, conventions)
        _bulk(Action, actions)
        parties = []
        for convention in conventions:
            parties.append(
                ConventionParty(
                    convention=convention,
                    association_id=convention.alliance.lead_id,
                    represented_by="La présidente",
                    commitments="Coordonner l'alliance et rendre compte.",
                    financial_contribution=Decimal(5000),
                )
            )
        _bulk(ConventionParty, parties)
        self.alliance_partners = aps
        self._count("alliances", len(self.alliances))
        self._count("alliance co-members", len(members))
        self._count("alliance partners", len(aps))
        self._count("conventions", len(conventions))
        self._count("actions", len(actions))

    def evaluation(self):
        rng = self.rng
        strategic = []
        for alliance in self.alliances:
            for p in range(2):
                strategic.append(
                    StrategicObjective(
                        alliance=alliance,
                        title=f"Objectif stratégique {p + 1} : {rng.choice(THEMES).lower()}",
                        priority=p + 1,
                    )
                )
        _bulk(StrategicObjective, strategic)
        operational = [
            OperationalObjective(
                strategic_objective=s,
                dimension=rng.choice(DIMENSIONS),
                statement="Accompagner 120 personnes d'ici la fin de l'année.",
                scope_who="Personnes accompagnées",
                scope_what="Accompagnements",
                start_date=REFERENCE.date() - timedelta(days=365),
                deadline=REFERENCE.date() + timedelta(days=180),
                achievable=True,
                realistic=True,
            )
            for s in strategic
        ]
        _bulk(OperationalObjective, operational)
        indicators = []
        for alliance in self.alliances:
            for k in range(3):
                baseline = Decimal(rng.randint(10, 100))
                indicators.append(
                    Indicator(
                        alliance=alliance,
                        name=f"Indicateur {k + 1} : personnes accompagnées",
                        kind=INDICATOR_KINDS[k],
                        unit="personnes",
                        baseline=baseline,
                        baseline_date=REFERENCE.date() - timedelta(days=400),
                        target=baseline * 2,
                        target_date=REFERENCE.date() + timedelta(days=365),
                        frequency="monthly" if k == 0 else "quarterly",
                        data_source="member_systems",
                        method="quantitative",
                    )
                )
        _bulk(Indicator, indicators)
        rows = []
        now = timezone.now()
        for ind in indicators:
            months = range(12) if ind.frequency == "monthly" else range(0, 12, 3)
            value = float(ind.baseline)
            for m in months:
                value += rng.uniform(-2, 8)
                when = REFERENCE.date() - timedelta(days=30 * (12 - m))
                rows.append((ind.pk, when.isoformat(), f"{value:.2f}", "Tableau de suivi", now))
        columns = ["indicator_id", "date", "value", "source", "created_at"]
        _copy_with_defaults(Measurement, columns, rows)
        self._count("strategic objectives", len(strategic))
        self._count("operational objectives", len(operational))
        self._count("indicators", len(indicators))
        self._count("measurements", len(rows))

    # --- diagnostics ----------------------------------------------------------------
    def diagnostics(self):
        rng = self.rng
        version = QuestionnaireVersion.objects.get(code="v1")
        statements = list(
            Statement.objects.filter(axis__version=version)
            .order_by("axis__position", "position")
            .values_list("pk", flat=True)
        )
        campaigns = []
        for assoc in self.assocs:
            for c in range(rng.randint(1, 3)):
                opened = REFERENCE - timedelta(days=365 * (c + 1) - rng.randint(0, 60))
                campaigns.append(
                    Campaign(
                        association=assoc,
                        version=version,
                        title=f"Diagnostic {opened.year}",
                        opened_by=self.staff_of[assoc.pk][0],
                        opened_at=opened,
                        closed_at=opened + timedelta(days=14),
                        status="closed",
                    )
                )
        _bulk(Campaign, campaigns)
        respondents = []
        for campaign in campaigns:
            for user in self.staff_of[campaign.association_id][: rng.randint(2, 3)]:
                respondents.append(
                    Respondent(
                        campaign=campaign,
                        user=user,
                        started_at=campaign.opened_at + timedelta(days=1),
                        submitted_at=campaign.opened_at + timedelta(days=5),
                    )
                )
        _bulk(Respondent, respondents)
        rows = []
        for respondent in respondents:
            level = rng.uniform(1.8, 4.4)
            when = respondent.submitted_at
            for statement in statements:
                if rng.random() < 0.05:
                    rows.append((respondent.pk, statement, None, True, "", when))
                else:
                    value = max(1, min(5, round(level + rng.gauss(0, 0.9))))
                    rows.append((respondent.pk, statement, value, False, "", when))
        columns = ["respondent_id", "statement_id", "value", "dont_know", "comment", "answered_at"]
        _copy_with_defaults(Answer, columns, rows)
        self._count("campaigns", len(campaigns))
        self._count("respondents", len(respondents))
        self._count("answers", len(rows))


def _copy_with_defaults(model, columns, rows):
    """COPY, filling the model's other non-null columns with their defaults."""
    extra = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.column in columns or field.null:
            continue
        extra.append((field.column, field.get_default()))
    if extra:
        columns = columns + [c for c, _ in extra]
        rows = [row + tuple(v for _, v in extra) for row in rows]
    _copy(model, columns, rows)
