from django.urls import path

from . import views

app_name = "diagnostics"

urlpatterns = [
    path("associations/<int:pk>/", views.campaign_list, name="campaign_list"),
    path("associations/<int:pk>/nouvelle-campagne/", views.campaign_open, name="campaign_open"),
    path("campagnes/<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("campagnes/<int:pk>/cloturer/", views.campaign_close, name="campaign_close"),
    path("campagnes/<int:pk>/repondants/", views.add_respondents, name="add_respondents"),
    path("campagnes/<int:pk>/repondre/", views.answer_resume, name="answer_resume"),
    path(
        "campagnes/<int:pk>/repondre/axe/<int:position>/",
        views.answer_axis,
        name="answer_axis",
    ),
    path("campagnes/<int:pk>/repondre/enregistrer/", views.autosave, name="autosave"),
    path("campagnes/<int:pk>/mes-reponses/", views.answer_review, name="answer_review"),
]
