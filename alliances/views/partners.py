"""The partner directory: private to each association (its staff only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from alliances import services
from alliances.access import get_partner_for_user
from alliances.forms import ContactForm, PartnerForm, RelationshipEventForm
from alliances.models import (
    ActorFamily,
    ActorType,
    AlliancePartner,
    Contact,
    Partner,
    PartnerTag,
    RelationshipEvent,
)
from organisations.access import get_association_for_user
from organisations.identity_lookup import is_enabled as identity_lookup_enabled


def _member_partner(request, pk, *, write=False):
    partner, capability = get_partner_for_user(request, pk, write=write)
    if not capability.is_member:
        raise PermissionDenied
    return partner, capability


@login_required
def partner_list(request, pk):
    association, capability = get_association_for_user(request, pk, member=True)
    partners = (
        Partner.objects.filter(association=association)
        .prefetch_related("tags")
        .annotate(
            contact_count=Count("contacts", distinct=True),
            alliance_count=Count("alliances", distinct=True),
        )
    )
    query = request.GET.get("q", "").strip()
    family = request.GET.get("famille", "")
    actor_type = request.GET.get("type", "")
    tag = request.GET.get("etiquette", "")
    if query:
        partners = partners.filter(
            Q(name__icontains=query) | Q(territory__icontains=query) | Q(siren__startswith=query)
        )
    if actor_type in ActorType.values:
        partners = partners.filter(actor_type=actor_type)
    elif family in ActorFamily.values:
        from alliances.models import FAMILY_OF

        partners = partners.filter(
            actor_type__in=[t.value for t, f in FAMILY_OF.items() if f == family]
        )
    if tag:
        partners = partners.filter(tags__name=tag)
    return render(
        request,
        "alliances/partner_list.html",
        {
            "association": association,
            "capability": capability,
            "partners": partners,
            "query": query,
            "family": family,
            "actor_type": actor_type,
            "tag": tag,
            "families": ActorFamily.choices,
            "actor_types": ActorType.choices,
            "tags": PartnerTag.objects.filter(association=association),
        },
    )


@login_required
def partner_create(request, pk):
    association, capability = get_association_for_user(request, pk, write=True, member=True)
    form = PartnerForm(request.POST or None, association=association)
    if request.method == "POST" and form.is_valid():
        partner = services.save_partner(
            association=association, partner=form.instance, tag_names=form.tag_names()
        )
        messages.success(request, _("%(name)s is in the directory.") % {"name": partner.name})
        return redirect("alliances:partner_detail", pk=partner.pk)
    return render(
        request,
        "alliances/form_page.html",
        {
            "association": association,
            "capability": capability,
            "form": form,
            "title": _("Add a partner to the directory"),
            "cancel_url": request.build_absolute_uri("../"),
            "identity_target": "partner",
            "identity_lookup_enabled": identity_lookup_enabled(),
        },
    )


@login_required
def partner_detail(request, pk):
    partner, capability = _member_partner(request, pk)
    partner = (
        Partner.objects.filter(pk=partner.pk)
        .select_related("association")
        .prefetch_related(
            "tags",
            "contacts",
            Prefetch("events", queryset=RelationshipEvent.objects.select_related("author")),
            Prefetch("alliances", queryset=AlliancePartner.objects.select_related("alliance")),
        )
        .get()
    )
    return render(
        request,
        "alliances/partner_detail.html",
        {
            "partner": partner,
            "association": partner.association,
            "capability": capability,
            "event_form": RelationshipEventForm(),
        },
    )


@login_required
def partner_edit(request, pk):
    partner, capability = _member_partner(request, pk, write=True)
    form = PartnerForm(request.POST or None, instance=partner, association=partner.association)
    if request.method == "POST" and form.is_valid():
        services.save_partner(
            association=partner.association, partner=form.instance, tag_names=form.tag_names()
        )
        messages.success(request, _("Saved."))
        return redirect("alliances:partner_detail", pk=partner.pk)
    return render(
        request,
        "alliances/form_page.html",
        {
            "association": partner.association,
            "capability": capability,
            "form": form,
            "title": _("Edit %(name)s") % {"name": partner.name},
            "cancel_url": request.build_absolute_uri("../"),
            "identity_target": "partner",
            "identity_lookup_enabled": identity_lookup_enabled(),
        },
    )


@login_required
def partner_delete(request, pk):
    partner, capability = _member_partner(request, pk, write=True)
    going, protected = services.what_goes_with(partner)
    if request.method == "POST" and not protected:
        association_pk = partner.association_id
        services.delete_partner(partner=partner)
        messages.success(request, _("%(name)s is removed from the directory.") % {"name": partner})
        return redirect("alliances:partner_list", pk=association_pk)
    return render(
        request,
        "alliances/confirm_delete.html",
        {
            "association": partner.association,
            "capability": capability,
            "object": partner,
            "going": going,
            "protected": protected,
            "title": _("Remove %(name)s from the directory?") % {"name": partner},
            "protected_help": _(
                "This partner takes part in alliances or is on an actor map; remove it from "
                "them first:"
            ),
            "cancel_url": request.build_absolute_uri("../"),
        },
    )


PARTNER_ITEMS = {
    "contact": (Contact, ContactForm),
    "evenement": (RelationshipEvent, RelationshipEventForm),
}


def _partner_item(kind):
    try:
        return PARTNER_ITEMS[kind]
    except KeyError:
        raise Http404


@login_required
def partner_item_add(request, pk, kind):
    model, form_class = _partner_item(kind)
    partner, capability = _member_partner(request, pk, write=True)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.save_partner_item(partner=partner, item=form.instance, by=request.user)
        messages.success(request, _("Added."))
        return redirect("alliances:partner_detail", pk=partner.pk)
    return render(
        request,
        "alliances/form_page.html",
        {
            "association": partner.association,
            "capability": capability,
            "form": form,
            "title": _("Add a contact person")
            if model is Contact
            else _("Add to the relationship history"),
            "intro": partner.name,
            "cancel_url": request.build_absolute_uri("../../"),
        },
    )


@login_required
def partner_item_edit(request, pk, kind, item_pk):
    model, form_class = _partner_item(kind)
    partner, capability = _member_partner(request, pk, write=True)
    item = get_object_or_404(model, pk=item_pk, partner=partner)
    form = form_class(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        services.save_partner_item(partner=partner, item=form.instance, by=request.user)
        messages.success(request, _("Saved."))
        return redirect("alliances:partner_detail", pk=partner.pk)
    return render(
        request,
        "alliances/form_page.html",
        {
            "association": partner.association,
            "capability": capability,
            "form": form,
            "title": _("Edit: %(item)s") % {"item": item},
            "intro": partner.name,
            "cancel_url": request.build_absolute_uri("../../../"),
        },
    )


@login_required
def partner_item_delete(request, pk, kind, item_pk):
    model, _form = _partner_item(kind)
    partner, capability = _member_partner(request, pk, write=True)
    item = get_object_or_404(model, pk=item_pk, partner=partner)
    if request.method == "POST":
        services.delete_partner_item(partner=partner, item=item)
        messages.success(request, _("Deleted: %(item)s.") % {"item": item})
        return redirect("alliances:partner_detail", pk=partner.pk)
    return render(
        request,
        "alliances/confirm_delete.html",
        {
            "association": partner.association,
            "capability": capability,
            "object": item,
            "going": [],
            "protected": [],
            "title": _("Delete « %(item)s »?") % {"item": item},
            "cancel_url": request.build_absolute_uri("../../../"),
        },
    )
