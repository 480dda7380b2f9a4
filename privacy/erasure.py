"""Erasure (RGPD article 17): a partner's contact person, and a person's own account.

A contact is anonymised, not deleted: the relationship notes and alliances that mention
« a contact » keep their meaning. Their name, e-mail and phone are replaced wherever the
association's data hold them as written text (a partner's description, a note of the
relationship, an action, a meeting…) and in the history of those rows, which
django-simple-history keeps as copies. The replacement is done in the database (`REPLACE`),
by `.update()`, which writes no new history row holding the old text.
"""

from __future__ import annotations

import logging

from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.functions import Replace

from alliances.models import Contact

from .graph import association_rows, history_model_of

logger = logging.getLogger(__name__)

ERASED_NAME = "Personne effacée"
ERASED_TEXT = "[personne effacée]"
# Shorter strings would replace parts of ordinary words.
MIN_NEEDLE_LENGTH = 4


def _text_fields(model):
    return [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField))
        and not field.choices
        and not field.primary_key
    ]


def scrub_text(*, association_id: int, needles: list[str], rows=None) -> int:
    """Replaces each needle by ERASED_TEXT in every text field of the association's rows and
    their history rows. Returns the number of cells changed."""
    needles = sorted(
        {needle.strip() for needle in needles if len(needle.strip()) >= MIN_NEEDLE_LENGTH},
        key=len,
        reverse=True,  # « Marie Dupont » before « Marie »
    )
    if not needles:
        return 0
    rows = rows if rows is not None else association_rows(association_id)
    changed = 0
    for model, ids in rows.items():
        pk = model._meta.pk.attname
        for target in (model, history_model_of(model)):
            if target is None:
                continue
            manager = target._default_manager if target is model else target.objects
            for field in _text_fields(target):
                for needle in needles:
                    changed += manager.filter(
                        **{f"{pk}__in": sorted(ids), f"{field}__contains": needle}
                    ).update(**{field: Replace(F(field), Value(needle), Value(ERASED_TEXT))})
    return changed


@transaction.atomic
def erase_contact(*, contact: Contact, rows=None) -> int:
    """Anonymises the contact and every text about them in their association's data
    (`rows`: that association's `graph.association_rows`, when the caller has them)."""
    association_id = contact.partner.association_id
    needles = [contact.name, contact.email, contact.phone]
    changed = scrub_text(association_id=association_id, needles=needles, rows=rows)
    Contact.objects.filter(pk=contact.pk).update(name=ERASED_NAME, role="", email="", phone="")
    logger.info(
        "Contact %s of association %s erased (%s other texts changed)",
        contact.pk,
        association_id,
        changed,
    )
    return changed
