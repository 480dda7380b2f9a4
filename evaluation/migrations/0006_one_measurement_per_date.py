"""One measurement per indicator and date.

A second value at a date that had one was saved silently, and the follow-up then read one of the
two. Existing duplicates are merged first, deterministically: the most recently entered row
(highest id: the value the follow-up showed, « the last given wins ») is kept; it takes from the
others, newest first, what it lacks (a value for a qualitative indicator, a source, an attached
file, who entered it), and their comments and evidence texts are appended to its own when
different. The others are then deleted (their attached file, if the kept row had one already,
stays in storage).
"""

from django.db import migrations, models
from django.db.models import Count


def _joined(texts):
    kept = []
    for text in texts:
        text = (text or "").strip()
        if text and text not in kept:
            kept.append(text)
    return "\n\n".join(kept)


def merge_measurements_of_one_date(apps, schema_editor):
    measurement_model = apps.get_model("evaluation", "Measurement")
    groups = (
        measurement_model.objects.values("indicator_id", "date")
        .annotate(rows=Count("id"))
        .filter(rows__gt=1)
        .order_by("indicator_id", "date")
    )
    for group in list(groups):
        rows = list(
            measurement_model.objects.filter(
                indicator_id=group["indicator_id"], date=group["date"]
            ).order_by("-pk")
        )
        kept, others = rows[0], rows[1:]
        for other in others:
            if kept.value is None:
                kept.value = other.value
            kept.source = kept.source or other.source
            if not kept.evidence_file and other.evidence_file:
                kept.evidence_file = other.evidence_file
                kept.evidence_name = other.evidence_name
            kept.entered_by_id = kept.entered_by_id or other.entered_by_id
        kept.comment = _joined(row.comment for row in rows)
        kept.evidence_text = _joined(row.evidence_text for row in rows)
        kept.save()
        measurement_model.objects.filter(pk__in=[other.pk for other in others]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0005_history_of_steering_decisions"),
    ]

    operations = [
        migrations.RunPython(merge_measurements_of_one_date, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='measurement',
            constraint=models.UniqueConstraint(fields=('indicator', 'date'), name='one_measurement_per_date', violation_error_message='A measurement of this indicator is already recorded at this date.'),
        ),
    ]
