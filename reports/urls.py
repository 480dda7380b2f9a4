from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("<slug:kind>/<int:object_id>/", views.report_list, name="list"),
    path("<slug:kind>/<int:object_id>/generer/", views.request_report, name="request"),
    path("<int:pk>/etat/", views.report_status, name="status"),
    path("<int:pk>/reessayer/", views.report_retry, name="retry"),
    path("<int:pk>/telecharger/", views.report_download, name="download"),
]
