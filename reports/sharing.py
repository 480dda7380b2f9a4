"""Share links: a ready report handed over, read-only, to someone without an account.

The link serves the report's files as they were when it was made (their names are copied onto
the link; a ready report's files are never written again), never newer data. A revoked or
expired link is a 404, as an unknown one. Each opening is logged and counted for the owner."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Report, ShareLink, ShareLinkOpening

#: The expiries an owner chooses from, in days.
EXPIRY_DAYS = (7, 30, 90)

#: The session key holding the links whose password this browser gave.
SESSION_KEY = "share_links_unlocked"
#: Wrong passwords allowed on one link in a quarter of an hour, from anyone: the token is
#: already secret, this keeps a leaked link's password from being guessed.
MAX_PASSWORD_TRIES = 10
PASSWORD_TRIES_WINDOW = 15 * 60


class NotShareable(Exception):
    """The report is not ready (or has no file): nothing to hand over yet."""


@transaction.atomic
def create_share_link(*, report: Report, user, days: int, password: str = "") -> ShareLink:
    if days not in EXPIRY_DAYS:
        raise ValueError(f"Unknown expiry: {days} days.")
    if report.status != Report.Status.READY or not report.file:
        raise NotShareable
    now = timezone.now()
    return ShareLink.objects.create(
        report=report,
        # 32 random bytes: 43 URL-safe characters, not guessable.
        token=secrets.token_urlsafe(32),
        created_by=user,
        expires_at=now + timedelta(days=days),
        password=make_password(password) if password else "",
        pdf_file=report.file.name,
        html_file=report.html_file.name if report.html_file else "",
        data_as_of=report.data_as_of or report.finished_at or now,
    )


@transaction.atomic
def revoke_share_link(*, link: ShareLink) -> ShareLink:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


@transaction.atomic
def log_opening(*, link: ShareLink, what: str) -> ShareLinkOpening:
    """One opening, and the link's count and last date kept with it."""
    opening = ShareLinkOpening.objects.create(link=link, what=what)
    ShareLink.objects.filter(pk=link.pk).update(
        open_count=F("open_count") + 1, last_opened_at=opening.opened_at
    )
    return opening


def active_link(token: str) -> ShareLink | None:
    """The link of this token if it may still be opened: not revoked, not expired."""
    link = ShareLink.objects.select_related("report").filter(token=token).first()
    if link is None or not link.is_active(timezone.now()):
        return None
    return link


def password_matches(link: ShareLink, password: str) -> bool:
    return bool(link.password) and check_password(password, link.password)


def _tries_key(link):
    return f"share-link-password-tries:{link.pk}"


def too_many_tries(link: ShareLink) -> bool:
    """Counted in the cache: losing it (Redis down) only forgets a few wrong tries."""
    return (cache.get(_tries_key(link)) or 0) >= MAX_PASSWORD_TRIES


def count_wrong_try(link: ShareLink) -> None:
    key = _tries_key(link)
    if not cache.add(key, 1, PASSWORD_TRIES_WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired in between
            cache.add(key, 1, PASSWORD_TRIES_WINDOW)
