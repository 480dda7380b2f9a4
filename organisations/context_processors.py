from core.navigation import menu_for

from . import switcher


def current_organisation(request):
    """The organisation switcher and the main menu, on every page of a logged-in user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    current = switcher.current_organisation(request)
    return {
        "current_org": current,
        "user_organisations": switcher.organisations_of(user),
        "main_menu": menu_for(request, current),
    }
