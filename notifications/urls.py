from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("mon-compte/notifications/", views.preferences, name="preferences"),
    path(
        "mon-compte/notifications/agenda/nouvelle-adresse/",
        views.calendar_reset,
        name="calendar_reset",
    ),
    path("agenda/<str:token>.ics", views.calendar_feed, name="calendar"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
