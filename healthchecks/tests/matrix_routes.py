"""Every URL of the health check × every persona. The matrix's alliance gets an open health
check (every participant asked: its associations' staff, its active guests) and a closed one
with a perception gap, and a governance meeting planned ahead."""

import datetime as dt

from django.utils import timezone

from alliances.models import Meeting
from core.tests.matrix import ADMIN_GET, ADMIN_POST, LOGIN, READ, WRITE_POST, Route, expect
from healthchecks import services
from healthchecks.models import HealthAnswer, HealthCheck, Participant

# Answering is for the people asked: the association's staff (whatever their role: it is
# their own perception), not its network's heads nor platform admins (403), nobody else (404).
PARTICIPANT_GET = expect(
    404,
    anonymous=LOGIN,
    reader=200,
    editor=200,
    assoc_admin=200,
    network_head=403,
    platform_admin=403,
)
PARTICIPANT_POST = {**PARTICIPANT_GET, "reader": 302, "editor": 302, "assoc_admin": 302}
PARTICIPANT_SAVE = PARTICIPANT_GET
# The guests' side: its active guests, readers included (answering is theirs too).
GUEST_GET = expect(404, anonymous=LOGIN, guest_contributor=200, guest_reader=200)
GUEST_POST = expect(404, anonymous=LOGIN, guest_contributor=302, guest_reader=302)


def _answer_all(health_check, participants, high_on_steering):
    answers = []
    for participant in participants:
        for axis in health_check.questionnaire.axes():
            for statement in axis["statements"]:
                value = 5 if axis["code"] == "A2" and participant in high_on_steering else 2
                answers.append(
                    HealthAnswer(participant=participant, statement=statement["code"], value=value)
                )
    HealthAnswer.objects.bulk_create(answers)


def extend_world(world):
    alliance = world.alliance
    closed = services.open_health_check(alliance=alliance, opened_by=world.assoc_admin)
    participants = list(Participant.objects.filter(health_check=closed))
    staff = [p for p in participants if not p.is_guest]
    _answer_all(closed, participants, high_on_steering=staff)
    world.objects["closed_health_check"] = services.close_health_check(health_check=closed)
    world.objects["gap_key"] = world.closed_health_check.stored_results.gaps[0].key
    world.objects["open_health_check"] = services.open_health_check(
        alliance=alliance, opened_by=world.assoc_admin
    )
    Meeting.objects.create(alliance=alliance, date=timezone.localdate() + dt.timedelta(days=20))


def _alliance(w):
    return {"pk": w.alliance.pk}


def _open(w):
    return {"pk": w.open_health_check.pk}


def _closed(w):
    return {"pk": w.closed_health_check.pk}


def _guest_open(w):
    return {"pk": w.alliance.pk, "hc_pk": w.open_health_check.pk}


def _close_the_open_one(w):
    HealthCheck.objects.filter(pk=w.open_health_check.pk).update(status="closed")


ROUTES = [
    Route("healthchecks:list", READ, kwargs=_alliance),
    Route("healthchecks:open", ADMIN_GET, kwargs=_alliance),
    Route(
        "healthchecks:open",
        ADMIN_POST,
        kwargs=_alliance,
        method="post",
        data=lambda w: {"confirm": "on"},
        setup=_close_the_open_one,
    ),
    Route("healthchecks:detail", READ, kwargs=_open, label="open"),
    Route("healthchecks:detail", READ, kwargs=_closed, label="closed"),
    Route("healthchecks:close", ADMIN_POST, kwargs=_open, method="post"),
    Route("healthchecks:answer", PARTICIPANT_GET, kwargs=_open),
    Route(
        "healthchecks:answer",
        PARTICIPANT_POST,
        kwargs=_open,
        method="post",
        data=lambda w: {"answer-A1.1": "4", "go": "next"},
    ),
    Route(
        "healthchecks:autosave",
        PARTICIPANT_SAVE,
        kwargs=_open,
        method="post",
        data=lambda w: {"answer-A1.1": "3"},
    ),
    Route("healthchecks:submit", PARTICIPANT_GET, kwargs=_open),
    Route("healthchecks:submit", PARTICIPANT_POST, kwargs=_open, method="post"),
    Route(
        "healthchecks:gap_action",
        WRITE_POST,
        kwargs=_closed,
        method="post",
        data=lambda w: {"gap": w.gap_key},
    ),
    Route(
        "healthchecks:gap_agenda",
        WRITE_POST,
        kwargs=_closed,
        method="post",
        data=lambda w: {"gap": w.gap_key},
    ),
    Route("healthchecks:guest_list", GUEST_GET, kwargs=_alliance),
    Route(
        "healthchecks:guest_detail",
        GUEST_GET,
        kwargs=lambda w: {"pk": w.alliance.pk, "hc_pk": w.closed_health_check.pk},
    ),
    Route("healthchecks:guest_answer", GUEST_GET, kwargs=_guest_open),
    Route(
        "healthchecks:guest_answer",
        GUEST_POST,
        kwargs=_guest_open,
        method="post",
        data=lambda w: {"answer-A5.1": "2", "go": "next"},
    ),
    Route(
        "healthchecks:guest_autosave",
        expect(404, anonymous=LOGIN, guest_contributor=200, guest_reader=200),
        kwargs=_guest_open,
        method="post",
        data=lambda w: {"answer-A5.1": "dk"},
    ),
    Route("healthchecks:guest_submit", GUEST_GET, kwargs=_guest_open),
    Route("healthchecks:guest_submit", GUEST_POST, kwargs=_guest_open, method="post"),
]
