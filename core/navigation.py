"""The main menu, assembled from each app's optional `navigation.menu(request, org)`.

Each app owns its menu entries, so adding a feature never edits a shared template.
"""

import functools
from dataclasses import dataclass
from importlib import import_module

from django.utils.module_loading import module_has_submodule

from .apps import project_app_configs


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str
    order: int = 50
    active_prefix: str = ""


def app_hooks(module_name, function_name):
    """`function_name` of `<app>.<module_name>` for each project app that has it, lowest
    layer first."""
    return _hooks(module_name, function_name)


@functools.cache
def _hooks(module_name, function_name) -> tuple:
    # Which apps define which hook is code, fixed for the life of the process: looked up once
    # (searching the apps' modules took ~2 ms a call, a dozen calls a page). No data here.
    functions = []
    for config in project_app_configs():
        if module_has_submodule(config.module, module_name):
            module = import_module(f"{config.name}.{module_name}")
            function = getattr(module, function_name, None)
            if function is not None:
                functions.append(function)
    return tuple(functions)


@dataclass(frozen=True)
class Tab:
    """A tab of an alliance's pages (`navigation.alliance_tabs(request, alliance)` of each app):
    `key` is what the page passes as its `tab`; `badge` a count shown beside the label."""

    key: str
    label: str
    url: str
    order: int = 50
    badge: int = 0
    badge_label: str = ""


def collect_alliance_tabs(request, alliance):
    tabs = [
        tab for hook in app_hooks("navigation", "alliance_tabs") for tab in hook(request, alliance)
    ]
    return sorted(tabs, key=lambda tab: tab.order)


def menu_for(request, org):
    items = []
    for menu in app_hooks("navigation", "menu"):
        items.extend(menu(request, org))
    items.sort(key=lambda item: item.order)
    path = request.path
    return [
        {"item": item, "active": bool(item.active_prefix) and path.startswith(item.active_prefix)}
        for item in items
    ]
