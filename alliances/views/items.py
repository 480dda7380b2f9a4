"""One set of views for everything added to an alliance's pages (see alliances/items.py),
and the few pages that need more than a form: scoring, decisions, the signed PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from alliances import services
from alliances.access import get_alliance_for_user, get_alliance_item_for_user
from alliances.forms import DecisionForm
from alliances.history import entries
from alliances.items import KINDS
from alliances.models import (
    AlliancePartner,
    Candidate,
    Convention,
    CriterionScore,
    SelectionCriterion,
)
from core.instances import links_of

from .alliance_pages import alliance_context


def _kind(kind):
    try:
        return KINDS[kind]
    except KeyError:
        raise Http404


def _tab(kind):
    return f"step{kind.page}" if isinstance(kind.page, int) else kind.page


IDS = ("convention", "action", "candidate", "body")


def _initial(request, kind):
    """Pre-selects a parent given in the query string (?convention=3, ?action=5, ?candidate=2).
    An id may come grouped by thousands (« 1 629 »: a page's links show numbers the French way):
    its digits are what count."""
    initial = {}
    for name in (*IDS, "quadrant", "kind"):
        if name in request.GET:
            value = request.GET[name]
            initial[name] = "".join(ch for ch in value if ch.isdigit()) if name in IDS else value
    return initial


def _save(kind, form, request, alliance):
    return services.save_item(
        alliance=alliance,
        item=form.instance,
        by=request.user,
        links=links_of(form),
        upload=form.cleaned_data.get("upload"),
    )


def _form_page(request, alliance, capability, kind, form, title, instance=None):
    return render(
        request,
        "alliances/form_page.html",
        alliance_context(
            request,
            alliance,
            capability,
            _tab(kind),
            form=form,
            title=title,
            cancel_url=kind.page_url(alliance),
            multipart=kind.slug == "convention",
            instance=instance,
        ),
    )


@login_required
def item_add(request, pk, kind):
    kind = _kind(kind)
    alliance, capability = get_alliance_for_user(request, pk, write=True)
    form = kind.form(
        request.POST or None,
        request.FILES or None,
        alliance=alliance,
        initial=_initial(request, kind),
    )
    if request.method == "POST" and form.is_valid():
        _save(kind, form, request, alliance)
        messages.success(request, _("Added."))
        return redirect(kind.page_url(alliance))
    return _form_page(request, alliance, capability, kind, form, kind.add_title)


@login_required
def item_edit(request, pk, kind, item_pk):
    kind = _kind(kind)
    alliance, item, capability = get_alliance_item_for_user(
        request, pk, kind.model, item_pk, lookup=kind.lookup, write=True
    )
    form = kind.form(request.POST or None, request.FILES or None, alliance=alliance, instance=item)
    if request.method == "POST" and form.is_valid():
        _save(kind, form, request, alliance)
        messages.success(request, _("Saved."))
        return redirect(kind.page_url(alliance))
    title = _("Edit: %(item)s") % {"item": item}
    return _form_page(request, alliance, capability, kind, form, title, instance=item)


@login_required
def item_delete(request, pk, kind, item_pk):
    kind = _kind(kind)
    alliance, item, capability = get_alliance_item_for_user(
        request, pk, kind.model, item_pk, lookup=kind.lookup, write=True
    )
    going, protected = services.what_goes_with(item)
    kept = services.what_stays_without(item)
    if request.method == "POST" and not protected:
        services.delete_item(alliance=alliance, item=item)
        messages.success(request, _("Deleted: %(item)s.") % {"item": item})
        return redirect(kind.page_url(alliance))
    return render(
        request,
        "alliances/confirm_delete.html",
        alliance_context(
            request,
            alliance,
            capability,
            _tab(kind),
            object=item,
            going=going,
            kept=kept,
            protected=protected,
            cancel_url=kind.page_url(alliance),
            title=_("Delete « %(item)s »?") % {"item": item},
        ),
    )


@login_required
def item_history(request, pk, kind, item_pk):
    kind = _kind(kind)
    if not kind.history:
        raise Http404
    alliance, capability = get_alliance_for_user(request, pk)
    # Deleted items keep their history: look them up in the history table, scoped.
    records = kind.model.history.filter(id=item_pk).select_related("history_user")
    if kind.lookup == "alliance":
        records = records.filter(alliance_id=alliance.pk)
    else:
        records = records.filter(convention__alliance=alliance)
    records = list(records)
    if not records:
        raise Http404
    return render(
        request,
        "alliances/history.html",
        alliance_context(
            request,
            alliance,
            capability,
            _tab(kind),
            entries=entries(records, label_of=lambda r: getattr(r, "title", str(r))),
            title=_("History: %(item)s") % {"item": records[0].title},
            back_url=kind.page_url(alliance),
        ),
    )


@login_required
def scoring(request, pk):
    """The grid of scores: each candidate on each criterion, 0 to 5."""
    alliance, capability = get_alliance_for_user(request, pk, write=True)
    candidates = list(Candidate.objects.filter(alliance=alliance).select_related("partner"))
    criteria = list(SelectionCriterion.objects.filter(alliance=alliance))
    existing = {
        (s.candidate_id, s.criterion_id): s.score
        for s in CriterionScore.objects.filter(candidate__alliance=alliance)
    }
    errors = {}
    values = {}
    for candidate in candidates:
        for criterion in criteria:
            name = f"score-{candidate.pk}-{criterion.pk}"
            raw = (
                request.POST.get(name, "").strip()
                if request.method == "POST"
                else existing.get((candidate.pk, criterion.pk), "")
            )
            values[name] = raw
            if (request.method == "POST" and raw != "") and (
                not str(raw).isdigit() or not 0 <= int(raw) <= 5
            ):
                errors[name] = _("A score is a whole number from 0 to 5.")
    if request.method == "POST" and not errors:
        services.set_scores(
            alliance=alliance,
            scores={
                (candidate, criterion): (
                    int(values[f"score-{candidate.pk}-{criterion.pk}"])
                    if values[f"score-{candidate.pk}-{criterion.pk}"] != ""
                    else None
                )
                for candidate in candidates
                for criterion in criteria
            },
        )
        messages.success(request, _("The scores are saved; the ranking is updated."))
        return redirect(
            f"{alliance_context_url(alliance)}#ranking",
        )
    rows = [
        {
            "candidate": c,
            "cells": [
                {
                    "name": f"score-{c.pk}-{k.pk}",
                    "criterion": k,
                    "value": values[f"score-{c.pk}-{k.pk}"],
                    "error": errors.get(f"score-{c.pk}-{k.pk}"),
                }
                for k in criteria
            ],
        }
        for c in candidates
    ]
    return render(
        request,
        "alliances/scoring.html",
        alliance_context(
            request,
            alliance,
            capability,
            "step3",
            rows=rows,
            criteria=criteria,
            errors=errors,
        ),
    )


def alliance_context_url(alliance):
    from django.urls import reverse

    return reverse("alliances:alliance_step", args=[alliance.pk, 3])


@login_required
def candidate_decision(request, pk, item_pk):
    alliance, candidate, capability = get_alliance_item_for_user(
        request, pk, Candidate, item_pk, write=True
    )
    existing = (
        AlliancePartner.objects.filter(alliance=alliance, partner=candidate.partner).first()
        if candidate.joins_as_partner
        else None
    )
    form = DecisionForm(
        request.POST or None,
        instance=candidate,
        initial={
            "role": existing.role if existing else "",
            "partnership_form": existing.partnership_form if existing else "",
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.decide_candidate(
            candidate=candidate,
            decision=data["decision"],
            reason=data["decision_reason"],
            decided_on=data["decided_on"],
            role=data.get("role", ""),
            partnership_form=data.get("partnership_form", ""),
        )
        messages.success(request, _("The decision is recorded."))
        return redirect(f"{alliance_context_url(alliance)}#decisions")
    return render(
        request,
        "alliances/form_page.html",
        alliance_context(
            request,
            alliance,
            capability,
            "step3",
            form=form,
            title=_("Decision on %(partner)s") % {"partner": candidate.display_name},
            intro=_(
                "Selected: the candidate joins the alliance's partners. Kept in reserve or set "
                "aside: say why, so the team remembers."
            ),
            cancel_url=alliance_context_url(alliance),
        ),
    )


@login_required
def convention_document(request, pk, item_pk):
    """The signed PDF, only for those who see the alliance; never inline, never sniffed."""
    alliance, convention, _capability = get_alliance_item_for_user(request, pk, Convention, item_pk)
    if not convention.document:
        raise Http404
    try:
        handle = convention.document.open("rb")
    except FileNotFoundError:
        raise Http404
    filename = convention.document_name or f"convention-{convention.pk}.pdf"
    if not filename.lower().endswith(".pdf"):
        filename += ".pdf"
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


__all__ = ["get_object_or_404"]
