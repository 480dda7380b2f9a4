"""Set accounts.User.has_guest_access for the people who already hold an active access."""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone


def backfill(apps, schema_editor):
    GuestAccess = apps.get_model("partnerspace", "GuestAccess")
    User = apps.get_model("accounts", "User")
    today = timezone.localdate()
    active = GuestAccess.objects.filter(
        Q(revoked_at__isnull=True) & Q(starts_on__lte=today) & Q(ends_on__gte=today)
    ).values("user_id")
    User.objects.filter(pk__in=active).update(has_guest_access=True)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_has_guest_access"),
        ("partnerspace", "0001_guests_comments_and_activity"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
