"""Demo data for the evaluation pages: the demo association's complete alliance, from its vision
to its analysis. Idempotent: every object is found by a natural key before being created."""

import datetime as dt
from decimal import Decimal

from alliances.models import ActorType, Alliance, AlliancePartner, Partner, PartnershipForm

from .models import (
    Analysis,
    Dimension,
    EvaluationPlan,
    EvaluativeQuestion,
    ExpectedImpact,
    ImpactType,
    Indicator,
    IndicatorContribution,
    Measurement,
    OperationalObjective,
    SteeringDecision,
    StrategicGap,
    StrategicObjective,
    Vision,
)
from .services import record_decision

ALLIANCE_TITLE = "Pôle mutualisé de fonctions support"

PARTNERS = [
    (
        "Métropole de Lyon",
        ActorType.LOCAL_AUTHORITY,
        PartnershipForm.PUBLIC_POLICY,
        "Co-financeur du service partagé",
        "Un service mutualisé pérenne qui réduise le nombre de petits dossiers de subvention.",
        "Attend des résultats dès la première année, quand les associations visent trois ans.",
    ),
    (
        "Fondation Rhône Solidaire",
        ActorType.FOUNDATION,
        PartnershipForm.FINANCIAL_PATRONAGE,
        "Financeur de l'amorçage",
        "Un modèle essaimable à d'autres territoires, documenté par une évaluation.",
        "Privilégie l'innovation quand les membres veulent d'abord consolider l'existant.",
    ),
    (
        "Cabinet Compta Solidaire",
        ActorType.COMPANY,
        PartnershipForm.SKILLS_PATRONAGE,
        "Mécénat de compétences comptables",
        "Former ses collaborateurs au secteur associatif et valoriser son engagement RSE.",
        "Disponibilité limitée en période de clôture des comptes (janvier–avril).",
    ),
]


def _partners(alliance, association):
    existing = list(alliance.partners.select_related("partner"))
    if existing:
        return existing
    result = []
    for name, actor_type, form, role, _expects, _differs in PARTNERS:
        partner, _ = Partner.objects.get_or_create(
            association=association, name=name, defaults={"actor_type": actor_type}
        )
        link, _ = AlliancePartner.objects.get_or_create(
            alliance=alliance, partner=partner, defaults={"role": role, "partnership_form": form}
        )
        result.append(link)
    return result


def _measure(indicator, series, source, evidence=None):
    if indicator.measurements.exists():
        return
    for day, value in series:
        Measurement.objects.create(
            indicator=indicator,
            date=day,
            value=Decimal(value),
            source=source,
            evidence_text=(evidence or {}).get(day, ""),
        )


def _mid_months(start, count):
    """The 15th of each month after `start`: a year of monthly measurements."""
    days = []
    year, month = start.year, start.month
    for _ in range(count):
        days.append(dt.date(year, month, 15))
        month += 1
        if month > 12:
            month, year = 1, year + 1
    return days


def seed(demo):
    association = demo.association
    alliance, _ = Alliance.objects.get_or_create(
        title=ALLIANCE_TITLE,
        lead=association,
        defaults={
            "purpose": "Mutualiser la comptabilité, les RH et la communication des associations "
            "membres dans un service partagé.",
            "territory": "Lyon Nord",
        },
    )
    # Co-members and partners are the alliances app's demo (alliances/demo.py): its seed runs
    # first and builds this same alliance; partners are only added here when there are none.
    partners = _partners(alliance, association)

    Vision.objects.get_or_create(
        alliance=alliance,
        defaults={
            "statement": "D'ici 2029, les associations de Lyon Nord partagent un pôle de "
            "fonctions support qui libère du temps pour leurs missions et fait de l'alliance "
            "un interlocuteur reconnu des pouvoirs publics.",
            "horizon_start": dt.date(2025, 9, 1),
            "horizon_end": dt.date(2029, 8, 31),
            "priority_criteria": "Besoins des bénéficiaires, économies attendues, moyens "
            "disponibles, urgence pour les associations les plus fragiles.",
        },
    )
    # Each partner's position, by its kind of actor (the partners may come from alliances/demo.py).
    positions = {
        actor_type: (expects, differs) for _n, actor_type, *_r, expects, differs in PARTNERS
    }
    for link in partners:
        expects, differs = positions.get(
            link.partner.actor_type,
            ("Contribuer à la consolidation du tissu associatif local.", ""),
        )
        StrategicGap.objects.get_or_create(
            alliance=alliance,
            partner=link,
            defaults={"expectations": expects, "differences": differs},
        )

    so1, _ = StrategicObjective.objects.get_or_create(
        alliance=alliance,
        title="Consolider le modèle économique des associations membres",
        defaults={
            "priority": 1,
            "description": "Mutualiser les fonctions support pour réduire les coûts et "
            "sécuriser la gestion.",
            "priority_rationale": "Économies immédiates ; deux associations membres ont un "
            "fonds de roulement inférieur à trois mois.",
        },
    )
    so2, _ = StrategicObjective.objects.get_or_create(
        alliance=alliance,
        title="Renforcer la capacité d'agir collective sur le territoire",
        defaults={
            "priority": 2,
            "description": "Ouvrir un guichet commun d'accès aux droits pour les familles.",
            "priority_rationale": "Fort besoin des bénéficiaires, mais dépend du service partagé.",
        },
    )
    for objective, impact_type, text in (
        (so1, ImpactType.PERFORMANCE, "Des associations plus solides financièrement."),
        (so2, ImpactType.TRUST, "Des familles et des partenaires qui se font confiance."),
        (so2, ImpactType.INNOVATION, "Un guichet commun essaimable dans d'autres quartiers."),
    ):
        ExpectedImpact.objects.get_or_create(
            objective=objective, impact_type=impact_type, defaults={"description": text}
        )

    start = dt.date(2025, 12, 1)
    indicators = {}
    for key, spec in {
        "costs": {
            "name": "Coûts administratifs des 5 associations membres",
            "kind": "results",
            "unit": "€",
            "direction": "decrease",
            "baseline": Decimal("400000"),
            "target": Decimal("340000"),
            "target_date": dt.date(2026, 6, 30),
            "frequency": "monthly",
            "data_source": "member_systems",
        },
        "volunteers": {
            "name": "Bénévoles formés à la gestion associative",
            "kind": "activities",
            "unit": "personnes",
            "direction": "increase",
            "baseline": Decimal("0"),
            "target": Decimal("40"),
            "target_date": dt.date(2026, 12, 31),
            "frequency": "quarterly",
            "data_source": "member_systems",
        },
        "families": {
            "name": "Familles orientées par le guichet commun",
            "kind": "results",
            "unit": "familles",
            "direction": "increase",
            "baseline": Decimal("0"),
            "target": Decimal("300"),
            "target_date": dt.date(2027, 6, 30),
            "frequency": "monthly",
            "data_source": "member_systems",
        },
        "staff": {
            "name": "Temps salarié mutualisé",
            "kind": "means",
            "unit": "ETP",
            "direction": "increase",
            "baseline": Decimal("0"),
            "target": Decimal("3"),
            "target_date": dt.date(2026, 12, 31),
            "frequency": "quarterly",
            "data_source": "member_systems",
        },
        "meetings": {
            "name": "Comités de pilotage tenus",
            "kind": "activities",
            "unit": "réunions",
            "direction": "increase",
            "baseline": Decimal("0"),
            "target": Decimal("10"),
            "target_date": dt.date(2026, 12, 31),
            "frequency": "quarterly",
            "data_source": "observation",
        },
        "satisfaction": {
            "name": "Satisfaction des associations membres",
            "kind": "impacts",
            "unit": "/10",
            "direction": "increase",
            "baseline": Decimal("6.2"),
            "target": Decimal("8"),
            "target_date": dt.date(2027, 6, 30),
            "frequency": "half_yearly",
            "data_source": "beneficiary_surveys",
            "method": "mixed",
        },
    }.items():
        name = spec.pop("name")
        indicator, created = Indicator.objects.get_or_create(
            alliance=alliance, name=name, defaults={**spec, "baseline_date": start}
        )
        if created:
            indicator.history.update(history_change_reason="Indicateur créé")
        indicators[key] = indicator

    months = _mid_months(start, 12)  # 15/12/2025 … 15/11/2026
    costs = [398000, 391500, 382000, 371000, 362500, 351000, 339000, 337500, 336000, 335200,
             334800, 334000]  # fmt: skip
    _measure(indicators["costs"], zip(months, costs, strict=True), "Comptabilités des membres")
    families = [0, 4, 9, 15, 22, 30, 38, 45, 54, 62, 70, 78]
    _measure(
        indicators["families"], zip(months, families, strict=True), "Registre du guichet commun"
    )
    quarters = [dt.date(2026, 2, 27), dt.date(2026, 5, 29), dt.date(2026, 8, 31), months[-1]]
    _measure(indicators["volunteers"], zip(quarters, [10, 19, 30, 35], strict=True), "Feuilles")
    _measure(indicators["staff"], zip(quarters, ["1", "2", "2.5", "3"], strict=True), "Paie")
    _measure(indicators["meetings"], zip(quarters, [2, 5, 7, 9], strict=True), "Comptes rendus")
    _measure(
        indicators["satisfaction"],
        [(dt.date(2026, 5, 31), "6.8"), (dt.date(2026, 11, 15), "7.4")],
        "Enquête auprès des membres",
        evidence={
            dt.date(2026, 11, 15): "« Nous avons retrouvé du temps pour l'accompagnement "
            "des familles » (directrice d'une association membre)."
        },
    )
    if (
        partners
        and not IndicatorContribution.objects.filter(indicator=indicators["staff"]).exists()
    ):
        for link, value in zip(partners, ["0.5", "0.3", "0.2"], strict=False):
            IndicatorContribution.objects.create(
                indicator=indicators["staff"],
                partner=link,
                date=dt.date(2026, 9, 30),
                value=Decimal(value),
                comment="ETP mis à disposition",
            )
        # The member associations bring their own staff too (the lead, then its co-members).
        members = sorted(
            alliance.participating_association_ids(), key=lambda pk: pk != alliance.lead_id
        )
        for association_id, value in zip(members, ["1", "0.5"], strict=False):
            IndicatorContribution.objects.create(
                indicator=indicators["staff"],
                association_id=association_id,
                date=dt.date(2026, 9, 30),
                value=Decimal(value),
                comment="Temps de salariés des associations membres",
            )

    example, created = OperationalObjective.objects.get_or_create(
        strategic_objective=so1,
        statement="Réduire de 15 % les coûts administratifs des 5 associations membres de "
        "l'alliance avant juillet 2026 en mutualisant les fonctions comptabilité, RH et "
        "communication via la création d'un service partagé opérationnel au 1er décembre 2025.",
        defaults={
            "dimension": Dimension.MEANS,
            "scope_who": "Les 5 associations membres de l'alliance",
            "scope_what": "Les coûts administratifs de la comptabilité, des RH et de la "
            "communication",
            "start_date": start,
            "deadline": dt.date(2026, 6, 30),
            "achievable": True,
            "achievable_justification": "Mutualisation de fonctions existantes, avec deux "
            "salariées déjà formées.",
            "realistic": True,
            "realistic_justification": "Sept mois de déploiement, financement de la "
            "Métropole acquis.",
        },
    )
    if created:
        example.indicators.add(indicators["costs"], indicators["staff"])
        example.partners.set(partners[:1])
    volunteers, created = OperationalObjective.objects.get_or_create(
        strategic_objective=so1,
        statement="Former 40 bénévoles des associations membres à la gestion associative "
        "d'ici fin 2026.",
        defaults={
            "dimension": Dimension.MEANS,
            "scope_who": "40 bénévoles des associations membres",
            "scope_what": "La formation à la comptabilité et à la paie associatives",
            "start_date": start,
            "deadline": dt.date(2026, 12, 31),
            "achievable": True,
            "achievable_justification": "Le cabinet partenaire anime les sessions en mécénat "
            "de compétences.",
            "realistic": True,
            "realistic_justification": "Quatre sessions par trimestre, hors période de clôture.",
        },
    )
    if created:
        volunteers.indicators.add(indicators["volunteers"])
        volunteers.partners.set(partners[2:3])
    families_objective, created = OperationalObjective.objects.get_or_create(
        strategic_objective=so2,
        statement="Orienter 300 familles vers leurs droits grâce au guichet commun d'ici "
        "juin 2027.",
        defaults={
            "dimension": Dimension.PRODUCTION,
            "scope_who": "300 familles des quartiers de Lyon Nord",
            "scope_what": "L'orientation vers les droits sociaux au guichet commun",
            "start_date": start,
            "deadline": dt.date(2027, 6, 30),
            "achievable": True,
            "achievable_justification": "Trois permanences hebdomadaires tenues par les membres.",
            "realistic": True,
            "realistic_justification": "Dix-huit mois, avec le soutien de la Métropole.",
        },
    )
    if created:
        families_objective.indicators.add(indicators["families"], indicators["satisfaction"])
        families_objective.partners.set(partners[:2])
    vague, created = OperationalObjective.objects.get_or_create(
        strategic_objective=so2,
        statement="Améliorer la communication entre les partenaires.",
        defaults={
            "dimension": Dimension.COMMUNICATION,
            "scope_who": "Tout le monde",
            "scope_what": "La communication",
        },
    )
    if created:
        vague.indicators.add(indicators["meetings"])

    plan, _ = EvaluationPlan.objects.get_or_create(
        alliance=alliance,
        defaults={
            "purpose_track": True,
            "purpose_understand": True,
            "purpose_value": True,
            "notes": "Tableau de bord mensuel partagé ; bilan annuel en comité de pilotage.",
        },
    )
    for text, keys in (
        ("L'alliance atteint-elle ses objectifs ?", ["costs", "families", "volunteers"]),
        ("Les activités produisent-elles les effets attendus ?", ["satisfaction", "meetings"]),
    ):
        question, created = EvaluativeQuestion.objects.get_or_create(alliance=alliance, text=text)
        if created:
            question.indicators.set([indicators[k] for k in keys])

    Analysis.objects.get_or_create(
        alliance=alliance,
        defaults={
            "strengths": "Objectif d'économies atteint dès juin 2026 ; comité de pilotage "
            "régulier.",
            "improvements": "Le guichet commun monte en charge plus lentement que prévu.",
            "gaps_comment": "Les coûts dépassent l'objectif ; les familles orientées sont à "
            "26 % de la cible pour 62 % du temps écoulé.",
            "positive_factors": "Engagement des directions ; mécénat de compétences du "
            "cabinet comptable.",
            "negative_factors": "Recrutement tardif de la chargée d'accueil du guichet.",
            "conclusions": "Consolider le service partagé et renforcer l'accueil du guichet "
            "commun au premier semestre 2027.",
        },
    )
    if not SteeringDecision.objects.filter(alliance=alliance).exists():
        record_decision(
            alliance=alliance,
            text="Ouvrir une quatrième permanence hebdomadaire du guichet commun.",
            decided_on=dt.date(2026, 11, 18),
            action_fields={
                "title": "Ouvrir une quatrième permanence du guichet commun",
                "due_date": dt.date(2027, 1, 31),
            },
        )
    _report(alliance, demo.accounts.get("Association admin"))
    return alliance


def _report(alliance, user):
    """The demo's impact evaluation report, rendered here (no worker needed) unless one exists."""
    from reports.kinds import get_kind
    from reports.models import Report
    from reports.services import request_report
    from reports.tasks import render_report

    if Report.objects.of_subject(alliance).filter(kind="evaluation").exists():
        return
    report = request_report(get_kind("evaluation"), alliance, user)
    # Runs the task in this process; the message sent after commit then finds it done.
    render_report.apply(args=[report.pk])
