"""Each model's history (django-simple-history), and deletions that write it in bulk.

simple-history writes a row of history for each row deleted, one INSERT each: deleting an
alliance with a year of measurements cost a query a measurement. `delete_with_history()`
collects what a deletion takes with it as Django does, writes the history of each model's rows
in one INSERT, then deletes; the models' `history` (this module's HistoricalRecords) does not
write it again.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.deletion import Collector
from django.utils import timezone
from simple_history import models as simple_history


class HistoricalRecords(simple_history.HistoricalRecords):
    def post_delete(self, instance, using=None, **kwargs):
        if getattr(instance, "_history_written", False):
            return
        super().post_delete(instance, using=using, **kwargs)


@transaction.atomic
def delete_with_history(objects, *, using="default"):
    """Deletes `objects` and everything that goes with them, as `.delete()` does, with the
    history of every row deleted (« - », dated now, by the request's user)."""
    collector = Collector(using=using)
    collector.collect(list(objects))
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return collector.delete()
    when = timezone.now()
    request = getattr(simple_history.HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    default_user = user.pk if user is not None and user.is_authenticated else None
    for model, instances in collector.data.items():
        manager = getattr(model._meta, "simple_history_manager_attribute", None)
        if not manager or not instances:
            continue
        history_model = getattr(model, manager).model
        own = {field.attname for field in model._meta.concrete_fields}
        tracked = [f.attname for f in history_model._meta.fields if f.attname in own]
        history_model.objects.using(using).bulk_create(
            [
                history_model(
                    history_date=when,
                    history_type="-",
                    history_user_id=_user_of(instance, default_user),
                    history_change_reason=None,
                    **{name: getattr(instance, name) for name in tracked},
                )
                for instance in instances
            ],
            batch_size=500,
        )
        for instance in instances:
            instance._history_written = True
    return collector.delete()


def _user_of(instance, default):
    """Who deleted it: the user a service named on the row (`_history_user`, as
    simple-history reads it), else the request's."""
    user = getattr(instance, "_history_user", None)
    return user.pk if user is not None else default
