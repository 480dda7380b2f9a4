"""Writes on an association's partner directory: partners, their contacts and the history of
the relationship."""

from django.db import transaction
from django.db.models import Model

from alliances.models import Partner, PartnerTag, RelationshipEvent
from organisations.models import Association


@transaction.atomic
def save_partner(*, association: Association, partner: Partner, tag_names=()) -> Partner:
    """Adds the partner to the association's directory, or saves its changes; its tags are
    the association's, made when new."""
    partner.association = association
    partner.save()
    partner.tags.set(
        PartnerTag.objects.get_or_create(association=association, name=name)[0]
        for name in tag_names
    )
    return partner


@transaction.atomic
def delete_partner(*, partner: Partner):
    partner.delete()


@transaction.atomic
def save_partner_item(*, partner: Partner, item: Model, by=None) -> Model:
    """A contact person or an event of the relationship, for this partner."""
    item.partner = partner
    if isinstance(item, RelationshipEvent) and item.pk is None:
        item.author = by
    item.save()
    return item


@transaction.atomic
def delete_partner_item(*, partner: Partner, item: Model):
    item.delete()
