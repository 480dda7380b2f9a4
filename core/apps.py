from pathlib import Path

from django.apps import AppConfig, apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import lookups  # noqa: F401 (registers `__any`)
        from .choices import speed_up_choice_displays

        speed_up_choice_displays(
            model for config in project_app_configs() for model in config.get_models()
        )


def project_app_configs():
    """The project's own apps (top-level folders of the repository), in INSTALLED_APPS order:
    lowest layer first, so hooks run in that order (demo data, menus, panels)."""
    root = Path(settings.BASE_DIR).resolve()
    return [
        config for config in apps.get_app_configs() if Path(config.path).resolve().parent == root
    ]
