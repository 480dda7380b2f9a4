from django.urls import path

from . import identity_views, views

app_name = "organisations"

urlpatterns = [
    path("identite/recherche/", identity_views.identity_lookup_view, name="identity_lookup"),
    path("organisation/", views.switch_organisation, name="switch_organisation"),
    path("associations/<int:pk>/", views.association_detail, name="association_detail"),
    path("associations/<int:pk>/modifier/", views.association_edit, name="association_edit"),
    path("associations/<int:pk>/membres/", views.members, name="members"),
    path(
        "associations/<int:pk>/membres/<int:membership_pk>/role/",
        views.change_role,
        name="change_role",
    ),
    path(
        "associations/<int:pk>/membres/<int:membership_pk>/retirer/",
        views.remove_member,
        name="remove_member",
    ),
    path(
        "associations/<int:pk>/invitations/<int:invitation_pk>/annuler/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
]
