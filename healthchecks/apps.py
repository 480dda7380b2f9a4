from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthchecksConfig(AppConfig):
    name = "healthchecks"
    verbose_name = _("Alliance health check")

    def ready(self):
        from . import report_kind  # noqa: F401  (registers the PDF report kind)
