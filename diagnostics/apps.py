from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiagnosticsConfig(AppConfig):
    name = "diagnostics"
    verbose_name = _("Self-diagnostic")

    def ready(self):
        from . import report_kind  # noqa: F401  (registers the PDF report kind)
