"""Role dashboards are assembled from panels that each app provides.

An app adds a panel by defining, in `<app>/dashboard.py`, any of
`association_panels(request, association, capability)`, `network_panels(request, network)`,
`platform_panels(request)`, `account_panels(request)` (« Mon compte »: links, no query),
`alliance_panels(request, alliance, step)` (on an alliance's
overview and step pages), each returning a list of `Panel`.
"""

from dataclasses import dataclass, field

from .navigation import app_hooks


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50
    wide: bool = False


def collect_panels(hook_name, *args):
    panels = []
    for provider in app_hooks("dashboard", hook_name):
        panels.extend(provider(*args))
    panels.sort(key=lambda panel: panel.order)
    return panels
