from django.db import transaction

from alliances.models import Action


@transaction.atomic
def create_action(*, alliance, title, by=None, **fields) -> Action:
    """Adds an action to the alliance's plan (also used by evaluation's steering decisions)."""
    action = Action(alliance=alliance, title=title, created_by=by, **fields)
    action.full_clean()
    action.save()
    return action
