"""Every URL of the partners' space × every persona. The world gains the guests (see
core/tests/world.py) of the matrix's alliance, through its partner « Entreprise », an action
assigned to that partner, an indicator it contributes to, a pending invitation and a meeting."""

import datetime as dt

from django.utils import timezone

from alliances.models import Meeting
from alliances.tests.factories import ActionFactory, AllianceFactory, AlliancePartnerFactory
from core.tests.matrix import ADMIN_POST, LOGIN, READ, WRITE_POST, Route, expect
from evaluation.models import IndicatorContribution
from evaluation.tests.factories import IndicatorFactory
from partnerspace.models import GuestRole

from .factories import GuestAccessFactory, GuestInvitationFactory

GUESTS = (
    "guest_contributor",
    "guest_reader",
    "other_alliance_guest",
    "ended_guest",
    "revoked_guest",
)

# The guest's shared pages: its active guests only; the associations' staff work on the
# association's side, so the space itself is a 404 for them (they have no guest access).
GUEST_READ = expect(404, anonymous=LOGIN, guest_contributor=200, guest_reader=200)
GUEST_WRITE_GET = expect(404, anonymous=LOGIN, guest_contributor=200, guest_reader=403)
GUEST_WRITE_POST = expect(404, anonymous=LOGIN, guest_contributor=302, guest_reader=403)


def extend_world(world):
    alliance = world.alliance
    partner = world.alliance_partner
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    world.users["guest_contributor"] = GuestAccessFactory(alliance=alliance, partner=partner).user
    world.users["guest_reader"] = GuestAccessFactory(
        alliance=alliance, partner=partner, role=GuestRole.READER
    ).user
    other = AllianceFactory(lead=world.association, title="Autre alliance de l'asso")
    world.users["other_alliance_guest"] = GuestAccessFactory(
        alliance=other, partner=AlliancePartnerFactory(alliance=other)
    ).user
    world.users["ended_guest"] = GuestAccessFactory(
        alliance=alliance, partner=partner, ends_on=yesterday
    ).user
    revoked = GuestAccessFactory(alliance=alliance, partner=partner)
    revoked.revoked_at = timezone.now()
    revoked.save()
    world.users["revoked_guest"] = revoked.user
    world.objects["guest_access"] = revoked
    world.objects["guest_action"] = ActionFactory(
        alliance=alliance, owner_partner=partner, title="Action du partenaire"
    )
    indicator = IndicatorFactory(alliance=alliance, name="Indicateur partagé")
    IndicatorContribution.objects.create(
        indicator=indicator, partner=partner, date="2026-01-31", value=5
    )
    world.objects["guest_indicator"] = indicator
    world.objects["guest_meeting"] = Meeting.objects.create(
        alliance=alliance, date=dt.date(2026, 10, 1), decisions="Lancement"
    )
    world.objects["guest_invitation"] = GuestInvitationFactory(
        alliance=alliance, partner=partner, email="nouveau.contact@entreprise.example"
    )


def _alliance(w):
    return {"pk": w.alliance.pk}


def _thread(kind):
    def kwargs(w):
        item = {
            "action": w.guest_action.pk,
            "meeting": w.guest_meeting.pk,
            "indicator": w.guest_indicator.pk,
            "dossier": w.alliance.pk,
        }[kind]
        return {"pk": w.alliance.pk, "kind": kind, "item_pk": item}

    return kwargs


# « Mes espaces partenaires »: one active space opens it at once (302), else the list.
SPACES = expect(
    200, anonymous=LOGIN, guest_contributor=302, guest_reader=302, other_alliance_guest=302
)

ROUTES = [
    Route("partnerspace:spaces", SPACES),
    Route(
        "partnerspace:preferences",
        expect(302),
        method="post",
        data=lambda w: {"comment_emails": "off"},
    ),
    # An invitation's link is for whoever holds it: its page, before any account.
    Route(
        "partnerspace:accept",
        expect(200),
        kwargs=lambda w: {"token": w.guest_invitation.token},
    ),
    Route("partnerspace:space", GUEST_READ, kwargs=_alliance),
    Route("partnerspace:plan", GUEST_READ, kwargs=_alliance),
    Route("partnerspace:indicators", GUEST_READ, kwargs=_alliance),
    Route(
        "partnerspace:action_update",
        GUEST_WRITE_GET,
        kwargs=lambda w: {"pk": w.alliance.pk, "item_pk": w.guest_action.pk},
    ),
    Route(
        "partnerspace:action_update",
        GUEST_WRITE_POST,
        kwargs=lambda w: {"pk": w.alliance.pk, "item_pk": w.guest_action.pk},
        method="post",
        data=lambda w: {"status": "in_progress", "progress": "30", "comment": "En cours"},
    ),
    Route(
        "partnerspace:measurement_add",
        GUEST_WRITE_GET,
        kwargs=lambda w: {"pk": w.alliance.pk, "item_pk": w.guest_indicator.pk},
    ),
    Route(
        "partnerspace:measurement_add",
        GUEST_WRITE_POST,
        kwargs=lambda w: {"pk": w.alliance.pk, "item_pk": w.guest_indicator.pk},
        method="post",
        data=lambda w: {"date": "2026-02-28", "value": "380000", "source": "Compta"},
    ),
    *[
        Route("partnerspace:thread", GUEST_READ, kwargs=_thread(kind), label=kind)
        for kind in ("action", "meeting", "indicator", "dossier")
    ],
    Route(
        "partnerspace:comment",
        GUEST_WRITE_POST,
        kwargs=_thread("action"),
        method="post",
        data=lambda w: {"text": "Bonjour à tous"},
    ),
    # The associations' side.
    Route("partnerspace:guests", READ, kwargs=_alliance),
    Route(
        "partnerspace:invite",
        ADMIN_POST,
        kwargs=_alliance,
        method="post",
        data=lambda w: {
            "partner": w.alliance_partner.pk,
            "email": "autre.contact@entreprise.example",
            "role": "reader",
            "ends_on": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
        },
    ),
    Route(
        "partnerspace:revoke",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.alliance.pk, "access_pk": w.guest_access.pk},
        method="post",
    ),
    Route(
        "partnerspace:cancel_invitation",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.alliance.pk, "invitation_pk": w.guest_invitation.pk},
        method="post",
    ),
    Route(
        "partnerspace:publish_analysis",
        ADMIN_POST,
        kwargs=_alliance,
        method="post",
        data=lambda w: {"publish": "1"},
    ),
    Route("partnerspace:staff_thread", READ, kwargs=_thread("dossier")),
    Route(
        "partnerspace:staff_thread",
        WRITE_POST,
        kwargs=_thread("meeting"),
        method="post",
        data=lambda w: {"text": "Compte rendu en ligne"},
    ),
]
