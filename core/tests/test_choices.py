"""get_FOO_display() gives Django's label, in the active language, for every choice field of
the project's models."""

import pytest
from django.apps import apps
from django.db.models import Model
from django.utils import translation

from core.apps import project_app_configs


def _choice_fields():
    for config in project_app_configs():
        for model in config.get_models():
            for field in model._meta.fields:
                if field.choices:
                    yield model, field


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_choice_label_is_djangos_own(language):
    checked = 0
    with translation.override(language):
        for model, field in _choice_fields():
            for value, _label in field.flatchoices:
                instance = model(**{field.attname: value})
                expected = Model._get_FIELD_display(instance, field)
                assert getattr(instance, f"get_{field.name}_display")() == expected
                checked += 1
            unknown = model(**{field.attname: "not-a-choice"})
            assert getattr(unknown, f"get_{field.name}_display")() == "not-a-choice"
    assert checked > 100


def test_the_label_follows_the_active_language():
    action = apps.get_model("alliances", "Action")(status="done")
    with translation.override("fr"):
        french = action.get_status_display()
    with translation.override("en"):
        english = action.get_status_display()
    assert french != english
