from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        # The tasks are sent by name (reports/services.py): registered in every process, so
        # that a web process without a broker runs them (eagerly) instead of sending them to
        # a queue that no worker reads.
        from . import tasks  # noqa: F401
