from accounts.models import User
from core.dashboard import Panel
from organisations.models import Association, Network, NetworkMembership


def platform_panels(request):
    counts = {
        "associations": Association.objects.count(),
        "networks": Network.objects.count(),
        "active_memberships": NetworkMembership.objects.filter(
            state=NetworkMembership.State.ACTIVE
        ).count(),
        "users": User.objects.filter(is_active=True).count(),
    }
    return [Panel("dashboards/_platform_counts.html", counts, order=0, wide=True)]
