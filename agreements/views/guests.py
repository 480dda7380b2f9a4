"""The guests' side: a contributor of a party's organisation reads the version in force, what
changed since the previous one, and answers for its organisation only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from partnerspace.services import record_visit

from .. import selectors
from ..access import get_convention_for_guest
from ..forms import AnswerForm
from ..representatives import may_answer
from .files import serve_frozen_pdf
from .staff import record_answer


def _context(request, access, convention, party, **extra):
    page = selectors.convention_page(convention, request.user)
    current = page["current"]
    _previous, diff = selectors.diff_with_previous(page["versions"], current)
    own = next((row for row in current.rows if row["party"] and row["party"].pk == party.pk), None)
    return {
        "access": access,
        "alliance": access.alliance,
        "tab": "space",
        "convention": convention,
        "party": party,
        "current": current,
        "sent": page["sent"],
        "diff": diff,
        "own": own,
        "may_answer": may_answer(request.user, access.alliance, party),
        **extra,
    }


@login_required
def guest_convention(request, pk, convention_pk):
    access, convention, party = get_convention_for_guest(request, pk, convention_pk)
    record_visit(access=access)
    return render(
        request,
        "agreements/guest_convention.html",
        _context(request, access, convention, party),
    )


@login_required
def guest_answer(request, pk, convention_pk):
    access, convention, party = get_convention_for_guest(request, pk, convention_pk, write=True)
    context = _context(request, access, convention, party)
    current = context["current"]
    form = AnswerForm(
        request.POST or None, articles=current.articles, initial={"version": current.number}
    )
    if record_answer(request, convention=convention, party=party, form=form):
        messages.success(request, _("Your organisation's answer is recorded."))
        return redirect(reverse("agreements:guest_convention", args=[pk, convention.pk]))
    return render(request, "agreements/guest_answer.html", {**context, "form": form})


@login_required
def guest_pdf(request, pk, convention_pk):
    _access, convention, _party = get_convention_for_guest(request, pk, convention_pk)
    page = selectors.versions_of(convention)
    accepted = [version for version in page if version.report_id]
    if not accepted:
        raise Http404
    return serve_frozen_pdf(accepted[-1])
