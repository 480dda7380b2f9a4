"""All the rows of one association: the association, and every row that hangs from it through
foreign keys (its partners and their contacts, its alliances and what hangs from them, its
campaigns and their answers…), found from the models' own fields, so that a model added later
is covered without a list to keep.

Each model's ids are read from its table and from its history table (django-simple-history
keeps the rows as they were, and those of rows deleted since), so that an erasure reaches the
copies too. Alliances joined as a co-member belong to their lead and are not included.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import models

from core.apps import project_app_configs

# Shared references, never the data of one association: not followed.
NOT_OWNED = {"accounts.user", "contenttypes.contenttype"}


def history_model_of(model):
    manager = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, manager).model if manager else None


def owned_models():
    """Every concrete model of the project's apps but the history models, in layer order."""
    return [
        model
        for config in project_app_configs()
        for model in config.get_models()
        if not model._meta.proxy
        and model._meta.managed
        and getattr(model, "instance_type", None) is None
    ]


def _parent_links(models_):
    """{model: [(field attname, parent model)]} for the foreign keys between project models."""
    known = set(models_)
    links = defaultdict(list)
    for model in models_:
        for field in model._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and field.related_model in known:
                links[model].append((field.attname, field.related_model))
    return links


def _ids_where(model, attname, parent_ids):
    ids = set(
        model._default_manager.filter(**{f"{attname}__in": parent_ids}).values_list("pk", flat=True)
    )
    history = history_model_of(model)
    if history is not None:
        pk = model._meta.pk.attname
        ids |= set(
            history.objects.filter(**{f"{attname}__in": parent_ids}).values_list(pk, flat=True)
        )
    return ids


def association_rows(association_id: int) -> dict[type[models.Model], set[int]]:
    """{model: ids} of everything that belongs to the association, history included."""
    from organisations.models import Association

    models_ = owned_models()
    links = _parent_links(models_)
    rows: dict = {Association: {association_id}}
    changed = True
    while changed:  # a fixpoint: at most as many rounds as the depth of the tree
        changed = False
        for model in models_:
            if model is Association:
                continue
            found = set()
            for attname, parent in links.get(model, ()):
                if rows.get(parent):
                    found |= _ids_where(model, attname, sorted(rows[parent]))
            if found - rows.get(model, set()):
                rows[model] = rows.get(model, set()) | found
                changed = True
    return {model: ids for model, ids in rows.items() if ids}
