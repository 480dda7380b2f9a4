"""Every write of notifications: the daily reminders, the weekly digests, the preferences,
unsubscribing and the calendar feed's token."""

import datetime as dt
from collections import defaultdict
from itertools import islice

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from core.emails import send_after_commit
from partnerspace import services as partnerspace_services

from . import kinds
from .due import everything_due
from .models import CalendarFeed, Digest, Preference, SentReminder, new_feed_token
from .network_week import network_sections
from .preferences import DIGEST, deliveries_of, unsubscribe_token

BATCH = 500


def batched(items, size):
    """itertools.batched, which Python 3.11 lacks."""
    iterator = iter(items)
    while batch := tuple(islice(iterator, size)):
        yield batch


def _insert_new(model, columns, rows, *, unique, returning="id") -> list:
    """INSERT … ON CONFLICT DO NOTHING RETURNING: what this call inserted, nothing else.

    The unique constraint decides: a second run, or another worker inserting the same row at
    the same moment (PostgreSQL waits for its transaction, then skips it), gets nothing back
    for it, so it sends nothing. (Django's bulk_create(ignore_conflicts=True) does not say
    which rows it inserted.)
    """
    table = model._meta.db_table
    names = ", ".join(f'"{column}"' for column in columns)
    placeholder = "(" + ", ".join(["%s"] * len(columns)) + ")"
    inserted = []
    with connection.cursor() as cursor:
        for batch in batched(rows, BATCH):
            cursor.execute(
                f"INSERT INTO {table} ({names}) VALUES {', '.join([placeholder] * len(batch))} "
                f"ON CONFLICT ({', '.join(unique)}) DO NOTHING RETURNING {returning}",
                [value for row in batch for value in row],
            )
            inserted.extend(row[0] for row in cursor.fetchall())
    return inserted


REMINDER_COLUMNS = (
    "kind",
    "object_id",
    "recipient_id",
    "due_on",
    "delivery",
    "alliance_id",
    "group",
    "subject",
    "path",
    "created_at",
    "sent_at",
)


@transaction.atomic
def send_reminders(*, today: dt.date) -> dict:
    """Record what is due today and send at once what people want at once; the rest waits
    for the weekly digest (or is recorded and never sent). Idempotent."""
    dues = everything_due(today)
    deliveries = deliveries_of({due.recipient_id for due in dues})
    now = timezone.now()
    rows = []
    for due in dues:
        delivery = deliveries[(due.recipient_id, due.kind)]
        rows.append(
            (
                due.kind,
                due.object_id,
                due.recipient_id,
                due.due_on,
                delivery,
                due.alliance_id,
                due.group[:200],
                due.subject[:300],
                due.path,
                now,
                now if delivery == kinds.IMMEDIATE else None,
            )
        )
    inserted = _insert_new(
        SentReminder,
        REMINDER_COLUMNS,
        rows,
        unique=("kind", "object_id", "recipient_id", "due_on"),
    )
    immediate = list(
        SentReminder.objects.filter(pk__in=inserted, delivery=kinds.IMMEDIATE).select_related(
            "recipient"
        )
    )
    for reminder in immediate:
        send_after_commit(
            "reminder",
            reminder.recipient.email,
            {
                "group": reminder.group,
                "line": _line(reminder),
                "path": reminder.path,
                "preferences_path": reverse("notifications:preferences"),
                "unsubscribe_url": _unsubscribe_path(reminder.recipient_id, reminder.kind),
            },
            language=reminder.recipient.language,
        )
    return {"due": len(dues), "recorded": len(inserted), "sent": len(immediate)}


def _line(reminder) -> dict:
    """What emails/_reminder_line.txt reads; dates day first in both languages."""
    return {
        "kind": reminder.kind,
        "subject": reminder.subject,
        "due_on": reminder.due_on.strftime("%d/%m/%Y"),
        "path": reminder.path,
    }


def _unsubscribe_path(user_id, kind):
    return reverse("notifications:unsubscribe", args=[unsubscribe_token(user_id, kind)])


def week_of(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=today.weekday())


def send_weekly_digests(*, today: dt.date) -> dict:
    """One e-mail a person with something to say this week, never an empty one: their
    waiting reminders grouped by alliance, and for network heads their networks' week.
    Each batch is its own transaction; a person's digest is decided by a unique row
    (person, week), so a second run or a second worker sends nobody twice."""
    from organisations.models import NetworkHead

    week = week_of(today)
    since = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=7), dt.time()))
    waiting = set(
        SentReminder.objects.filter(sent_at__isnull=True, delivery=kinds.WEEKLY).values_list(
            "recipient_id", flat=True
        )
    )
    heads = set(NetworkHead.objects.values_list("user_id", flat=True))
    people = sorted(waiting | heads)
    totals = {"people": 0, "lines": 0, "network_parts": 0, "batches": 0}
    for batch in batched(people, BATCH):
        sent, lines, network_parts = _send_digest_batch(batch, heads, week, since)
        totals["people"] += sent
        totals["lines"] += lines
        totals["network_parts"] += network_parts
        totals["batches"] += 1
    return totals


@transaction.atomic
def _send_digest_batch(user_ids, heads, week, since) -> tuple[int, int, int]:
    users = {
        user.pk: user
        for user in get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .only("pk", "email", "language", "first_name", "last_name")
    }
    wants_network = deliveries_of([pk for pk in user_ids if pk in heads], [kinds.NETWORK_DIGEST])
    network_heads = [
        pk
        for pk in user_ids
        if pk in heads and wants_network[(pk, kinds.NETWORK_DIGEST)] != kinds.NEVER
    ]
    sections = network_sections(network_heads, since)
    reminders = defaultdict(list)
    for reminder in SentReminder.objects.filter(
        recipient_id__in=user_ids, sent_at__isnull=True, delivery=kinds.WEEKLY
    ).order_by("recipient_id", "group", "due_on", "pk"):
        reminders[reminder.recipient_id].append(reminder)
    candidates = [pk for pk in user_ids if pk in users and (reminders[pk] or sections.get(pk))]
    if not candidates:
        return 0, 0, 0
    now = timezone.now()
    won = set(
        _insert_new(
            Digest,
            ("recipient_id", "week", "lines", "sent_at"),
            [(pk, week, len(reminders[pk]), now) for pk in candidates],
            unique=("recipient_id", "week"),
            returning="recipient_id",
        )
    )
    claimed = [reminder.pk for pk in won for reminder in reminders[pk]]
    SentReminder.objects.filter(pk__in=claimed, sent_at__isnull=True).update(sent_at=now)
    for pk in sorted(won):
        user = users[pk]
        send_after_commit(
            "weekly_digest",
            user.email,
            digest_context(user, reminders[pk], sections.get(pk, []), week),
            language=user.language,
        )
    return len(won), len(claimed), sum(1 for pk in won if sections.get(pk))


def digest_context(user, reminders, networks, week) -> dict:
    """The digest's context, JSON only (it waits in the queue): the reminders grouped by
    alliance (by association for a diagnostic), every line with the path where it is done."""
    groups = {}
    for reminder in reminders:
        key = (reminder.alliance_id, reminder.group)
        groups.setdefault(key, {"title": reminder.group, "lines": []})["lines"].append(
            _line(reminder)
        )
    return {
        "name": user.first_name,
        "week": week.strftime("%d/%m/%Y"),
        "groups": list(groups.values()),
        "networks": networks,
        "preferences_path": reverse("notifications:preferences"),
        "unsubscribe_url": _unsubscribe_path(user.pk, DIGEST),
    }


@transaction.atomic
def set_preferences(*, user, deliveries: dict[str, str]) -> None:
    """Store the person's choice for each kind given (a kind left at its default is stored
    too: the default may change, the person's choice should not)."""
    existing = {p.kind: p for p in Preference.objects.filter(user=user, kind__in=deliveries)}
    for kind, delivery in deliveries.items():
        if kind not in kinds.KINDS or delivery not in kinds.KINDS[kind].deliveries:
            raise ValueError(f"{kind}: {delivery}")
        preference = existing.get(kind)
        if preference is None:
            Preference.objects.create(user=user, kind=kind, delivery=delivery)
        elif preference.delivery != delivery:
            preference.delivery = delivery
            preference.save(update_fields=["delivery"])


@transaction.atomic
def save_preferences_page(
    *, user, deliveries: dict[str, str], comment_emails: bool | None = None
) -> None:
    """« Mon compte → notifications »: the kinds' deliveries, and the partners' space
    threads' e-mails (stored by partnerspace, which owns them) when given."""
    set_preferences(user=user, deliveries=deliveries)
    if comment_emails is not None:
        partnerspace_services.set_comment_emails(user=user, enabled=comment_emails)


@transaction.atomic
def unsubscribe(*, user, kind: str) -> list[str]:
    """What a signed link turns off: its kind, or for a digest every kind now weekly. Returns
    the kinds turned off."""
    if kind == DIGEST:
        chosen = deliveries_of([user.pk])
        turned = [key for (_user, key), delivery in chosen.items() if delivery == kinds.WEEKLY]
    else:
        turned = [kind]
    set_preferences(user=user, deliveries=dict.fromkeys(turned, kinds.NEVER))
    return turned


@transaction.atomic
def reset_calendar_token(*, user) -> tuple[CalendarFeed, bool]:
    """The person's calendar address, made on first use; after that a new secret each time,
    the old address stopping at once (a shared or leaked link). (feed, made now)."""
    feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
    if not created:
        feed.token = new_feed_token()
        feed.save(update_fields=["token"])
    return feed, created
