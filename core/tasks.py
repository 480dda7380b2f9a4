import logging
from datetime import timedelta

from celery import shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connections
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation

from .outbox import deliver

logger = logging.getLogger(__name__)


@shared_task(
    name="core.send_templated_email",
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=True,
    max_retries=5,
)
def send_templated_email(template, to, context, language=None):
    """Renders `emails/<template>_{subject.txt,body.txt,body.html}` in `language` (French by
    default) and sends it.

    The context holds only JSON values (strings, numbers), so the task can wait in Redis. The
    subject and the plain-text part are rendered without HTML escaping (a name with an
    apostrophe stays « d'arguments », not « d&#x27;arguments »); the HTML part is escaped.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_plain_text(f"emails/{template}_subject.txt", context).split())
        text = render_plain_text(f"emails/{template}_body.txt", context)
        html = render_to_string(f"emails/{template}_body.html", context)
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, to, headers=unsubscribe_headers(context)
    )
    message.attach_alternative(html, "text/html")
    message.send()


def unsubscribe_headers(context) -> dict:
    """RFC 2369 and RFC 8058: mail clients show an « unsubscribe » button that POSTs to the
    signed URL, no login needed (notifications/views.py)."""
    url = context.get("unsubscribe_url")
    if not url:
        return {}
    return {
        "List-Unsubscribe": f"<{settings.SITE_URL}{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def render_plain_text(template_name, context) -> str:
    """A text template rendered with autoescape off: plain text is not HTML."""
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


@shared_task(name="core.refresh_stored_figures")
def refresh_stored_figures():
    """The nightly job: every app's stored figures computed again (`<app>/summaries.py`,
    `refresh_all`), lowest layer first. What changes with the date alone (an action becomes
    late, a convention nears its end, an indicator falls behind) is caught here, and so is a
    row changed behind the services' back."""
    from .navigation import app_hooks

    return {refresh.__module__: refresh() for refresh in app_hooks("summaries", "refresh_all")}


@shared_task(name="core.deliver_outbox")
def deliver_outbox():
    """Celery beat, every 30 s: the tasks kept while the broker was down are sent now."""
    return deliver()


@shared_task(name="core.worker_heartbeat", bind=True)
def worker_heartbeat(self):
    """Celery beat, every 30 s: the worker that runs it says it is alive (read by /sante/)."""
    record_heartbeat(self.request.hostname)


def record_heartbeat(hostname):
    from .models import WorkerHeartbeat

    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(hostname=hostname or "?", defaults={"seen_at": now})
    # Workers gone for a day (another machine, another name) are forgotten.
    WorkerHeartbeat.objects.filter(seen_at__lt=now - timedelta(days=1)).delete()


@worker_ready.connect
def on_worker_start(sender, **kwargs):
    """A worker starting, often after Redis came back: it says it is alive and sends what
    the outbox kept, without waiting for beat (which may not run at all)."""
    try:
        record_heartbeat(getattr(sender, "hostname", None))
        deliver()
    except Exception:  # never keep a worker from starting
        logger.exception("Outbox delivery at worker start failed")
    finally:
        connections.close_all()  # the master process keeps no connection its children inherit
