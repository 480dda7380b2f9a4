from django.urls import path

from . import views

app_name = "evaluation"

A = "alliances/<int:pk>/"

urlpatterns = [
    # Strategic and operational objectives
    path(f"{A}objectifs/", views.objectives, name="objectives"),
    path(f"{A}objectifs/vision/", views.vision_edit, name="vision_edit"),
    path(f"{A}objectifs/ecarts/<int:partner_pk>/", views.gap_edit, name="gap_edit"),
    path(f"{A}objectifs/strategiques/nouveau/", views.strategic_create, name="strategic_create"),
    path(
        f"{A}objectifs/strategiques/<int:objective_pk>/",
        views.strategic_edit,
        name="strategic_edit",
    ),
    path(
        f"{A}objectifs/strategiques/<int:objective_pk>/impacts/nouveau/",
        views.impact_create,
        name="impact_create",
    ),
    path(
        f"{A}objectifs/impacts/<int:impact_pk>/supprimer/",
        views.impact_delete,
        name="impact_delete",
    ),
    path(
        f"{A}objectifs/strategiques/<int:objective_pk>/operationnels/nouveau/",
        views.operational_create,
        name="operational_create",
    ),
    path(
        f"{A}objectifs/operationnels/<int:objective_pk>/",
        views.operational_edit,
        name="operational_edit",
    ),
    path(
        f"{A}objectifs/operationnels/<int:objective_pk>/supprimer/",
        views.operational_delete,
        name="operational_delete",
    ),
    path(f"{A}objectifs/smart/", views.smart_check, name="smart_check"),
    # Evaluation plan
    path(f"{A}plan-evaluation/", views.plan, name="plan"),
    path(f"{A}plan-evaluation/questions/nouvelle/", views.question_create, name="question_create"),
    path(
        f"{A}plan-evaluation/questions/<int:question_pk>/supprimer/",
        views.question_delete,
        name="question_delete",
    ),
    # Indicators and measurements
    path(f"{A}indicateurs/", views.indicators, name="indicators"),
    path(f"{A}indicateurs/nouveau/", views.indicator_create, name="indicator_create"),
    path(f"{A}indicateurs/import/", views.import_measurements, name="import_measurements"),
    path(f"{A}indicateurs/import/confirmer/", views.import_confirm, name="import_confirm"),
    path(f"{A}indicateurs/import/modele.csv", views.import_template, name="import_template"),
    path(f"{A}indicateurs/<int:indicator_pk>/", views.indicator_detail, name="indicator_detail"),
    path(
        f"{A}indicateurs/<int:indicator_pk>/modifier/",
        views.indicator_edit,
        name="indicator_edit",
    ),
    path(
        f"{A}indicateurs/<int:indicator_pk>/cible/",
        views.indicator_target,
        name="indicator_target",
    ),
    path(
        f"{A}indicateurs/<int:indicator_pk>/mesures/nouvelle/",
        views.measurement_create,
        name="measurement_create",
    ),
    path(
        f"{A}indicateurs/<int:indicator_pk>/contributions/nouvelle/",
        views.contribution_create,
        name="contribution_create",
    ),
    path(f"{A}mesures/<int:measurement_pk>/piece-jointe/", views.evidence, name="evidence"),
    path(
        f"{A}mesures/<int:measurement_pk>/supprimer/",
        views.measurement_delete,
        name="measurement_delete",
    ),
    # Analysis and steering
    path(f"{A}analyse/", views.analysis, name="analysis"),
    path(f"{A}analyse/decisions/", views.decision_create, name="decision_create"),
]
