"""The health check's part of an alliance's step facts (alliances.selectors.step_facts): step
5 asks for one closed less than a year ago."""

import datetime as dt

from django.db.models import Count
from django.utils import timezone

from .models import HealthCheck

FRESH_FOR = dt.timedelta(days=365)


def add_facts(facts):
    if not facts:
        return
    since = timezone.now() - FRESH_FOR
    counts = (
        HealthCheck.objects.filter(
            alliance_id__in=list(facts), status=HealthCheck.Status.CLOSED, closed_at__gte=since
        )
        .order_by()
        .values_list("alliance_id")
        .annotate(n=Count("pk"))
    )
    for alliance_id, n in counts:
        facts[alliance_id].recent_health_checks = n
