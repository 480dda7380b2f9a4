from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnerspaceConfig(AppConfig):
    name = "partnerspace"
    verbose_name = _("Partners' space")
