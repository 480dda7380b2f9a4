from django.urls import path

from . import views

app_name = "healthchecks"

urlpatterns = [
    # The associations' side.
    path("alliances/<int:pk>/bilans-de-sante/", views.health_check_list, name="list"),
    path("alliances/<int:pk>/bilans-de-sante/ouvrir/", views.health_check_open, name="open"),
    path("bilans-de-sante/<int:pk>/", views.health_check_detail, name="detail"),
    path("bilans-de-sante/<int:pk>/cloturer/", views.health_check_close, name="close"),
    path("bilans-de-sante/<int:pk>/repondre/", views.answer, name="answer"),
    path("bilans-de-sante/<int:pk>/repondre/enregistrer/", views.autosave, name="autosave"),
    path("bilans-de-sante/<int:pk>/envoyer/", views.submit, name="submit"),
    path("bilans-de-sante/<int:pk>/ecarts/action/", views.gap_action, name="gap_action"),
    path("bilans-de-sante/<int:pk>/ecarts/ordre-du-jour/", views.gap_agenda, name="gap_agenda"),
    # The guests' side, in their partners' space.
    path("espace-partenaires/<int:pk>/bilans-de-sante/", views.guest_list, name="guest_list"),
    path(
        "espace-partenaires/<int:pk>/bilans-de-sante/<int:hc_pk>/",
        views.guest_detail,
        name="guest_detail",
    ),
    path(
        "espace-partenaires/<int:pk>/bilans-de-sante/<int:hc_pk>/repondre/",
        views.guest_answer,
        name="guest_answer",
    ),
    path(
        "espace-partenaires/<int:pk>/bilans-de-sante/<int:hc_pk>/repondre/enregistrer/",
        views.guest_autosave,
        name="guest_autosave",
    ),
    path(
        "espace-partenaires/<int:pk>/bilans-de-sante/<int:hc_pk>/envoyer/",
        views.guest_submit,
        name="guest_submit",
    ),
]
