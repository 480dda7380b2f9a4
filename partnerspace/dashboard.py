from core.dashboard import Panel

from .models import GuestAccess


def personal_panels(request):
    """The partners' spaces of a person with no organisation."""
    accesses = list(
        GuestAccess.objects.active()
        .filter(user=request.user)
        .select_related("alliance__lead", "partner__partner")
    )
    if not accesses:
        return []
    return [Panel("partnerspace/panels/spaces.html", {"accesses": accesses}, order=10, wide=True)]
