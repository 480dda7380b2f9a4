"""A convention party is named one way (a member association, a partner of the alliance or a
typed name) and once per convention; « Échue » only once the end date has passed.

Rows made before these rules are put right first, deterministically:

* a party named two or three ways keeps the one its page showed (the typed name, else the
  association): the other columns are emptied;
* duplicates on one convention (same association, same partner or same name, whatever the case)
  are merged into the oldest row (lowest id): the others' commitments are appended to it when
  different, its empty « represented by » and contribution are taken from them, then they go;
* a party named no way at all (its member or partner deleted since) is named « Partie à
  préciser » so that someone completes it;
* a convention marked « Échue » whose end date has not passed (or that has none) was ended
  before its term: it becomes « Résiliée ».
"""

from django.db import migrations, models
from django.db.models import Q
from django.utils import timezone

import django.db.models.functions.text


def _key(party):
    if party.association_id:
        return ("association", party.association_id)
    if party.partner_id:
        return ("partner", party.partner_id)
    return ("name", party.name.strip().lower())


def name_each_party_once(apps, schema_editor):
    Party = apps.get_model("alliances", "ConventionParty")
    for party in Party.objects.order_by("pk"):
        name = (party.name or "").strip()
        association_id, partner_id = party.association_id, party.partner_id
        if name:
            association_id = partner_id = None
        elif association_id:
            partner_id = None
        if (name, association_id, partner_id) != (party.name, party.association_id, party.partner_id):
            party.name, party.association_id, party.partner_id = name, association_id, partner_id
            party.save(update_fields=["name", "association", "partner"])

    kept = {}
    for party in Party.objects.order_by("convention_id", "pk"):
        if not (party.association_id or party.partner_id or party.name):
            continue
        key = (party.convention_id, _key(party))
        first = kept.get(key)
        if first is None:
            kept[key] = party
            continue
        commitments = (party.commitments or "").strip()
        if commitments and commitments not in first.commitments:
            first.commitments = f"{first.commitments.rstrip()}\n\n{commitments}".strip()
        first.represented_by = first.represented_by or party.represented_by
        if first.financial_contribution is None:
            first.financial_contribution = party.financial_contribution
        first.save(update_fields=["commitments", "represented_by", "financial_contribution"])
        party.delete()

    nameless = Party.objects.filter(association__isnull=True, partner__isnull=True, name="")
    for party in nameless.order_by("convention_id", "pk"):
        base, number = "Partie à préciser", 1
        name = base
        while Party.objects.filter(convention_id=party.convention_id, name__iexact=name).exists():
            number += 1
            name = f"{base} ({number})"
        party.name = name
        party.save(update_fields=["name"])


def expired_only_after_the_end(apps, schema_editor):
    Convention = apps.get_model("alliances", "Convention")
    today = timezone.localdate()
    Convention.objects.filter(status="expired").filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    ).update(status="terminated")


class Migration(migrations.Migration):
    dependencies = [
        ("alliances", "0007_field_names_translated_and_french_order"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(name_each_party_once, migrations.RunPython.noop),
        migrations.RunPython(expired_only_after_the_end, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='conventionparty',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('association__isnull', True), ('partner__isnull', True)), models.Q(('association__isnull', True), ('name', '')), models.Q(('name', ''), ('partner__isnull', True)), _connector='OR'), name='party_named_one_way', violation_error_message='A party is one organisation: a member association, a partner of the alliance or a name, only one of the three.'),
        ),
        migrations.AddConstraint(
            model_name='conventionparty',
            constraint=models.UniqueConstraint(fields=('convention', 'association'), name='one_party_per_association', violation_error_message='This organisation is already a party to this convention.'),
        ),
        migrations.AddConstraint(
            model_name='conventionparty',
            constraint=models.UniqueConstraint(fields=('convention', 'partner'), name='one_party_per_partner', violation_error_message='This organisation is already a party to this convention.'),
        ),
        migrations.AddConstraint(
            model_name='conventionparty',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('name'), models.F('convention'), condition=models.Q(('name', ''), _negated=True), name='one_party_per_name', violation_error_message='This organisation is already a party to this convention.'),
        ),
    ]
