"""Writes on a person's own account. Views validate, then call these."""

from django.conf import settings
from django.db import transaction


@transaction.atomic
def choose_language(*, user, language: str) -> None:
    """The language of the person's pages and e-mails, from now on and on every device."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language: {language!r}")
    user.language = language
    user.save(update_fields=["language"])
