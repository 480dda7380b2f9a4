from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("donnees-personnelles/", views.notice, name="notice"),
    path("mon-compte/mes-donnees/", views.my_data, name="my_data"),
    path("mon-compte/supprimer/", views.delete_account, name="delete_account"),
    path(
        "partenaires/<int:pk>/contacts/<int:contact_pk>/effacer/",
        views.erase_contact,
        name="erase_contact",
    ),
    path("associations/<int:pk>/donnees/", views.association_export, name="association_export"),
    path(
        "associations/<int:pk>/donnees/etat/",
        views.export_progress,
        name="export_progress",
    ),
    path(
        "associations/<int:pk>/donnees/<int:export_pk>/telecharger/",
        views.export_download,
        name="export_download",
    ),
]
