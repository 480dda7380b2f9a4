from django.db import transaction

from core.tasks import send_templated_email


def send_after_commit(template, to, context):
    """Queue a templated e-mail once the current transaction has committed.

    Sent from a worker, so a slow mail server never slows a page; after commit, so a rolled
    back change never sends a mail about something that did not happen.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    transaction.on_commit(lambda: send_templated_email.delay(template, recipients, context))
