from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The network dashboard's cached alerts (alerts.py) also read these.
ALERT_SOURCES_ELSEWHERE = ("evaluation.Indicator", "evaluation.Measurement")


class AlliancesConfig(AppConfig):
    name = "alliances"
    verbose_name = _("Alliances")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import report_kind  # noqa: F401  (registers the network overview PDF report)
        from .alerts import forget_on_change

        for model in ("alliances.Action", "alliances.Convention") + ALERT_SOURCES_ELSEWHERE:
            post_save.connect(forget_on_change, sender=model, dispatch_uid=f"alerts-{model}")
            post_delete.connect(forget_on_change, sender=model, dispatch_uid=f"alerts-{model}-d")
