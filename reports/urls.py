from django.urls import path

from . import views, views_admin, views_share

app_name = "reports"

urlpatterns = [
    path("suivi/", views_admin.report_monitor, name="monitor"),
    path("exports/", views_admin.bulk_export_list, name="bulk_export_list"),
    path("exports/<int:pk>/", views_admin.bulk_export, name="bulk_export"),
    path(
        "exports/<int:pk>/progression/",
        views_admin.bulk_export_progress,
        name="bulk_export_progress",
    ),
    path(
        "exports/<int:pk>/rapports/<int:report_pk>/reessayer/",
        views_admin.bulk_export_retry,
        name="bulk_export_retry",
    ),
    path(
        "exports/<int:pk>/telecharger/",
        views_admin.bulk_export_download,
        name="bulk_export_download",
    ),
    path("<slug:kind>/<int:object_id>/", views.report_list, name="list"),
    path("<slug:kind>/<int:object_id>/generer/", views.request_report, name="request"),
    path("<int:pk>/etat/", views.report_status, name="status"),
    path("<int:pk>/reessayer/", views.report_retry, name="retry"),
    path("<int:pk>/telecharger/", views.report_download, name="download"),
    path("<int:pk>/page/", views_share.report_web, name="web"),
    path("<int:pk>/partage/", views_share.share_links, name="share_links"),
    path(
        "<int:pk>/partage/<int:link_pk>/revoquer/",
        views_share.share_link_revoke,
        name="share_link_revoke",
    ),
    path("partage/<str:token>/", views_share.shared_report, name="shared"),
    path("partage/<str:token>/pdf/", views_share.shared_report_pdf, name="shared_pdf"),
]
