"""The alliance file (every step, the action plan and the economic model on one page), cached.

Its ~20 lists and ~800 template nodes took ~25 ms of each visit. The rendered file is cached
under the revisions (core/revisions.py) of the alliance and of every association taking part
(names, partner directories, the self-diagnostic summary of step 1), with what else changes it:
whether the reader may edit, whose self-diagnostic step 1 shows, and the date (late actions).
"""

from django.template.loader import render_to_string
from django.utils import timezone

from alliances.models import Alliance, AllianceMember
from alliances.selectors import steps_by_alliance
from alliances.stepper import current_step
from core.revisions import alliance_scope, association_scope, cached_fragment

from .step_data import all_step_data, diagnosed_association


def alliance_file_html(request, alliance, context):
    member_ids = AllianceMember.objects.filter(alliance=alliance).values_list(
        "association_id", flat=True
    )
    scopes = [
        alliance_scope(alliance.pk),
        association_scope(alliance.lead_id),
        *(association_scope(pk) for pk in member_ids),
    ]
    diagnosed = diagnosed_association(request, alliance)
    parts = (alliance.pk, context["can_edit"], diagnosed.pk, timezone.localdate().isoformat())

    def render():
        # Read again after the tokens: a change committed since the view read the alliance
        # and its steps would otherwise be cached under the new token.
        fresh = Alliance.objects.select_related("lead").get(pk=alliance.pk)
        steps = steps_by_alliance([alliance.pk])[alliance.pk]
        data = {
            **context,
            "alliance": fresh,
            "steps": steps,
            "current_step": current_step(steps),
            **all_step_data(fresh, request=request, diagnosed=diagnosed),
        }
        return render_to_string("alliances/_alliance_file.html", data, request=request)

    return cached_fragment("alliance-file", scopes, parts, render)
