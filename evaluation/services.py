"""Writes of the evaluation app. Views validate and check access, then call these."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from alliances.services import create_action

from .models import Indicator, Measurement, OperationalObjective, SteeringDecision


@transaction.atomic
def save_operational_objective(objective: OperationalObjective, *, partners, indicators, by=None):
    creating = objective.pk is None
    if creating:
        objective.created_by = by
    objective.save()
    objective.partners.set(partners)
    objective.indicators.set(indicators)
    return objective


@transaction.atomic
def create_indicator(indicator: Indicator, *, objectives=(), by=None) -> Indicator:
    indicator._change_reason = _("Indicator created")
    indicator.full_clean()
    indicator.save()
    if objectives:
        indicator.objectives.set(objectives)
    return indicator


@transaction.atomic
def change_target(indicator: Indicator, *, target, target_date, reason: str, by=None) -> Indicator:
    """Changes an indicator's target; the reason is kept in its history."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("a target change needs a reason")
    indicator.target = target
    indicator.target_date = target_date
    indicator._change_reason = reason
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def record_measurement(indicator: Indicator, *, by=None, **fields) -> Measurement:
    measurement = Measurement(indicator=indicator, entered_by=by, **fields)
    if measurement.evidence_file:
        measurement.evidence_name = measurement.evidence_file.name[:255]
    measurement.save()
    return measurement


def delete_measurement(measurement: Measurement):
    stored = measurement.evidence_file.name if measurement.evidence_file else None
    storage = measurement.evidence_file.storage if stored else None
    measurement.delete()
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))


@transaction.atomic
def delete_operational_objective(objective: OperationalObjective):
    """The objective goes; its indicators stay (they may serve other objectives)."""
    objective.delete()


@transaction.atomic
def import_measurements(rows, *, by=None) -> list[Measurement]:
    """Creates every row or none (rows already validated by imports.parse)."""
    from alliances.alerts import forget
    from core.revisions import alliance_scope, bump

    # bulk_create sends no post_save: the alerts and the cached fragments are told here.
    alliance_ids = {row.indicator.alliance_id for row in rows}
    forget(alliance_ids)
    bump(alliance_scope(pk) for pk in alliance_ids)
    return Measurement.objects.bulk_create(
        [
            Measurement(
                indicator=row.indicator,
                date=row.date,
                value=row.value,
                source=row.source,
                comment=row.comment,
                entered_by=by,
            )
            for row in rows
        ]
    )


@transaction.atomic
def record_decision(
    alliance, *, text: str, decided_on: dt.date, by=None, action_fields=None
) -> SteeringDecision:
    """Records a steering decision; with `action_fields` it also adds an action to the plan."""
    action = None
    if action_fields:
        action = create_action(alliance=alliance, by=by, **action_fields)
    return SteeringDecision.objects.create(
        alliance=alliance, text=text, decided_on=decided_on, action=action, created_by=by
    )
