"""The alliance and its five steps: list, creation, overview, step pages, co-members, history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliances import services
from alliances.access import get_alliance_for_user
from alliances.forms import STEP_TEXTS, AllianceForm, dossier_form_class
from alliances.history import entries, records_of
from alliances.models import AllianceMember, AlliancePartner, Convention
from alliances.selectors import alliances_of
from alliances.step_data import all_step_data, step_data
from alliances.stepper import STEP_TITLES, current_step, steps_for
from alliances.summaries import facts_of
from core.dashboard import collect_panels
from core.navigation import collect_alliance_tabs
from core.url_templates import url_maker
from organisations.access import association_capability, get_association_for_user, user_roles
from organisations.forms import InviteAssociationForm
from organisations.models import WRITE_ROLES, Role
from reports.selectors import reports_panel


def alliance_context(request, alliance, capability, tab, **extra):
    steps = steps_for(facts_of(alliance))
    step_url = url_maker("alliances:alliance_step", 2)
    for s in steps:
        s.url = step_url(alliance.pk, s.number)
    return {
        "alliance": alliance,
        "capability": capability,
        "can_edit": capability.can_edit,
        "steps": steps,
        "current_step": current_step(steps),
        "tab": tab,
        "alliance_tabs": collect_alliance_tabs(request, alliance),
        "lead_admin": _is_lead_staff(request.user, alliance, admin=True),
        "ending_conventions": _ending_conventions(alliance),
        **extra,
    }


def _ending_conventions(alliance):
    """Read only when the alliance's stored figures count some (kept by the services that
    change conventions, and each night for the date): most alliances have none."""
    summary = getattr(alliance, "summary", None)
    if summary is not None and not summary.ending_conventions:
        return []
    return list(Convention.objects.ending_soon().filter(alliance=alliance).order_by("end_date"))


def _is_lead_staff(user, alliance, *, admin=False):
    role = user_roles(user).get(alliance.lead_id)
    if admin:
        return role == Role.ADMIN
    return role in WRITE_ROLES


@login_required
def alliance_list(request, pk):
    association, capability = get_association_for_user(request, pk)
    rows = []
    for alliance in alliances_of(association).select_related("summary"):
        steps = steps_for(facts_of(alliance))
        rows.append(
            {
                "alliance": alliance,
                "steps": steps,
                "current": current_step(steps),
                "late": getattr(getattr(alliance, "summary", None), "late_actions", 0),
                "led": alliance.lead_id == association.pk,
            }
        )
    invitations = []
    if capability.is_member:
        invitations = list(
            AllianceMember.objects.filter(
                association=association, state=AllianceMember.State.INVITED
            ).select_related("alliance__lead")
        )
    return render(
        request,
        "alliances/alliance_list.html",
        {
            "association": association,
            "capability": capability,
            "rows": rows,
            "invitations": invitations,
        },
    )


@login_required
def alliance_create(request, pk):
    association, capability = get_association_for_user(request, pk, write=True)
    form = AllianceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        alliance = services.create_alliance(lead=association, by=request.user, **form.cleaned_data)
        messages.success(
            request, _("The alliance is created. Start with step 1, the internal diagnostic.")
        )
        return redirect("alliances:alliance_step", pk=alliance.pk, step=1)
    return render(
        request,
        "alliances/form_page.html",
        {
            "form": form,
            "title": _("Create an alliance"),
            "intro": _(
                "%(association)s will lead it. You can invite other associations of the "
                "platform as co-members afterwards."
            )
            % {"association": association.name},
            "cancel_url": request.build_absolute_uri("../"),
            "association": association,
            "submit": _("Create the alliance"),
        },
    )


@login_required
def alliance_detail(request, pk):
    alliance, capability = get_alliance_for_user(request, pk)
    context = alliance_context(request, alliance, capability, "overview")
    context["alliance_panels"] = collect_panels("alliance_panels", request, alliance, None)
    context |= all_step_data(alliance, request=request)
    return render(request, "alliances/alliance_detail.html", context)


@login_required
def alliance_edit(request, pk):
    alliance, capability = get_alliance_for_user(request, pk, write=True)
    form = AllianceForm(request.POST or None, instance=alliance)
    if request.method == "POST" and form.is_valid():
        services.update_alliance(alliance=form.instance)
        messages.success(request, _("The alliance is saved."))
        return redirect("alliances:alliance_detail", pk=alliance.pk)
    return render(
        request,
        "alliances/form_page.html",
        alliance_context(
            request,
            alliance,
            capability,
            "overview",
            form=form,
            title=_("Edit the alliance"),
            cancel_url=alliance.get_absolute_url(),
        ),
    )


@login_required
def alliance_delete(request, pk):
    alliance, capability = get_alliance_for_user(request, pk, write=True)
    if not _is_lead_staff(request.user, alliance, admin=True):
        raise PermissionDenied
    going, protected = services.what_goes_with(alliance)
    if request.method == "POST" and not protected:
        lead = alliance.lead_id
        services.delete_alliance(alliance=alliance)
        messages.success(request, _("The alliance « %(title)s » is deleted.") % {"title": alliance})
        return redirect("alliances:alliance_list", pk=lead)
    return render(
        request,
        "alliances/confirm_delete.html",
        alliance_context(
            request,
            alliance,
            capability,
            "overview",
            object=alliance,
            going=going,
            protected=protected,
            cancel_url=alliance.get_absolute_url(),
            title=_("Delete the alliance « %(title)s »?") % {"title": alliance},
        ),
    )


@login_required
def alliance_step(request, pk, step):
    if step not in STEP_TITLES:
        raise Http404
    alliance, capability = get_alliance_for_user(request, pk, write=request.method == "POST")
    form = None
    if step in STEP_TEXTS:
        dossier = (
            services.dossier_of(alliance)
            if request.method == "POST"
            else getattr(alliance, "dossier", None)
        )
        form = dossier_form_class(step)(request.POST or None, instance=dossier)
        if request.method == "POST" and form.is_valid():
            services.save_dossier(alliance=alliance, dossier=form.instance)
            messages.success(request, _("Saved."))
            return redirect("alliances:alliance_step", pk=alliance.pk, step=step)
    elif request.method == "POST":
        raise Http404
    context = alliance_context(request, alliance, capability, f"step{step}", step=step, form=form)
    context["this_step"] = context["steps"][step - 1]
    context["alliance_panels"] = collect_panels("alliance_panels", request, alliance, step)
    context |= step_data(alliance, step, request=request)
    if step == 2:  # the dossier de présentation is made from this step (report_kind.py)
        context["dossier_reports"] = reports_panel(request, "dossier", alliance)
    return render(request, "alliances/alliance_step.html", context)


@login_required
def alliance_members(request, pk):
    alliance, capability = get_alliance_for_user(request, pk)
    can_invite = _is_lead_staff(request.user, alliance)
    form = InviteAssociationForm(request.POST or None)
    if request.method == "POST":
        if not can_invite:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.invite_co_member(
                    alliance=alliance, association=form.association, by=request.user
                )
            except services.MembershipError as error:
                form.add_error("identifier", str(error))
            else:
                messages.success(
                    request,
                    _("%(association)s is invited. Its administrators will be asked to accept.")
                    % {"association": form.association.name},
                )
                return redirect("alliances:alliance_members", pk=alliance.pk)
    members = AllianceMember.objects.filter(alliance=alliance).select_related("association")
    partners = AlliancePartner.objects.filter(alliance=alliance).select_related(
        "partner", "alliance"
    )
    return render(
        request,
        "alliances/alliance_members.html",
        alliance_context(
            request,
            alliance,
            capability,
            "members",
            members=members,
            partners=partners,
            form=form,
            can_invite=can_invite,
        ),
    )


@login_required
@require_POST
def answer_alliance_invitation(request, pk, member_pk, answer):
    association, _capability = get_association_for_user(request, pk, admin=True)
    member = get_object_or_404(
        AllianceMember.objects.select_related("alliance"), pk=member_pk, association=association
    )
    try:
        services.answer_co_member_invitation(member=member, accept=answer == "accept")
    except services.MembershipError as error:
        messages.error(request, str(error))
    else:
        if answer == "accept":
            messages.success(
                request,
                _("%(association)s is now a co-member of « %(alliance)s ».")
                % {"association": association.name, "alliance": member.alliance.title},
            )
        else:
            messages.info(request, _("The invitation is declined."))
    return redirect("alliances:alliance_list", pk=association.pk)


@login_required
def end_alliance_membership(request, pk, member_pk):
    """The lead's administrators remove a co-member; a co-member's administrators leave."""
    alliance, capability = get_alliance_for_user(request, pk)
    member = get_object_or_404(
        AllianceMember.objects.select_related("association"), pk=member_pk, alliance=alliance
    )
    own_admin = association_capability(request.user, member.association_id).can_admin
    if not (own_admin or _is_lead_staff(request.user, alliance, admin=True)):
        raise PermissionDenied
    if request.method == "POST":
        services.end_co_membership(member=member)
        messages.success(
            request,
            _("%(association)s is no longer a co-member of the alliance.")
            % {"association": member.association.name},
        )
        if own_admin and not _is_lead_staff(request.user, alliance, admin=True):
            return redirect("alliances:alliance_list", pk=member.association_id)
        return redirect("alliances:alliance_members", pk=alliance.pk)
    return render(
        request,
        "alliances/confirm_delete.html",
        alliance_context(
            request,
            alliance,
            capability,
            "members",
            title=_("End %(association)s's membership of the alliance?")
            % {"association": member.association.name},
            going=[],
            protected=[],
            explanation=_(
                "Its staff will no longer see the alliance; its cost-sharing key is removed. "
                "What they wrote stays."
            ),
            confirm_label=_("End the membership"),
            cancel_url=request.build_absolute_uri("../../"),
        ),
    )


@login_required
def alliance_history(request, pk):
    alliance, capability = get_alliance_for_user(request, pk)
    return render(
        request,
        "alliances/history.html",
        alliance_context(
            request,
            alliance,
            capability,
            "history",
            entries=entries(records_of(alliance)),
            title=_("History of the alliance"),
        ),
    )


def members_prefetch():
    return Prefetch(
        "members",
        queryset=AllianceMember.objects.filter(state=AllianceMember.State.ACTIVE).select_related(
            "association"
        ),
        to_attr="active_members",
    )
