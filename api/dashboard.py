from core.dashboard import Panel


def account_panels(request):
    """A link on « Mon compte »: no query, the page stays the benchmark's floor."""
    return [Panel(template="api/_account_panel.html", order=20)]
