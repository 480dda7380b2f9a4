"""Demo data: in the demo alliance, a convention of skills-based patronage drafted in two
versions. The Crédit Coopératif (its contact answers as a guest of the partners' space) asked
for a change to the first; the second was accepted by the three parties — the lead, the
Crédit Coopératif, and a foundation without account whose answer the lead recorded — so its
frozen PDF is ready and linked from the convention. Idempotent: found by its title."""

import datetime as dt

from alliances.models import AlliancePartner, Convention, ConventionParty, ConventionType
from evaluation.demo import ALLIANCE_TITLE
from partnerspace.demo import CONTRIBUTOR
from reports.tasks import render_report

from . import services
from .articles import first_draft
from .models import ConventionVersion, Decision

TITLE = "Convention de mécénat de compétences 2027"

TEXTS = {
    "purpose": (
        "La présente convention organise le mécénat de compétences du Crédit Coopératif au "
        "profit des associations membres du pôle mutualisé : formation des trésoriers "
        "bénévoles et appui à la tenue des comptes."
    ),
    "duration": "Elle prend effet le 1er janvier 2027 pour une durée de deux ans.",
    "financial": (
        "Le Crédit Coopératif met à disposition deux salariés, 40 jours par an, valorisés "
        "à 24 000 € par an. Aucune somme n'est versée entre les parties."
    ),
    "governance": (
        "Un comité de suivi réunit une fois par trimestre un représentant de chaque partie."
    ),
    "communication": (
        "Chaque partie peut faire état du partenariat ; l'usage des logos est soumis à "
        "l'accord écrit de leur titulaire."
    ),
    "intellectual_property": (
        "Les supports de formation restent la propriété de leur auteur ; ils sont librement "
        "utilisables par les membres du pôle."
    ),
    "personal_data": (
        "Les données des bénévoles formés sont traitées par l'association chef de file, "
        "responsable de traitement, pour la seule organisation des formations."
    ),
    "evaluation": "Nombre de trésoriers formés et comptes clos dans les délais, chaque année.",
    "termination": (
        "Chaque partie peut mettre fin à la convention par lettre recommandée, avec un "
        "préavis de trois mois."
    ),
    "disputes": (
        "Les parties recherchent d'abord un accord amiable ; à défaut, le tribunal "
        "judiciaire de Lyon est compétent."
    ),
}


def seed(demo):
    from alliances.models import Alliance

    alliance = Alliance.objects.filter(title=ALLIANCE_TITLE, lead=demo.association).first()
    admin = demo.accounts.get("Association admin")
    guest = demo.accounts.get("Partner guest (contributor)")
    if alliance is None or admin is None or guest is None or guest.email != CONTRIBUTOR[0]:
        return
    if Convention.objects.filter(alliance=alliance, title=TITLE).exists():
        return
    credit = (
        AlliancePartner.objects.filter(alliance=alliance, partner__name__startswith="Crédit")
        .select_related("partner")
        .first()
    )
    if credit is None:
        return
    convention = Convention.objects.create(
        alliance=alliance,
        kind=ConventionType.PARTNERSHIP,
        title=TITLE,
        start_date=dt.date(2027, 1, 1),
        end_date=dt.date(2028, 12, 31),
        total_amount=0,
        financial_terms="Mécénat de compétences valorisé à 24 000 € par an.",
    )
    lead = ConventionParty.objects.create(
        convention=convention,
        association=demo.association,
        represented_by="La présidente",
        commitments="Organiser les formations et en rendre compte au comité de suivi.",
    )
    bank = ConventionParty.objects.create(
        convention=convention,
        partner=credit,
        represented_by="Le directeur de l'agence Lyon Nord",
        commitments="Mettre à disposition deux formateurs, 40 jours par an.",
    )
    foundation = ConventionParty.objects.create(
        convention=convention,
        name="Fondation Lyon Solidaire",
        represented_by="Sa déléguée générale",
        commitments="Accueillir les sessions de formation dans ses locaux.",
    )

    articles = first_draft(convention, [lead, bank, foundation])
    for article in articles:
        article["text"] = TEXTS.get(article["key"], article["text"])
    services.save_draft(convention=convention, articles=articles, by=admin)
    first = services.send_version(convention=convention, by=admin)
    services.answer_version(version=first, party=lead, decision=Decision.ACCEPTED, by=admin)
    services.answer_version(
        version=first,
        party=bank,
        decision=Decision.CHANGES,
        comment="Sur le fond, nous sommes d'accord.",
        requests=[
            {
                "key": "financial",
                "title": next(a["title"] for a in articles if a["key"] == "financial"),
                "comment": "Nous pouvons aller jusqu'à 50 jours la première année.",
            }
        ],
        by=guest,
    )
    for article in articles:
        if article["key"] == "financial":
            article["text"] = (
                "Le Crédit Coopératif met à disposition deux salariés, 50 jours la première "
                "année puis 40 jours, valorisés à 30 000 € puis 24 000 €. Aucune somme n'est "
                "versée entre les parties."
            )
    services.save_draft(convention=convention, articles=articles, by=admin)
    second = services.send_version(convention=convention, by=admin)
    for party, user in ((lead, admin), (bank, guest), (foundation, admin)):
        services.answer_version(version=second, party=party, decision=Decision.ACCEPTED, by=user)
    # Rendered here, inside the transaction, as devtools.demo_reports does: the message sent on
    # commit then finds it done.
    report_id = ConventionVersion.objects.get(pk=second.pk).report_id
    render_report.apply(args=[report_id])
