from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation
from django.utils.functional import Promise

from . import tasks  # noqa: F401 (the e-mail task, sent by name, registered here)
from .outbox import send_task


def send_after_commit(template, to, context, *, language=None):
    """Queue a templated e-mail once the current transaction has committed.

    Sent from a worker, so a slow mail server never slows a page; after commit, so a rolled
    back change never sends a mail about something that did not happen; through the outbox,
    so a Redis down keeps it in the database until it can be queued.

    Each recipient gets it in the language they chose (French for an address with no account
    yet). Lazy strings of the context (a role's or a verdict's label) are translated into that
    language here, as the task only carries JSON. A caller sending to many people one at a
    time (the weekly digests) passes each one's `language`, read in its own batch: no query.
    A context with an `unsubscribe_url` gets the List-Unsubscribe headers (core/tasks.py).
    """
    recipients = [to] if isinstance(to, str) else list(to)

    def send():
        groups = {language: recipients} if language else recipients_by_language(recipients)
        for language_code, group in groups.items():
            with translation.override(language_code):
                translated = {
                    key: str(value) if isinstance(value, Promise) else value
                    for key, value in context.items()
                }
            send_task("core.send_templated_email", [template, group, translated, language_code])

    transaction.on_commit(send)


def recipients_by_language(recipients) -> dict[str, list[str]]:
    """{language: addresses}, in the order given; one query."""
    # The user model is looked up, not imported: core sits below accounts.
    chosen = dict(
        get_user_model()
        .objects.filter(email__in=[address.lower() for address in recipients])
        .values_list("email", "language")
    )
    groups = defaultdict(list)
    for address in recipients:
        language = chosen.get(address.lower(), settings.LANGUAGE_CODE)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        groups[language].append(address)
    return dict(groups)
