from django.urls import path

from .views import guests, invitations, staff

app_name = "partnerspace"

urlpatterns = [
    # The guests' side.
    path("espace-partenaires/", guests.spaces, name="spaces"),
    path("espace-partenaires/notifications/", guests.preferences, name="preferences"),
    path("espace-partenaires/invitation/<str:token>/", invitations.accept, name="accept"),
    path("espace-partenaires/<int:pk>/", guests.space, name="space"),
    path("espace-partenaires/<int:pk>/plan-d-action/", guests.plan, name="plan"),
    path("espace-partenaires/<int:pk>/indicateurs/", guests.indicators, name="indicators"),
    path(
        "espace-partenaires/<int:pk>/actions/<int:item_pk>/",
        guests.action_update,
        name="action_update",
    ),
    path(
        "espace-partenaires/<int:pk>/indicateurs/<int:item_pk>/mesure/",
        guests.measurement_add,
        name="measurement_add",
    ),
    path(
        "espace-partenaires/<int:pk>/fil/<slug:kind>/<int:item_pk>/",
        guests.thread,
        name="thread",
    ),
    path(
        "espace-partenaires/<int:pk>/fil/<slug:kind>/<int:item_pk>/ecrire/",
        guests.comment,
        name="comment",
    ),
    # The associations' side.
    path("alliances/<int:pk>/espace-partenaires/", staff.guests, name="guests"),
    path("alliances/<int:pk>/espace-partenaires/inviter/", staff.invite, name="invite"),
    path(
        "alliances/<int:pk>/espace-partenaires/acces/<int:access_pk>/revoquer/",
        staff.revoke,
        name="revoke",
    ),
    path(
        "alliances/<int:pk>/espace-partenaires/invitations/<int:invitation_pk>/annuler/",
        staff.cancel_invitation,
        name="cancel_invitation",
    ),
    path(
        "alliances/<int:pk>/espace-partenaires/analyse/",
        staff.publish_analysis,
        name="publish_analysis",
    ),
    path(
        "alliances/<int:pk>/espace-partenaires/fil/<slug:kind>/<int:item_pk>/",
        staff.staff_thread,
        name="staff_thread",
    ),
]
