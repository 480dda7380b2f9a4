from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from api.endpoints import api
from core.admin_defaults import register_remaining

admin.site.site_header = _("Faire Alliance administration")
admin.site.site_title = _("Faire Alliance")
admin.site.index_title = _("Platform administration")
# Django's French « Administration de %(app)s », « Ajout de %s » give « Administration de
# Évaluation », « Ajout de invitation »: this catalogue's wordings win over Django's
# (LOCALE_PATHS come first).
gettext_noop("%(app)s administration")
gettext_noop("Add %s")
gettext_noop("Change %s")
gettext_noop("View %s")
# After every app's admin module: each model not registered by hand gets a generic admin.
register_remaining()

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("core.urls")),
    path("", include("organisations.urls")),
    path("", include("accounts.urls")),
    path("", include("partnerspace.urls")),
    path("", include("agreements.urls")),
    path("", include("alliances.urls")),
    path("", include("healthchecks.urls")),
    path("", include("networks.urls")),
    path("", include("notifications.urls")),
    path("autodiagnostic/", include("diagnostics.urls")),
    path("evaluation/", include("evaluation.urls")),
    path("rapports/", include("reports.urls")),
    path("api/v1/", api.urls),
    path("", include("api.urls")),
    path("", include("privacy.urls")),
]

handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
