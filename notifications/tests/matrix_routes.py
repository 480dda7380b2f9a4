from core.tests.matrix import LOGGED_IN, PUBLIC, Route, expect
from notifications import kinds
from notifications.models import CalendarFeed
from notifications.preferences import unsubscribe_token


def extend_world(world):
    world.objects["calendar_feed"] = CalendarFeed.objects.create(
        user=world.users["editor"], token="matrix-calendar-feed"
    )


def _unsubscribe(w):
    return {"token": unsubscribe_token(w.editor.pk, kinds.ACTION_LATE)}


ROUTES = [
    Route("notifications:preferences", LOGGED_IN),
    # Every kind sent as weekly: each persona's form keeps the kinds it shows and saves.
    Route(
        "notifications:preferences",
        expect(302),
        method="post",
        data=lambda w: dict.fromkeys(kinds.KINDS, kinds.WEEKLY),
    ),
    Route("notifications:calendar_reset", expect(302), method="post"),
    Route("notifications:calendar_reset", expect(405, anonymous=302), label="get"),
    # The secret token is the key: calendar applications do not log in.
    Route("notifications:calendar", PUBLIC, kwargs=lambda w: {"token": w.calendar_feed.token}),
    Route("notifications:unsubscribe", PUBLIC, kwargs=_unsubscribe),
    Route("notifications:unsubscribe", PUBLIC, kwargs=_unsubscribe, method="post"),
]
