from django.urls import path

from .views import guests, staff

app_name = "agreements"

BASE = "alliances/<int:pk>/conventions/<int:convention_pk>/versions/"
GUEST = "espace-partenaires/<int:pk>/conventions/<int:convention_pk>/"

urlpatterns = [
    path(BASE, staff.convention, name="convention"),
    path(f"{BASE}brouillon/", staff.draft, name="draft"),
    path(f"{BASE}envoyer/", staff.send, name="send"),
    path(f"{BASE}relancer/", staff.remind, name="remind"),
    path(f"{BASE}<int:number>/", staff.version, name="version"),
    path(f"{BASE}<int:number>/pdf/", staff.pdf, name="pdf"),
    path(
        f"{BASE}<int:number>/parties/<int:party_pk>/repondre/",
        staff.answer,
        name="answer",
    ),
    path(GUEST, guests.guest_convention, name="guest_convention"),
    path(f"{GUEST}repondre/", guests.guest_answer, name="guest_answer"),
    path(f"{GUEST}pdf/", guests.guest_pdf, name="guest_pdf"),
]
