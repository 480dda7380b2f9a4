"""A URLconf with the other apps' pages the help links point to, for tests only."""

from django.http import HttpResponse
from django.urls import include, path


def page(request, **kwargs):
    return HttpResponse("ok")


alliances = (
    [
        path("a/<int:pk>/alliances/", page, name="alliance_list"),
        path("alliances/<int:pk>/etapes/<int:step>/", page, name="alliance_step"),
        path("a/<int:pk>/partenaires/", page, name="partner_list"),
        path("alliances/<int:pk>/modele/", page, name="economic_model"),
    ],
    "alliances",
)
evaluation = ([path("alliances/<int:pk>/objectifs/", page, name="objectives")], "evaluation")

urlpatterns = [path("", include(alliances)), path("evaluation/", include(evaluation))]
