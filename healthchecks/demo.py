"""Demo data of the health check. Idempotent: found by alliance and opening date.

In the demo alliance, three parties answered twice: the lead (its admin and its editor), the
co-member association (two of its staff) and the Crédit Coopératif (two contacts, guests of
the space); the Ville de Lyon's one reader answered too, too few to be shown on its own. The
lead sees the steering and the balance of contributions much better than its partners do:
the latest health check flags those gaps. A governance meeting is planned in three weeks, so
that a gap can go on its agenda in one click.
"""

import datetime as dt

from django.utils import timezone

from alliances.models import Alliance, AllianceMember, AlliancePartner, Meeting
from evaluation.demo import ALLIANCE_TITLE
from organisations.demo import _user
from organisations.models import AssociationMembership, Role
from partnerspace.demo import _access
from partnerspace.models import GuestRole

from . import services
from .models import HealthAnswer, HealthCheck, HealthQuestionnaire, Participant
from .parties import association_key, partner_key

PASSWORD = "demo-faire-alliance-2026"
CO_MEMBER_STAFF = [
    ("direction@demo-comembre.faire-alliance.fr", "Nadia", "Roux", Role.ADMIN),
    ("comptable@demo-comembre.faire-alliance.fr", "Julien", "Petit", Role.EDITOR),
]
SECOND_CREDIT_CONTACT = ("partenaire.credit2@demo.faire-alliance.fr", "Hugo", "Lambert")

# Each party's usual answer per axis (A1…A5), then per person a shift per statement.
LATEST = {
    "lead": (4, 5, 4, 4, 4),
    "member": (4, 3, 3, 2, 3),
    "credit": (3, 2, 2, 3, 4),
    "town": (3, 3, 3, 3, 3),
}
PREVIOUS = {
    "lead": (4, 4, 4, 3, 4),
    "member": (3, 3, 3, 3, 3),
    "credit": (3, 3, 2, 3, 3),
    "town": (3, 3, 3, 3, 3),
}
SHIFTS = ((0, 1, 0, -1), (0, 0, -1, 1))


def seed(demo, password=PASSWORD):
    alliance = (
        Alliance.objects.filter(title=ALLIANCE_TITLE, lead=demo.association)
        .select_related("lead")
        .first()
    )
    questionnaire = HealthQuestionnaire.current()
    if alliance is None or questionnaire is None:
        return
    member = (
        AllianceMember.objects.filter(alliance=alliance, state=AllianceMember.State.ACTIVE)
        .select_related("association")
        .first()
    )
    links = {
        link.partner.name: link
        for link in AlliancePartner.objects.filter(alliance=alliance).select_related("partner")
    }
    credit = next((link for name, link in links.items() if name.startswith("Crédit")), None)
    town = next((link for name, link in links.items() if name.startswith("Ville")), None)
    contributor = demo.accounts.get("Partner guest (contributor)")
    reader = demo.accounts.get("Partner guest (reader)")
    if member is None or credit is None or town is None or contributor is None:
        return
    member_staff = []
    for email, first, last, role in CO_MEMBER_STAFF:
        user = _user(email, first, last, password)
        AssociationMembership.objects.get_or_create(
            association=member.association, user=user, defaults={"role": role}
        )
        member_staff.append(user)
    second = _user(*SECOND_CREDIT_CONTACT, password)
    admin = demo.accounts["Association admin"]
    _access(alliance, credit, second, GuestRole.CONTRIBUTOR, admin)
    lead_key = association_key(alliance.lead_id)
    people = [
        (demo.accounts["Association admin"], lead_key, alliance.lead.name, False, "lead"),
        (demo.accounts["Association staff (editor)"], lead_key, alliance.lead.name, False, "lead"),
        *[
            (user, association_key(member.association_id), member.association.name, False, "member")
            for user in member_staff
        ],
        (contributor, partner_key(credit.partner_id), credit.partner.name, True, "credit"),
        (second, partner_key(credit.partner_id), credit.partner.name, True, "credit"),
        (reader, partner_key(town.partner_id), town.partner.name, True, "town"),
    ]
    if not HealthCheck.objects.filter(alliance=alliance).exists():
        now = timezone.now()
        _health_check(
            alliance, questionnaire, admin, people, PREVIOUS, now - dt.timedelta(days=330)
        )
        _health_check(alliance, questionnaire, admin, people, LATEST, now - dt.timedelta(days=12))
    if not Meeting.objects.filter(alliance=alliance, date__gte=timezone.localdate()).exists():
        last = Meeting.objects.filter(alliance=alliance).order_by("-date").first()
        Meeting.objects.create(
            alliance=alliance,
            body=last.body if last else None,
            date=timezone.localdate() + dt.timedelta(days=21),
            attendees="Comité de pilotage",
        )


def _health_check(alliance, questionnaire, admin, people, profile, opened_at):
    health_check = HealthCheck.objects.create(
        alliance=alliance, questionnaire=questionnaire, opened_by=admin, opened_at=opened_at
    )
    answers = []
    counts = {}
    for user, key, name, is_guest, party in people:
        participant = Participant.objects.create(
            health_check=health_check,
            user=user,
            party_key=key,
            party_name=name,
            is_guest=is_guest,
            started_at=opened_at,
            submitted_at=opened_at + dt.timedelta(days=3),
        )
        shifts = SHIFTS[counts.get(party, 0) % len(SHIFTS)]
        counts[party] = counts.get(party, 0) + 1
        for axis_index, axis in enumerate(questionnaire.axes()):
            for index, statement in enumerate(axis["statements"]):
                value = min(5, max(1, profile[party][axis_index] + shifts[index % 4]))
                dont_know = party == "town" and index == 3
                answers.append(
                    HealthAnswer(
                        participant=participant,
                        statement=statement["code"],
                        value=None if dont_know else value,
                        dont_know=dont_know,
                        answered_at=opened_at + dt.timedelta(days=2),
                    )
                )
    HealthAnswer.objects.bulk_create(answers)
    services.close_health_check(health_check=health_check)
    HealthCheck.objects.filter(pk=health_check.pk).update(
        closed_at=opened_at + dt.timedelta(days=7)
    )
