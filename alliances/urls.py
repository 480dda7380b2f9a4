from django.urls import path

from .views import associations, networks

app_name = "alliances"

urlpatterns = [
    path("associations/<int:pk>/", associations.association_detail, name="association_detail"),
    path("associations/<int:pk>/modifier/", associations.association_edit, name="association_edit"),
    path("associations/<int:pk>/membres/", associations.members, name="members"),
    path(
        "associations/<int:pk>/membres/<int:membership_pk>/role/",
        associations.change_role,
        name="change_role",
    ),
    path(
        "associations/<int:pk>/membres/<int:membership_pk>/retirer/",
        associations.remove_member,
        name="remove_member",
    ),
    path(
        "associations/<int:pk>/invitations/<int:invitation_pk>/annuler/",
        associations.revoke_invitation,
        name="revoke_invitation",
    ),
    path(
        "associations/<int:pk>/reseaux/",
        associations.association_networks,
        name="association_networks",
    ),
    path(
        "associations/<int:pk>/reseaux/<int:membership_pk>/accepter/",
        associations.answer_network_invitation,
        {"answer": "accept"},
        name="accept_network",
    ),
    path(
        "associations/<int:pk>/reseaux/<int:membership_pk>/refuser/",
        associations.answer_network_invitation,
        {"answer": "refuse"},
        name="refuse_network",
    ),
    path(
        "associations/<int:pk>/reseaux/<int:membership_pk>/quitter/",
        associations.leave_network,
        name="leave_network",
    ),
    path("reseaux/<int:pk>/", networks.network_detail, name="network_detail"),
    path("reseaux/<int:pk>/inviter/", networks.invite_association, name="invite_association"),
]
