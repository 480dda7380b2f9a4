"""Demo data of the self-diagnostic. Idempotent: campaigns are found by association and title.

The demo association « Solidarités Lyon Nord » gets a finished campaign from last year (two
respondents who disagree here and there, with comments) and one in progress (the editor has
answered about half). Ten more member associations join the demo network, so that more than
five members have results and the network median shows.
"""

import random
from datetime import timedelta

from django.utils import timezone

from organisations.demo import _user
from organisations.models import Association, AssociationMembership, NetworkMembership, Role

from .models import Answer, Axis, Campaign, QuestionnaireVersion, Respondent, Statement

PASSWORD = "demo-faire-alliance-2026"

MEMBERS = [
    # name, rna, department, city, postal code, sector, employees, volunteers, budget, level
    (
        "Entraide Savoyarde",
        "W731000111",
        "73",
        "Chambéry",
        "73000",
        "social",
        8,
        55,
        "200k-1m",
        3.6,
    ),
    (
        "Habitat et Humanisme Drôme",
        "W261000222",
        "26",
        "Valence",
        "26000",
        "housing",
        14,
        90,
        "200k-1m",
        3.9,
    ),
    (
        "Les Petits Débrouillards Auvergne",
        "W631000333",
        "63",
        "Clermont-Ferrand",
        "63000",
        "education",
        22,
        120,
        "1m-5m",
        4.2,
    ),
    (
        "Maison des Aidants de l'Ain",
        "W011000444",
        "01",
        "Bourg-en-Bresse",
        "01000",
        "health",
        4,
        25,
        "50k-200k",
        2.6,
    ),
    (
        "Terre de Liens Ardèche",
        "W071000555",
        "07",
        "Privas",
        "07000",
        "environment",
        3,
        40,
        "50k-200k",
        3.1,
    ),
    (
        "Insertion Pro Haute-Loire",
        "W431000666",
        "43",
        "Le Puy-en-Velay",
        "43000",
        "employment",
        35,
        15,
        "1m-5m",
        3.4,
    ),
    (
        "Culture Nomade Allier",
        "W031000777",
        "03",
        "Moulins",
        "03000",
        "culture",
        2,
        18,
        "10k-50k",
        2.2,
    ),
    ("Sport Santé Isère", "W381000888", "38", "Vienne", "38200", "sport", 5, 70, "50k-200k", 2.9),
    (
        "Épicerie Solidaire du Cantal",
        "W151000999",
        "15",
        "Aurillac",
        "15000",
        "social",
        2,
        35,
        "10k-50k",
        2.4,
    ),
    (
        "Accueil Migrants Villeurbanne",
        "W691001010",
        "69",
        "Villeurbanne",
        "69100",
        "social",
        6,
        140,
        "200k-1m",
        3.7,
    ),
]

COMMENTS = {
    "A1.1": "Le projet associatif date de 2015 ; les alliances n'y figurent qu'en une phrase.",
    "A1.2": "Le CA en a parlé, mais aucune priorité n'a été votée.",
    "A2.1": "Nous avons commencé une cartographie avec la Métropole, pas encore terminée.",
    "A3.3": "Deux fondations nous soutiennent, aucune entreprise pour l'instant.",
    "A4.1": "C'est la directrice qui porte tout, sans fiche de poste formalisée.",
    "A6.1": "La convention avec le centre social n'a jamais été renouvelée.",
    "A8.1": "Nous fixons des objectifs, rarement mesurables.",
}


def _statements(version):
    return list(Statement.objects.filter(axis__version=version).select_related("axis"))


def _answers_for(rng, statements, level, *, spread=1.0, dont_know_rate=0.05, only=None):
    """Plausible answers around `level`, with a per-axis personality."""
    axis_bias = {}
    answers = {}
    for statement in statements:
        if only is not None and statement.code not in only:
            continue
        bias = axis_bias.setdefault(statement.axis.code, rng.uniform(-0.9, 0.9))
        if rng.random() < dont_know_rate:
            answers[statement] = None
            continue
        value = round(level + bias + rng.gauss(0, 0.6 * spread))
        answers[statement] = max(1, min(5, value))
    return answers


def _save(respondent, answers, when, comments=None):
    Answer.objects.bulk_create(
        [
            Answer(
                respondent=respondent,
                statement=statement,
                value=value,
                dont_know=value is None,
                comment=(comments or {}).get(statement.code, ""),
                answered_at=when,
            )
            for statement, value in answers.items()
        ],
        ignore_conflicts=True,
    )


def _finished_campaign(association, version, title, users, level, opened_at, rng, comments=None):
    campaign, created = Campaign.objects.get_or_create(
        association=association,
        title=title,
        defaults={
            "version": version,
            "opened_by": users[0],
            "opened_at": opened_at,
            "closed_at": opened_at + timedelta(days=12),
            "status": Campaign.Status.CLOSED,
        },
    )
    if not created:
        return campaign
    statements = _statements(version)
    first = _answers_for(rng, statements, level)
    # The second respondent mostly agrees, a point apart at most, but sees a few statements
    # quite differently: those are the « points de discussion ».
    disputed = set(rng.sample([s.code for s in statements], 5))
    for index, user in enumerate(users):
        respondent = Respondent.objects.create(
            campaign=campaign,
            user=user,
            started_at=opened_at + timedelta(days=1 + index),
            submitted_at=opened_at + timedelta(days=5 + index),
        )
        if index == 0:
            answers = first
        else:
            answers = {}
            for statement, value in first.items():
                if value is None:
                    answers[statement] = rng.choice([None, 3])
                elif statement.code in disputed:
                    answers[statement] = value + 2 if value <= 3 else value - 2
                else:
                    answers[statement] = max(1, min(5, value + rng.choice([-1, 0, 0, 1])))
        _save(respondent, answers, respondent.submitted_at, comments if index == 0 else None)
    return campaign


def seed(demo):
    version = QuestionnaireVersion.objects.get(code="v1")
    now = timezone.now()
    admin = demo.accounts["Association admin"]
    staff = demo.accounts["Association staff (editor)"]
    main = demo.association

    # Last year's finished campaign of the demo association, two respondents.
    rng = random.Random("solidarites-lyon-nord-2025")
    last_year = now - timedelta(days=365)
    _finished_campaign(
        main,
        version,
        f"Diagnostic {last_year.year}",
        [admin, staff],
        2.8,
        last_year,
        rng,
        comments=COMMENTS,
    )

    # This year's campaign, in progress: the editor has answered about half.
    current, created = Campaign.objects.get_or_create(
        association=main,
        title=f"Diagnostic {now.year}",
        defaults={
            "version": version,
            "opened_by": admin,
            "opened_at": now - timedelta(days=6),
            "status": Campaign.Status.OPEN,
        },
    )
    if created:
        statements = _statements(version)
        editor = Respondent.objects.create(
            campaign=current, user=staff, started_at=now - timedelta(days=5)
        )
        Respondent.objects.create(campaign=current, user=admin)
        half = {s.code for s in statements if s.axis.position <= 4}
        rng = random.Random("solidarites-lyon-nord-current")
        _save(editor, _answers_for(rng, statements, 3.2, only=half), now - timedelta(days=4))
        editor.last_axis = Axis.objects.get(version=version, position=5)
        editor.save(update_fields=["last_axis"])

    # Ten more member associations with results, plus the two existing members.
    for name, rna, dept, city, cp, sector, employees, volunteers, budget, level in MEMBERS:
        association, _created = Association.objects.get_or_create(
            rna=rna,
            defaults={
                "name": name,
                "department": dept,
                "city": city,
                "postal_code": cp,
                "address": "3 place de la Mairie",
                "sector": sector,
                "employees": employees,
                "volunteers": volunteers,
                "budget_band": budget,
            },
        )
        NetworkMembership.objects.get_or_create(
            network=demo.network,
            association=association,
            defaults={
                "state": NetworkMembership.State.ACTIVE,
                "responded_at": now - timedelta(days=300),
            },
        )
        email = f"admin.{rna.lower()}@demo.faire-alliance.fr"
        user = _user(email, "Responsable", city, PASSWORD)
        AssociationMembership.objects.get_or_create(
            user=user, association=association, defaults={"role": Role.ADMIN}
        )
        rng = random.Random(rna)
        opened = now - timedelta(days=rng.randint(40, 300))
        _finished_campaign(
            association, version, f"Diagnostic {opened.year}", [user], level, opened, rng
        )

    for index, association in enumerate(demo.members[1:], start=1):
        membership = association.memberships.filter(role=Role.ADMIN).select_related("user").first()
        if membership is None:
            continue
        rng = random.Random(f"member-{association.rna}")
        opened = now - timedelta(days=60 + 30 * index)
        _finished_campaign(
            association,
            version,
            f"Diagnostic {opened.year}",
            [membership.user],
            3.0 + 0.4 * index,
            opened,
            rng,
        )
