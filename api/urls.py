from django.urls import path

from . import views

app_name = "api_tokens"

urlpatterns = [
    path("mon-compte/api/", views.token_list, name="list"),
    path("mon-compte/api/nouveau/", views.token_create, name="create"),
    path("mon-compte/api/<int:pk>/revoquer/", views.token_revoke, name="revoke"),
]
