from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Conventions: versions and acceptances")

    def ready(self):
        from . import report_kind  # noqa: F401  (registers the frozen PDF of an accepted text)
