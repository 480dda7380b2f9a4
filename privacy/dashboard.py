from core.dashboard import Panel


def account_panels(request):
    return [Panel(template="privacy/_account_panel.html", order=10)]


def association_panels(request, association, capability):
    """The association's admins export all its data (no query: a link)."""
    if not capability.can_admin:
        return []
    return [
        Panel(
            template="privacy/_association_panel.html",
            context={"association": association},
            order=90,
        )
    ]
