"""Every model of an alliance says whether the partners' guests may see it."""

from importlib import import_module

from django.apps import apps

from alliances.sharing import SHARED_FIELDS, Side

ALLIANCE_APPS = ("alliances", "evaluation", "partnerspace", "agreements", "healthchecks")


def _models(label):
    return [
        model
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    ]


def test_every_model_of_an_alliance_declares_its_side():
    undeclared = []
    for label in ALLIANCE_APPS:
        sides = import_module(f"{label}.sharing").SIDES
        undeclared += [
            f"{label}.{model.__name__}"
            for model in _models(label)
            if not isinstance(sides.get(model.__name__), Side)
        ]
    assert not undeclared, "Models with no side (shared or internal): " + ", ".join(undeclared)


def test_declarations_name_only_existing_models():
    for label in ALLIANCE_APPS:
        names = {model.__name__ for model in _models(label)}
        assert set(import_module(f"{label}.sharing").SIDES) <= names


def test_what_the_method_keeps_internal_is_declared_internal():
    from alliances.sharing import SIDES as ALLIANCE_SIDES
    from evaluation.sharing import SIDES as EVALUATION_SIDES

    for name in (
        "SwotItem",
        "Candidate",
        "SelectionCriterion",
        "CriterionScore",
        "Exchange",
        "Resource",
        "Contribution",
        "BudgetLine",
        "CostShare",
        "Partner",
        "Contact",
    ):
        assert ALLIANCE_SIDES[name] is Side.INTERNAL, name
    assert EVALUATION_SIDES["SteeringDecision"] is Side.INTERNAL
    # The alliance file is shared by field: never the association's own diagnostic.
    assert "strategic_priorities" not in SHARED_FIELDS["AllianceDossier"]
    assert "treasury" not in SHARED_FIELDS["AllianceDossier"]
