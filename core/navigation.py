"""The main menu, assembled from each app's optional `navigation.menu(request, org)`.

Each app owns its menu entries, so adding a feature never edits a shared template.
"""

from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule

PROJECT_APPS = ("accounts", "alliances", "diagnostics", "evaluation", "reports", "core")


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str
    order: int = 50
    active_prefix: str = ""


def app_hooks(module_name, function_name):
    """Yield `function_name` from `<app>.<module_name>` for each project app that has it."""
    for label in PROJECT_APPS:
        config = apps.get_app_config(label)
        if module_has_submodule(config.module, module_name):
            module = import_module(f"{config.name}.{module_name}")
            function = getattr(module, function_name, None)
            if function is not None:
                yield function


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
