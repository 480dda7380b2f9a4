from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation


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
