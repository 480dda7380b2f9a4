"""Writes of the evaluation app. Views validate and check access, then call these.

Each one, in its transaction, updates what the alliance's stored summary holds of its
evaluation (`summaries.refresh`): the indicators needing attention, and when the evaluation
last changed (a report made before is then no longer reused).
"""

import datetime as dt
from typing import NamedTuple

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from alliances.models import Alliance
from alliances.services import create_action
from core.instances import save_with_links

from . import summaries
from .models import (
    Analysis,
    Indicator,
    IndicatorContribution,
    Measurement,
    OperationalObjective,
    SteeringDecision,
)


@transaction.atomic
def save_row(*, alliance: Alliance, row: Model, links=None, by=None) -> Model:
    """Saves a row of the alliance's evaluation validated by its form (its vision, a
    strategic objective or gap, an expected impact, the evaluation plan, an evaluative
    question, the analysis); `links`: its many-to-many values."""
    if isinstance(row, Analysis):
        row.updated_by = by
    save_with_links(row, links)
    summaries.refresh([alliance.pk])
    return row


@transaction.atomic
def delete_row(*, alliance: Alliance, row: Model):
    """Deletes a row of the alliance's evaluation (an expected impact, a question…)."""
    row.delete()
    summaries.refresh([alliance.pk])


class SavedObjective(NamedTuple):
    objective: OperationalObjective
    # When its deadline changed: the indicators whose target date followed it, and those that
    # serve it and kept theirs (changed on their own since, or not created with it).
    indicators_moved: list
    indicators_kept: list


@transaction.atomic
def save_operational_objective(
    *, objective: OperationalObjective, partners, indicators, new_indicator=None, by=None
) -> SavedObjective:
    """Saves the objective with its partners and indicators; `new_indicator`, typed in the
    same form, is created with it and serves it too. A changed deadline moves the target
    date of the indicators created with it that still had the former deadline."""
    previous_deadline = None
    if objective.pk is None:
        objective.created_by = by
    else:
        previous_deadline = (
            OperationalObjective.objects.filter(pk=objective.pk)
            .values_list("deadline", flat=True)
            .first()
        )
    objective.save()
    indicators = list(indicators)
    if new_indicator is not None:
        new_indicator.created_with = objective
        create_indicator(indicator=new_indicator, by=by)
        indicators.append(new_indicator)
    objective.partners.set(partners)
    objective.indicators.set(indicators)
    moved, kept = [], []
    if previous_deadline and objective.deadline and objective.deadline != previous_deadline:
        moved, kept = _follow_the_deadline(objective, previous_deadline)
    summaries.refresh([objective.strategic_objective.alliance_id])
    return SavedObjective(objective, moved, kept)


def _follow_the_deadline(objective: OperationalObjective, previous: dt.date):
    reason = _("The objective's deadline moved from %(old)s to %(new)s.") % {
        "old": previous.strftime("%d/%m/%Y"),
        "new": objective.deadline.strftime("%d/%m/%Y"),
    }
    moved, kept = [], []
    for indicator in objective.indicators.order_by("name"):
        created_with_it = indicator.created_with_id == objective.pk
        if (
            created_with_it
            and indicator.target_date == previous
            and not (indicator.baseline_date and objective.deadline <= indicator.baseline_date)
        ):
            indicator.target_date = objective.deadline
            indicator._change_reason = reason
            indicator.save()
            moved.append(indicator)
        elif created_with_it or indicator.target_date == previous:
            kept.append(indicator)
    return moved, kept


@transaction.atomic
def delete_operational_objective(*, objective: OperationalObjective):
    """The objective goes; its indicators stay (they may serve other objectives)."""
    alliance_id = objective.strategic_objective.alliance_id
    objective.delete()
    summaries.refresh([alliance_id])


@transaction.atomic
def create_indicator(*, indicator: Indicator, objectives=(), by=None) -> Indicator:
    indicator._change_reason = _("Indicator created")
    indicator.full_clean()
    indicator.save()
    if objectives:
        indicator.objectives.set(objectives)
    summaries.refresh([indicator.alliance_id])
    return indicator


@transaction.atomic
def update_indicator(*, indicator: Indicator, links=None) -> Indicator:
    """Saves what the indicator measures and how (its target changes through change_target)."""
    indicator._change_reason = _("Description changed")
    save_with_links(indicator, links)
    summaries.refresh([indicator.alliance_id])
    return indicator


@transaction.atomic
def change_target(*, indicator: Indicator, target, target_date, reason: str, by=None) -> Indicator:
    """Changes an indicator's target; the reason is kept in its history."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("a target change needs a reason")
    indicator.target = target
    indicator.target_date = target_date
    indicator._change_reason = reason
    indicator.full_clean()
    indicator.save()
    summaries.refresh([indicator.alliance_id])
    return indicator


@transaction.atomic
def record_measurement(*, indicator: Indicator, by=None, **fields) -> Measurement:
    measurement = Measurement(indicator=indicator, entered_by=by, **fields)
    if measurement.evidence_file:
        measurement.evidence_name = measurement.evidence_file.name[:255]
    measurement.save()
    summaries.refresh([indicator.alliance_id])
    return measurement


@transaction.atomic
def delete_measurement(*, measurement: Measurement):
    """A mistyped measurement is removed; its evidence file goes once the deletion commits."""
    stored = measurement.evidence_file.name if measurement.evidence_file else None
    storage = measurement.evidence_file.storage if stored else None
    alliance_id = measurement.indicator.alliance_id
    measurement.delete()
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))
    summaries.refresh([alliance_id])


@transaction.atomic
def record_contribution(
    *, indicator: Indicator, contribution: IndicatorContribution, by=None
) -> IndicatorContribution:
    """One partner's share of a shared indicator, validated by its form."""
    contribution.indicator = indicator
    contribution.entered_by = by
    contribution.save()
    summaries.refresh([indicator.alliance_id])
    return contribution


class Imported(NamedTuple):
    added: list
    updated: list


@transaction.atomic
def import_measurements(*, rows, by=None) -> Imported:
    """Adds each row (rows already checked by imports.parse, confirmed after its preview), or
    updates the measurement recorded at its date: one value per indicator and date. Each row
    keeps its history, as one entered by hand would. What is recorded is read again here,
    locked, since the preview may be minutes old."""
    if not rows:
        return Imported([], [])
    recorded = {
        (m.indicator_id, m.date): m
        for m in Measurement.objects.select_for_update()
        .filter(indicator__in={row.indicator for row in rows}, date__in={row.date for row in rows})
        .order_by("pk")
    }
    to_add, to_update = [], []
    for row in rows:
        measurement = recorded.get((row.indicator.pk, row.date))
        if measurement is None:
            to_add.append(
                Measurement(
                    indicator=row.indicator,
                    date=row.date,
                    value=row.value,
                    source=row.source,
                    comment=row.comment,
                    entered_by=by,
                )
            )
            continue
        changed = measurement.value != row.value
        changed |= bool(row.source) and row.source != measurement.source
        changed |= bool(row.comment) and row.comment != measurement.comment
        if not changed:
            continue
        measurement.value = row.value
        measurement.source = row.source or measurement.source
        measurement.comment = row.comment or measurement.comment
        measurement.entered_by = by
        to_update.append(measurement)
    added = bulk_create_with_history(
        to_add, Measurement, default_user=by, default_change_reason=_("Imported")
    )
    if to_update:
        bulk_update_with_history(
            to_update,
            Measurement,
            ["value", "source", "comment", "entered_by"],
            default_user=by,
            default_change_reason=_("Updated by an import"),
        )
    summaries.refresh({row.indicator.alliance_id for row in rows})
    return Imported(added, to_update)


@transaction.atomic
def record_decision(
    *, alliance: Alliance, text: str, decided_on: dt.date, by=None, action_fields=None
) -> SteeringDecision:
    """Records a steering decision; with `action_fields` it also adds an action to the plan."""
    action = None
    if action_fields:
        action = create_action(alliance=alliance, by=by, **action_fields)
    decision = SteeringDecision(
        alliance=alliance, text=text, decided_on=decided_on, action=action, created_by=by
    )
    decision._history_user = by  # its history names who decided, outside a request too
    decision.save()
    summaries.refresh([alliance.pk])
    return decision
