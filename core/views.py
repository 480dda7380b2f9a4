from django.http import JsonResponse
from django.shortcuts import redirect, render

from .health import health as health_report


def home(request):
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    return render(request, "core/home.html")


def health(request):
    """For load balancers and operators: 200 while pages work (the database answers), with
    « dégradé » when Redis, the workers or the outbox are not well; 503 without a database."""
    report = health_report()
    return JsonResponse(
        report,
        status=200 if report["database"]["ok"] else 503,
        json_dumps_params={"ensure_ascii": False},
    )
