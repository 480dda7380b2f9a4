"""The platform admin's dashboard: what the workers are doing, and the bulk exports."""

from django.db.models import Count

from core.dashboard import Panel

from .models import BulkExport, Report


def platform_panels(request):
    counts = dict(Report.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return [
        Panel(
            "reports/_platform_panel.html",
            {
                "counts": counts,
                "exports": list(BulkExport.objects.all()[:5]),
            },
            order=10,
        )
    ]
