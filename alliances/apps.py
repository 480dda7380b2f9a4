from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlliancesConfig(AppConfig):
    name = "alliances"
    verbose_name = _("Alliances")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import (
            report_kind,  # noqa: F401  (registers the network overview PDF report)
            revision_sources,
        )
        from .alerts import ALERT_SOURCES, forget_on_change
        from .step_cache import STEP_SOURCES, forget_steps_on_change

        for model in ALERT_SOURCES:
            post_save.connect(forget_on_change, sender=model, dispatch_uid=f"alerts-{model}")
            post_delete.connect(forget_on_change, sender=model, dispatch_uid=f"alerts-{model}-d")
        for model in STEP_SOURCES:
            post_save.connect(forget_steps_on_change, sender=model, dispatch_uid=f"steps-{model}")
            post_delete.connect(
                forget_steps_on_change, sender=model, dispatch_uid=f"steps-{model}-d"
            )
        revision_sources.connect()
