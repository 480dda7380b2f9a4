"""The kinds of notification a person can tune, one line each.

Adding a kind is one line in `KINDS` (no migration: the preference stores the key as text):
its key, its label on « Mon compte → notifications », who may receive it (`STAFF` for an
association's people, `HEADS` for network heads; a guest audience of the partners' space fits
here as a third value) and how it is delivered until the person chooses.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

IMMEDIATE = "immediate"
WEEKLY = "weekly"
NEVER = "never"
DELIVERIES = [
    (IMMEDIATE, _("Immediately")),
    (WEEKLY, _("Weekly digest")),
    (NEVER, _("Never")),
]

STAFF = "staff"
HEADS = "heads"
#: A partner organisation's contributor guest of an alliance (partnerspace): what its
#: organisation has to do there. A reader guest has nothing to do, so receives none.
GUESTS = "guests"


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    audience: str
    default: str = WEEKLY
    deliveries: tuple = (IMMEDIATE, WEEKLY, NEVER)


CAMPAIGN_UNFINISHED = "campaign_unfinished"
ACTION_DUE_SOON = "action_due_soon"
ACTION_LATE = "action_late"
CONVENTION_ENDING = "convention_ending"
MEASUREMENT_DUE = "measurement_due"
REVIEW_WAITING = "review_waiting"
NETWORK_DIGEST = "network_digest"
GUEST_ACTION_DUE_SOON = "guest_action_due_soon"
GUEST_ACTION_LATE = "guest_action_late"
GUEST_MEASUREMENT_DUE = "guest_measurement_due"
AGREEMENT_WAITING = "agreement_waiting"
GUEST_AGREEMENT_WAITING = "guest_agreement_waiting"
HEALTH_CHECK_UNANSWERED = "health_check_unanswered"
GUEST_HEALTH_CHECK_UNANSWERED = "guest_health_check_unanswered"

KINDS = {
    kind.key: kind
    for kind in [
        Kind(CAMPAIGN_UNFINISHED, _("A diagnostic I have not finished"), STAFF),
        Kind(ACTION_DUE_SOON, _("An action of mine due in 7 days"), STAFF),
        Kind(ACTION_LATE, _("An action of mine that is late"), STAFF),
        Kind(CONVENTION_ENDING, _("A convention ending in 90 or 30 days"), STAFF),
        Kind(MEASUREMENT_DUE, _("A measurement due and not entered"), STAFF),
        Kind(REVIEW_WAITING, _("A network review waiting for our reply"), STAFF),
        Kind(AGREEMENT_WAITING, _("A convention version waiting for our answer"), STAFF),
        Kind(
            NETWORK_DIGEST,
            _("My networks' week: members needing attention, news"),
            HEADS,
            WEEKLY,
            (WEEKLY, NEVER),
        ),
        Kind(HEALTH_CHECK_UNANSWERED, _("An alliance health check I have not answered"), STAFF),
        Kind(GUEST_ACTION_DUE_SOON, _("An action of my organisation due in 7 days"), GUESTS),
        Kind(GUEST_ACTION_LATE, _("An action of my organisation that is late"), GUESTS),
        Kind(
            GUEST_MEASUREMENT_DUE,
            _("A measurement my organisation contributes to, due and not entered"),
            GUESTS,
        ),
        Kind(
            GUEST_AGREEMENT_WAITING,
            _("A convention version waiting for my organisation's answer"),
            GUESTS,
        ),
        Kind(
            GUEST_HEALTH_CHECK_UNANSWERED,
            _("An alliance health check I have not answered"),
            GUESTS,
        ),
    ]
}


def kinds_for(audiences) -> list[Kind]:
    return [kind for kind in KINDS.values() if kind.audience in audiences]
