from . import organisation
from .navigation import menu_for


def current_organisation(request):
    """The organisation switcher and the main menu, on every page of a logged-in user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    current = organisation.current_organisation(request)
    return {
        "current_org": current,
        "user_organisations": organisation.organisations_of(user),
        "main_menu": menu_for(request, current),
    }
