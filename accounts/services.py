"""Writes on a person's own account. Views validate, then call these."""

from axes.utils import reset as reset_axes_attempts
from django.conf import settings
from django.db import transaction

from .lockout import normalised_username


@transaction.atomic
def choose_language(*, user, language: str) -> None:
    """The language of the person's pages and e-mails, from now on and on every device."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language: {language!r}")
    user.language = language
    user.save(update_fields=["language"])


@transaction.atomic
def lift_lockout(*, user) -> None:
    """A new password set through the e-mailed link proves the address: the failed log-ins
    counted against it (and the lockout they caused) go, as the lockout page promises."""
    reset_axes_attempts(username=normalised_username(user.email))
