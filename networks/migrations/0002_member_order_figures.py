"""The figures the network dashboard sorts by, copied onto each existing membership (what the
services keep from now on)."""

from django.db import migrations
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce

from organisations.ordering import french_key


def copy(apps, schema_editor):
    membership = apps.get_model("organisations", "NetworkMembership")
    association = apps.get_model("organisations", "Association")
    campaign = apps.get_model("diagnostics", "Campaign")
    summary = apps.get_model("alliances", "AssociationSummary")
    names = dict(association.objects.values_list("pk", "name"))
    rows = list(membership.objects.only("pk", "association_id"))
    for row in rows:
        row.name_key = french_key(names.get(row.association_id, ""))
    membership.objects.bulk_update(rows, ["name_key"], batch_size=1000)
    latest = campaign.objects.filter(association_id=OuterRef("association_id"), is_latest=True)
    sums = summary.objects.filter(association_id=OuterRef("association_id"))
    membership.objects.update(
        maturity_level=Subquery(latest.values("maturity_level")[:1]),
        diagnostic_date=Subquery(latest.values("closed_at")[:1]),
        alliances=Coalesce(Subquery(sums.values("alliances")[:1]), 0),
        attention=Coalesce(Subquery(sums.values("attention")[:1]), 0),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0001_initial"),
        ("organisations", "0003_member_orders"),
        ("diagnostics", "0004_stored_scores_and_benchmarks"),
        ("alliances", "0006_stored_summaries"),
    ]

    operations = [migrations.RunPython(copy, migrations.RunPython.noop)]
