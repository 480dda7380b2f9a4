"""Demo data of the partners' space: in the demo alliance, a contact of the Crédit Coopératif
is a guest contributor and one of the Ville de Lyon a guest reader; the contributor has
updated its action and entered a measurement, and the threads have messages. Idempotent."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from alliances.models import (
    Action,
    ActionStatus,
    Alliance,
    AlliancePartner,
    Convention,
    ConventionParty,
    ConventionType,
    Meeting,
)
from evaluation.demo import ALLIANCE_TITLE
from evaluation.models import Indicator, IndicatorContribution, Measurement

from . import services
from .models import TERMS_VERSION, Comment, GuestAccess, GuestActivity, GuestRole, ItemKind

CONTRIBUTOR = ("partenaire.contributeur@demo.faire-alliance.fr", "Lucie", "Moreau")
READER = ("partenaire.lecteur@demo.faire-alliance.fr", "Thomas", "Girard")


def _guest(email, first, last, password):
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last}
    )
    if created or not user.has_usable_password():
        user.set_password(password)
        user.save()
    return user


def _access(alliance, link, user, role, invited_by):
    access, _created = GuestAccess.objects.get_or_create(
        alliance=alliance,
        user=user,
        defaults={
            "partner": link,
            "role": role,
            "starts_on": timezone.localdate() - dt.timedelta(days=40),
            "ends_on": services.default_end_of_access(alliance),
            "invited_by": invited_by,
            "consented_at": timezone.now() - dt.timedelta(days=40),
            "consent_version": TERMS_VERSION,
            "last_visit_at": timezone.now() - dt.timedelta(days=2),
        },
    )
    services.refresh_guest_flag(user=user)  # the main menu's « Espaces partenaires »
    return access


# The demo's one password (devtools' seed_demo prints it; devtools sits above this app).
DEMO_PASSWORD = "demo-faire-alliance-2026"


def seed(demo, password=DEMO_PASSWORD):
    alliance = Alliance.objects.filter(title=ALLIANCE_TITLE, lead=demo.association).first()
    if alliance is None:
        return
    links = {
        link.partner.name: link
        for link in AlliancePartner.objects.filter(alliance=alliance).select_related("partner")
    }
    credit = next((link for name, link in links.items() if name.startswith("Crédit")), None)
    town = next((link for name, link in links.items() if name.startswith("Ville")), None)
    if credit is None or town is None:
        return
    admin = demo.accounts["Association admin"]
    staff = demo.accounts["Association staff (editor)"]
    contributor_user = _guest(*CONTRIBUTOR, password)
    reader_user = _guest(*READER, password)
    contributor = _access(alliance, credit, contributor_user, GuestRole.CONTRIBUTOR, admin)
    _access(alliance, town, reader_user, GuestRole.READER, admin)
    demo.accounts["Partner guest (contributor)"] = contributor_user
    demo.accounts["Partner guest (reader)"] = reader_user

    # The Crédit Coopératif trains the volunteer treasurers: it contributes to that indicator.
    volunteers = Indicator.objects.filter(alliance=alliance, unit="personnes").first()
    if (
        volunteers is not None
        and not IndicatorContribution.objects.filter(indicator=volunteers, partner=credit).exists()
    ):
        IndicatorContribution.objects.create(
            indicator=volunteers,
            partner=credit,
            date=dt.date(2026, 9, 30),
            value=Decimal("12"),
            comment="Trésoriers formés par les bénévoles du Crédit Coopératif",
        )

    # Its skills-based patronage is written into the partnership agreement, so the guest sees
    # a convention its organisation is party to.
    convention = Convention.objects.filter(
        alliance=alliance, kind=ConventionType.PARTNERSHIP
    ).first()
    if convention is not None and not convention.parties.filter(partner=credit).exists():
        ConventionParty.objects.create(
            convention=convention,
            partner=credit,
            represented_by="Le directeur de l'agence Lyon Nord",
            commitments="Mécénat de compétences : former les trésoriers bénévoles des membres.",
        )

    if not GuestActivity.objects.filter(alliance=alliance, user=contributor_user).exists():
        services.record_activity(contributor, "joined", at=contributor.consented_at)
    action = Action.objects.filter(alliance=alliance, owner_partner=credit).first()
    if (
        action is not None
        and not GuestActivity.objects.filter(
            alliance=alliance, user=contributor_user, verb="action"
        ).exists()
    ):
        services.update_action_as_guest(
            access=contributor,
            action=action,
            status=ActionStatus.IN_PROGRESS,
            progress=25,
            comment="Le programme de formation est validé ; première session le mois prochain.",
        )
    if (
        volunteers is not None
        and not Measurement.objects.filter(
            indicator=volunteers, entered_by=contributor_user
        ).exists()
    ):
        day = timezone.localdate() - dt.timedelta(days=3)
        while Measurement.objects.filter(indicator=volunteers, date=day).exists():
            day -= dt.timedelta(days=1)
        services.record_measurement_as_guest(
            access=contributor,
            indicator=volunteers,
            date=day,
            value=Decimal("18"),
            source="Feuilles d'émargement des formations",
            comment="Deux sessions de plus à Villeurbanne",
            evidence_text="",
        )

    # The threads: written directly (no e-mail from the demo).
    if not Comment.objects.filter(alliance=alliance).exclude(kind=ItemKind.ACTION).exists():
        now = timezone.now()
        question = Comment.objects.create(
            alliance=alliance,
            kind=ItemKind.DOSSIER,
            item_id=alliance.pk,
            author=staff,
            text="@Lucie Moreau pouvez-vous relire la partie sur les bénéficiaires avant le "
            "comité de pilotage ?",
            created_at=now - dt.timedelta(days=6),
        )
        question.mentioned.add(contributor_user)
        Comment.objects.create(
            alliance=alliance,
            kind=ItemKind.DOSSIER,
            item_id=alliance.pk,
            author=contributor_user,
            partner=credit,
            text="Relu : nous proposons d'ajouter les trésoriers des petites associations.",
            created_at=now - dt.timedelta(days=5),
        )
        meeting = Meeting.objects.filter(alliance=alliance).first()
        if meeting is not None:
            ask = Comment.objects.create(
                alliance=alliance,
                kind=ItemKind.MEETING,
                item_id=meeting.pk,
                author=admin,
                text="@Lucie Moreau le Crédit Coopératif peut-il confirmer sa présence au "
                "prochain comité ?",
                created_at=now - dt.timedelta(days=1),
            )
            ask.mentioned.add(contributor_user)
        if volunteers is not None:
            Comment.objects.create(
                alliance=alliance,
                kind=ItemKind.INDICATOR,
                item_id=volunteers.pk,
                author=staff,
                text="Merci pour la mesure d'octobre : nous la reprendrons dans le rapport au "
                "comité.",
                created_at=now - dt.timedelta(days=2),
            )
