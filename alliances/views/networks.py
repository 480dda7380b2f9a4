from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models.functions import Lower
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliances import exports, services
from alliances.access import get_network_for_head, is_network_head
from alliances.filters import MemberFilter
from alliances.forms import InviteAssociationForm
from alliances.models import Association, NetworkMembership
from alliances.network import SORTS, member_facts, page_rows_html
from core.dashboard import collect_panels

PAGE_SIZE = 25


@login_required
def network_detail(request, pk):
    """The network dashboard: every active member with its diagnostic and alliances."""
    network = get_network_for_head(request, pk)
    member_filter = MemberFilter(
        request.GET or None, queryset=Association.objects.active_in(network).order_by("name")
    )
    sort = request.GET.get("tri", "name")
    if sort.lstrip("-") not in SORTS:
        sort = "name"
    if sort.lstrip("-") == "name" and not member_filter.needs_every_row:
        # The database orders and cuts the page: only its 25 members' figures are gathered,
        # whatever the size of the network.
        pks = member_filter.qs.order_by(
            Lower("name").desc() if sort == "-name" else Lower("name")
        ).values_list("pk", flat=True)
        page = Paginator(pks, PAGE_SIZE).get_page(request.GET.get("page"))
        page.object_list = list(page.object_list)
        total = page.paginator.count
    else:
        # Computed filters and sorts read small cached figures of every member (member_facts),
        # then only the page's 25 members are gathered in full.
        facts = member_filter.filter_rows(member_facts(member_filter.qs))
        facts.sort(key=SORTS[sort.lstrip("-")], reverse=sort.startswith("-"))
        page = Paginator(facts, PAGE_SIZE).get_page(request.GET.get("page"))
        page.object_list = [row.pk for row in page.object_list]
        total = len(facts)
    query = request.GET.copy()
    query.pop("page", None)
    sort_query = query.copy()
    sort_query.pop("tri", None)
    invited = list(
        NetworkMembership.objects.filter(network=network, state=NetworkMembership.State.INVITED)
        .select_related("association")
        .order_by("association__name")
    )
    return render(
        request,
        "alliances/network_detail.html",
        {
            "network": network,
            "is_head": is_network_head(request.user, network),
            "filter": member_filter,
            "page": page,
            "rows_html": page_rows_html(request, network, page.object_list),
            "total": total,
            "sort": sort,
            "query": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            "invited": invited,
            "panels": collect_panels("network_panels", request, network),
        },
    )


@login_required
def invite_association(request, pk):
    network = get_network_for_head(request, pk)
    if not is_network_head(request.user, network):
        raise PermissionDenied
    form = InviteAssociationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_association_to_network(
                network=network, association=form.association, invited_by=request.user
            )
        except services.MembershipError as error:
            form.add_error("identifier", str(error))
        else:
            messages.success(
                request,
                _("%(association)s is invited. Its administrators will be asked to accept.")
                % {"association": form.association.name},
            )
            return redirect("alliances:network_detail", pk=network.pk)
    return render(request, "alliances/network_invite.html", {"network": network, "form": form})


@login_required
def network_picture(request, pk):
    from alliances.network_picture import picture

    network = get_network_for_head(request, pk)
    return render(
        request,
        "alliances/network_picture.html",
        {
            "network": network,
            "p": picture(network),
            "report_kind": is_network_head(request.user, network),
        },
    )


EXPORTS = {"scores": exports.scores_table, "alliances": exports.alliances_table}


@login_required
def network_export(request, pk, what, fmt):
    network = get_network_for_head(request, pk)
    if what not in EXPORTS or fmt not in ("csv", "xlsx"):
        raise Http404
    table = EXPORTS[what](network)
    name = f"{slugify(network.name)}-{what}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.to_xlsx(table, what),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
