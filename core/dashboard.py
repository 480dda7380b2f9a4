"""Role dashboards are assembled from panels that each app provides.

An app adds a panel by defining, in `<app>/dashboard.py`, any of
`association_panels(request, association, capability)`, `network_panels(request, network)`,
`platform_panels(request)`, each returning a list of `Panel`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from .navigation import app_hooks
from .revisions import cached_fragment


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50
    wide: bool = False
    html: str = ""  # already rendered (cached_panel): shown instead of template


def cached_panel(
    request, template, context: Callable[[], dict], *, scopes, parts=(), order=50, wide=False
):
    """A panel rendered once and cached until a row of `scopes` changes (core/revisions.py);
    `context()` runs on a miss only. Its template may only read `panel`."""
    html = cached_fragment(
        template,
        scopes,
        parts,
        lambda: render_to_string(template, {"panel": context()}, request=request),
    )
    return Panel(template, {}, order, wide, html)


def collect_panels(hook_name, *args):
    panels = []
    for provider in app_hooks("dashboard", hook_name):
        panels.extend(provider(*args))
    panels.sort(key=lambda panel: panel.order)
    return panels
