"""Where each axis's recommendation points: the part of the product that helps.

The questionnaire names a target (`help_link` of each axis); this module turns it into a URL
for an association. Pages of other apps may not exist yet on every branch: a target whose URL
cannot be built gives no link rather than an error.
"""

from django.urls import NoReverseMatch, reverse

from alliances.models import Alliance
from core.prepared import PreparedModels

# target -> (URL name, needs an alliance, extra kwargs)
TARGETS = {
    "alliance_step_1": ("alliances:alliance_step", True, {"step": 1}),
    "alliance_step_2": ("alliances:alliance_step", True, {"step": 2}),
    "alliance_step_3": ("alliances:alliance_step", True, {"step": 3}),
    "alliance_step_4": ("alliances:alliance_step", True, {"step": 4}),
    "alliance_step_5": ("alliances:alliance_step", True, {"step": 5}),
    "alliance_economic_model": ("alliances:economic_model", True, {}),
    "alliance_action_plan": ("alliances:action_plan", True, {}),
    "evaluation_objectives": ("evaluation:objectives", True, {}),
    "evaluation_indicators": ("evaluation:indicators", True, {}),
    "partners_directory": ("alliances:partner_list", False, {}),
}


LATEST_ALLIANCE = PreparedModels(
    lambda association: Alliance.objects.of_association(association).order_by("-updated_at", "-pk")[
        :1
    ],
    association=int,
)


def latest_alliance(association):
    """The association's most recently updated alliance, or None."""
    found = LATEST_ALLIANCE(association=association.pk)
    return found[0] if found else None


def help_url(target: str, association, alliance) -> str | None:
    """URL of `target` for the association; without an alliance, its list of alliances."""
    if target not in TARGETS:
        return None
    name, needs_alliance, extra = TARGETS[target]
    try:
        if needs_alliance:
            if alliance is None:
                return reverse("alliances:alliance_list", kwargs={"pk": association.pk})
            return reverse(name, kwargs={"pk": alliance.pk, **extra})
        return reverse(name, kwargs={"pk": association.pk, **extra})
    except NoReverseMatch:
        return None
