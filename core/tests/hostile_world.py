"""The permission matrix's world with one text written in every user-written field.

Used to check that such text is never markup on a page nor a formula in an export.
"""

from contextlib import contextmanager

from django.db import models, transaction

from core.apps import project_app_configs
from core.tests.test_permission_matrix import EXTENDERS
from core.tests.world import build_world

# Read as codes or identifiers by the code, not free text: rewriting them would break pages
# for reasons that have nothing to do with escaping.
NOT_FREE_TEXT = {"password", "token", "language", "email", "rna", "siren", "siret", "kind", "code"}


def _in_unique_constraints(model):
    names = {name for together in model._meta.unique_together for name in together}
    for constraint in model._meta.constraints:
        names.update(getattr(constraint, "fields", ()) or ())
    return names


def free_text_fields(model, text):
    keys = _in_unique_constraints(model)
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        if isinstance(field, models.EmailField | models.URLField | models.SlugField):
            continue
        if isinstance(field, models.FileField) or field.choices or field.unique:
            continue
        if field.max_length is not None and field.max_length < len(text):
            continue
        # A stored file's name kept as text (a share link's frozen copy) is not written by users.
        if (
            field.name in NOT_FREE_TEXT
            or field.name in keys
            or field.name.endswith(("_key", "_file"))
        ):
            continue
        yield field.name


def write_everywhere(text):
    for config in project_app_configs():
        for model in config.get_models():
            if not model._meta.managed or model._meta.proxy:
                continue
            for name in free_text_fields(model, text):
                # Only texts that were written: an empty one may mean « not this way » to a
                # check constraint.
                rows = model._base_manager.exclude(**{name: ""}).exclude(
                    **{f"{name}__isnull": True}
                )
                rows.update(**{name: text})


@contextmanager
def world_written_with(text):
    """The matrix's world, every user-written text replaced by `text`; rolled back after."""
    outer = transaction.atomic()
    outer.__enter__()
    try:
        world = build_world()
        for extend in EXTENDERS:
            extend(world)
        write_everywhere(text)
        yield world
    finally:
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
