"""Writes on API tokens: create (the secret returned once), revoke, note the last use."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import ApiToken

TOKEN_PREFIX = "fa_"
# The last-used date is precise to the minute: one UPDATE a minute per token, not per call.
LAST_USED_PRECISION = timedelta(minutes=1)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def create_token(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token of `user` and its secret, which is never stored nor shown again."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:100], prefix=raw[:8], key_hash=hash_token(raw)
    )
    return token, raw


@transaction.atomic
def revoke_token(*, token: ApiToken) -> None:
    if token.revoked_at is None:
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )


@transaction.atomic
def revoke_all_tokens(*, user) -> int:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def note_use(*, token: ApiToken) -> None:
    """Stores when the token was last used, at most once a minute. One UPDATE, atomic by
    itself: no transaction around it, which would cost every API call two queries more."""
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_PRECISION:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
