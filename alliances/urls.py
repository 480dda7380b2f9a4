from django.urls import path

from .views import alliance_pages, items, partner_import, partners, running

app_name = "alliances"

urlpatterns = [
    # Partner directory (private to the association)
    path("partenaires/association/<int:pk>/", partners.partner_list, name="partner_list"),
    path(
        "partenaires/association/<int:pk>/nouveau/",
        partners.partner_create,
        name="partner_create",
    ),
    path(
        "partenaires/association/<int:pk>/import/",
        partner_import.partner_import_upload,
        name="partner_import",
    ),
    path(
        "partenaires/association/<int:pk>/import/<int:import_pk>/colonnes/",
        partner_import.partner_import_mapping,
        name="partner_import_mapping",
    ),
    path(
        "partenaires/association/<int:pk>/import/<int:import_pk>/apercu/",
        partner_import.partner_import_preview,
        name="partner_import_preview",
    ),
    path(
        "partenaires/association/<int:pk>/import/<int:import_pk>/importer/",
        partner_import.partner_import_confirm,
        name="partner_import_confirm",
    ),
    path("partenaires/<int:pk>/", partners.partner_detail, name="partner_detail"),
    path("partenaires/<int:pk>/modifier/", partners.partner_edit, name="partner_edit"),
    path("partenaires/<int:pk>/supprimer/", partners.partner_delete, name="partner_delete"),
    path(
        "partenaires/<int:pk>/<slug:kind>/ajouter/",
        partners.partner_item_add,
        name="partner_item_add",
    ),
    path(
        "partenaires/<int:pk>/<slug:kind>/<int:item_pk>/modifier/",
        partners.partner_item_edit,
        name="partner_item_edit",
    ),
    path(
        "partenaires/<int:pk>/<slug:kind>/<int:item_pk>/supprimer/",
        partners.partner_item_delete,
        name="partner_item_delete",
    ),
    # Alliances
    path("alliances/association/<int:pk>/", alliance_pages.alliance_list, name="alliance_list"),
    path(
        "alliances/association/<int:pk>/nouvelle/",
        alliance_pages.alliance_create,
        name="alliance_create",
    ),
    path(
        "alliances/association/<int:pk>/invitations/<int:member_pk>/accepter/",
        alliance_pages.answer_alliance_invitation,
        {"answer": "accept"},
        name="accept_alliance_invitation",
    ),
    path(
        "alliances/association/<int:pk>/invitations/<int:member_pk>/refuser/",
        alliance_pages.answer_alliance_invitation,
        {"answer": "decline"},
        name="decline_alliance_invitation",
    ),
    path("alliances/<int:pk>/", alliance_pages.alliance_detail, name="alliance_detail"),
    path("alliances/<int:pk>/modifier/", alliance_pages.alliance_edit, name="alliance_edit"),
    path("alliances/<int:pk>/supprimer/", alliance_pages.alliance_delete, name="alliance_delete"),
    path(
        "alliances/<int:pk>/historique/", alliance_pages.alliance_history, name="alliance_history"
    ),
    path(
        "alliances/<int:pk>/etapes/<int:step>/", alliance_pages.alliance_step, name="alliance_step"
    ),
    path("alliances/<int:pk>/membres/", alliance_pages.alliance_members, name="alliance_members"),
    path(
        "alliances/<int:pk>/membres/<int:member_pk>/retirer/",
        alliance_pages.end_alliance_membership,
        name="end_alliance_membership",
    ),
    path("alliances/<int:pk>/notation/", items.scoring, name="scoring"),
    path(
        "alliances/<int:pk>/candidats/<int:item_pk>/decision/",
        items.candidate_decision,
        name="candidate_decision",
    ),
    path(
        "alliances/<int:pk>/conventions/<int:item_pk>/document/",
        items.convention_document,
        name="convention_document",
    ),
    path("alliances/<int:pk>/plan-d-action/", running.action_plan, name="action_plan"),
    path(
        "alliances/<int:pk>/plan-d-action/export.<str:fmt>",
        running.action_plan_export,
        name="action_plan_export",
    ),
    path("alliances/<int:pk>/modele-economique/", running.economic_model, name="economic_model"),
    path(
        "alliances/<int:pk>/modele-economique/cles-de-repartition/",
        running.cost_sharing,
        name="cost_sharing",
    ),
    path("alliances/<int:pk>/<slug:kind>/ajouter/", items.item_add, name="item_add"),
    path(
        "alliances/<int:pk>/<slug:kind>/<int:item_pk>/modifier/",
        items.item_edit,
        name="item_edit",
    ),
    path(
        "alliances/<int:pk>/<slug:kind>/<int:item_pk>/supprimer/",
        items.item_delete,
        name="item_delete",
    ),
    path(
        "alliances/<int:pk>/<slug:kind>/<int:item_pk>/historique/",
        items.item_history,
        name="item_history",
    ),
]
