from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Window
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from core.dashboard import collect_panels
from core.prepared import Prepared
from core.spreadsheets import export_response
from organisations.access import get_network_for_head
from organisations.forms import InviteAssociationForm
from organisations.models import NetworkMembership
from organisations.services import MembershipError
from reports.selectors import reports_panel

from .. import exports, services
from ..filters import MemberFilter
from ..forms import InviteByEmailForm
from ..member_page import member_page
from ..members import member_order, members_of, sort_asked
from ..picture import picture

INVITED_SHOWN = 10


@login_required
def network_detail(request, pk):
    """The network dashboard: every active member with its diagnostic and alliances."""
    network, capability = get_network_for_head(request, pk)
    member_filter = MemberFilter(request.GET or None, queryset=members_of(network))
    filters = {}
    if member_filter.is_bound:
        member_filter.form.is_valid()  # a value that does not validate is left out
        filters = member_filter.form.cleaned_data
    sort = sort_asked(request)
    try:
        number = max(int(request.GET.get("page") or 1), 1)
    except ValueError:
        number = 1
    # The database filters, orders and cuts the page: only its 25 members are read in full,
    # whatever the size of the network.
    page = member_page(network, filters, sort, number)
    query = request.GET.copy()
    query.pop("page", None)
    sort_query = query.copy()
    sort_query.pop("tri", None)
    return render(
        request,
        "networks/network_detail.html",
        {
            "network": network,
            "is_head": capability.can_edit,
            "filter": member_filter,
            "page": page,
            "total": page.total,
            "sort": sort,
            "query": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            **pending_invitations(network),
            "panels": collect_panels("network_panels", request, network),
        },
    )


#: The latest invitations waiting for an answer, and how many there are in all: a network of
#: thousands may have hundreds pending.
PENDING = Prepared(
    lambda network: (
        NetworkMembership.objects.filter(network=network, state=NetworkMembership.State.INVITED)
        .annotate(total=Window(Count("pk")))
        .order_by("-invited_at", "-pk")
        .values_list("association__name", "invited_at", "total")[:INVITED_SHOWN]
    ),
    network=int,
)


def pending_invitations(network):
    invited = PENDING(network=network.pk)
    return {
        "invited": invited,
        "invited_more": invited[0][2] - len(invited) if invited else 0,
    }


@login_required
def invite_association(request, pk):
    network, _capability = get_network_for_head(request, pk, write=True)
    form = InviteAssociationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_association_to_network(
                network=network, association=form.association, invited_by=request.user
            )
        except MembershipError as error:
            form.add_error("identifier", str(error))
        else:
            messages.success(
                request,
                _("%(association)s is invited. Its administrators will be asked to accept.")
                % {"association": form.association.name},
            )
            return redirect("networks:network_detail", pk=network.pk)
    return _invite_page(request, network, form, InviteByEmailForm())


@login_required
@require_POST
def invite_by_email(request, pk):
    """An association not on the platform yet, invited through its contact's e-mail."""
    network, _capability = get_network_for_head(request, pk, write=True)
    form = InviteByEmailForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invite_unregistered_association(
                network=network,
                email=form.cleaned_data["email"],
                association_name=form.cleaned_data["association_name"],
                invited_by=request.user,
            )
        except MembershipError as error:
            form.add_error("email", str(error))
        else:
            messages.success(
                request,
                _(
                    "An invitation to sign up was sent to %(email)s. Once the association is "
                    "registered, its administrator will be asked to accept your network."
                )
                % {"email": invitation.email},
            )
            return redirect("networks:network_detail", pk=network.pk)
    return _invite_page(request, network, InviteAssociationForm(), form)


def _invite_page(request, network, form, email_form):
    return render(
        request,
        "networks/network_invite.html",
        {"network": network, "form": form, "email_form": email_form},
    )


@login_required
def network_picture(request, pk):
    network, _capability = get_network_for_head(request, pk)
    return render(
        request,
        "networks/network_picture.html",
        {
            "network": network,
            "p": picture(network),
            "reports": reports_panel(request, "network", network),
        },
    )


EXPORTS = {"scores": exports.scores_table, "alliances": exports.alliances_table}
EXPORT_TITLES = {"scores": _lazy("Scores"), "alliances": _lazy("Alliances")}


@login_required
def network_export(request, pk, what, fmt):
    """The members the dashboard shows, with its filters and in its order (its query string)."""
    network, _capability = get_network_for_head(request, pk)
    if what not in EXPORTS or fmt not in ("csv", "xlsx"):
        raise Http404
    member_filter = MemberFilter(request.GET or None, queryset=members_of(network))
    sort = sort_asked(request)
    if member_filter.is_filtering or sort != "name":
        ids = list(
            member_filter.qs.order_by(*member_order(sort)).values_list("association_id", flat=True)
        )
        rows = exports.rows_of(network, ids)
    else:  # the whole network by name: its ids as a subquery, not bound one by one
        rows = exports.rows_of(network)
    columns, lines = EXPORTS[what](rows)
    return export_response(
        columns,
        lines,
        fmt=fmt,
        filename=f"{slugify(network.name)}-{what}-{timezone.localdate():%Y-%m-%d}",
        title=str(EXPORT_TITLES[what]),
    )
