from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Faire Alliance administration")
admin.site.site_title = _("Faire Alliance")
admin.site.index_title = _("Platform administration")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("core.urls")),
    path("", include("accounts.urls")),
    path("", include("alliances.urls")),
    path("autodiagnostic/", include("diagnostics.urls")),
    path("evaluation/", include("evaluation.urls")),
    path("rapports/", include("reports.urls")),
]

handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
