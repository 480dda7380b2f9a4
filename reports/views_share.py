"""A report's web page, and its share links: made and revoked by the report's owner, opened
by anyone who has one (no account)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import sharing
from .forms import ShareLinkForm, SharePasswordForm
from .models import Report, ShareLink, ShareLinkOpening
from .views import get_report_for_user
from .web import read_html, web_page

#: Openings listed under each link on the owner's page (the count covers them all).
OPENINGS_SHOWN = 20


def _ready(report):
    if report.status != Report.Status.READY or not report.file:
        raise Http404
    return report


@login_required
def report_web(request, pk):
    """The report as a web page, for whoever may read it."""
    report, kind, subject = get_report_for_user(request, pk)
    _ready(report)
    return web_page(
        request,
        read_html(report.html_file.name),
        pdf_url=reverse("reports:download", args=[report.pk]),
        data_as_of=report.data_as_of,
        back_url=reverse("reports:list", kwargs={"kind": kind.code, "object_id": subject.pk}),
    )


def _share_owner(request, pk):
    report, kind, subject = get_report_for_user(request, pk)
    kind.check_share_access(request, subject)
    return _ready(report), kind, subject


@login_required
def share_links(request, pk):
    report, kind, subject = _share_owner(request, pk)
    form = ShareLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sharing.create_share_link(
            report=report,
            user=request.user,
            days=form.cleaned_data["days"],
            password=form.cleaned_data["password"],
        )
        messages.success(request, _("The share link is made: copy it below."))
        return redirect("reports:share_links", pk=report.pk)
    links = list(ShareLink.objects.filter(report=report).select_related("created_by"))
    openings = {}
    for opening in ShareLinkOpening.objects.filter(link__report=report).order_by(
        "-opened_at", "-pk"
    )[: OPENINGS_SHOWN * 10]:
        openings.setdefault(opening.link_id, []).append(opening)
    now = timezone.now()
    rows = [
        {
            "link": link,
            "url": request.build_absolute_uri(reverse("reports:shared", args=[link.token])),
            "active": link.is_active(now),
            "expired": link.revoked_at is None and link.expires_at <= now,
            "openings": openings.get(link.pk, [])[:OPENINGS_SHOWN],
        }
        for link in links
    ]
    return render(
        request,
        "reports/share_links.html",
        {
            "report": report,
            "kind": kind,
            "subject": subject,
            "form": form,
            "rows": rows,
            "list_url": reverse(
                "reports:list", kwargs={"kind": kind.code, "object_id": subject.pk}
            ),
        },
    )


@login_required
@require_POST
def share_link_revoke(request, pk, link_pk):
    report, _kind, _subject = _share_owner(request, pk)
    link = get_object_or_404(ShareLink, pk=link_pk, report=report)
    sharing.revoke_share_link(link=link)
    messages.success(request, _("The link is revoked: it no longer opens the report."))
    return redirect("reports:share_links", pk=report.pk)


def _open_link(request, token):
    """The link if it may be opened by this browser; (link, None) or (None, password page)."""
    link = sharing.active_link(token)
    if link is None:
        raise Http404
    if not link.password or link.pk in request.session.get(sharing.SESSION_KEY, []):
        return link, None
    form = SharePasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if sharing.too_many_tries(link):
            form.add_error(
                "password", _("Too many wrong passwords: try again in a quarter of an hour.")
            )
        elif sharing.password_matches(link, form.cleaned_data["password"]):
            request.session[sharing.SESSION_KEY] = [
                *request.session.get(sharing.SESSION_KEY, []),
                link.pk,
            ]
            return None, redirect(request.path)
        else:
            sharing.count_wrong_try(link)
            form.add_error("password", _("This is not the password of this link."))
    return None, render(
        request, "reports/share_password.html", {"form": form, "title": link.report.title}
    )


def shared_report(request, token):
    """The report's web page as it was when the link was made."""
    link, page = _open_link(request, token)
    if page is not None:
        return page
    if not link.html_file:  # a report made before reports had a web version
        return redirect("reports:shared_pdf", token=token)
    html = read_html(link.html_file)
    sharing.log_opening(link=link, what=ShareLinkOpening.What.PAGE)
    return web_page(
        request,
        html,
        pdf_url=reverse("reports:shared_pdf", args=[token]),
        data_as_of=link.data_as_of,
    )


def shared_report_pdf(request, token):
    link, page = _open_link(request, token)
    if page is not None:
        return redirect("reports:shared", token=token)
    try:
        handle = default_storage.open(link.pdf_file, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    sharing.log_opening(link=link, what=ShareLinkOpening.What.PDF)
    response = FileResponse(
        handle,
        as_attachment=False,
        filename=f"{slugify(link.report.title) or 'rapport'}.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
