from django.urls import path

from .views import dashboard, memberships, reviews, signup

app_name = "networks"

urlpatterns = [
    path("reseaux/<int:pk>/", dashboard.network_detail, name="network_detail"),
    path("reseaux/<int:pk>/portrait/", dashboard.network_picture, name="network_picture"),
    path(
        "reseaux/<int:pk>/export/<slug:what>.<str:fmt>",
        dashboard.network_export,
        name="network_export",
    ),
    path("reseaux/<int:pk>/inviter/", dashboard.invite_association, name="invite_association"),
    path(
        "reseaux/<int:pk>/inviter/par-e-mail/",
        dashboard.invite_by_email,
        name="invite_by_email",
    ),
    # The sign-up of an association a network invited by e-mail.
    path("inscription/reseau/<str:token>/", signup.signup_invitation, name="signup_invitation"),
    # The association's side: its networks, invitations to answer, leaving.
    path(
        "associations/<int:pk>/reseaux/",
        memberships.association_networks,
        name="association_networks",
    ),
    path(
        "associations/<int:pk>/reseaux/<int:membership_pk>/accepter/",
        memberships.answer_network_invitation,
        {"answer": "accept"},
        name="accept_network",
    ),
    path(
        "associations/<int:pk>/reseaux/<int:membership_pk>/refuser/",
        memberships.answer_network_invitation,
        {"answer": "refuse"},
        name="refuse_network",
    ),
    path(
        "associations/<int:pk>/reseaux/<int:membership_pk>/quitter/",
        memberships.leave_network,
        name="leave_network",
    ),
    # Reviews of a member's alliance, and their threads.
    path("alliances/<int:pk>/avis/", reviews.reviews, name="reviews"),
    path("alliances/<int:pk>/avis/nouveau/", reviews.review_create, name="review_create"),
    path(
        "alliances/<int:pk>/avis/<int:review_pk>/repondre/",
        reviews.review_reply,
        name="review_reply",
    ),
]
