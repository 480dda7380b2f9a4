from django.db.models import Count, Q

from accounts.models import User
from alliances.models import Association, Network, NetworkMembership
from core.dashboard import Panel


def platform_panels(request):
    counts = {
        "associations": Association.objects.count(),
        "networks": Network.objects.aggregate(
            total=Count("pk"),
            with_members=Count(
                "pk", filter=Q(memberships__state=NetworkMembership.State.ACTIVE), distinct=True
            ),
        ),
        "users": User.objects.filter(is_active=True).count(),
    }
    return [Panel("dashboards/_platform_counts.html", counts, order=0, wide=True)]
