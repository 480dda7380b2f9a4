"""Access to an alliance's evaluation objects: always through the alliance (404 for other
tenants, 403 for a reader writing), with the object looked up inside that alliance."""

from django.shortcuts import get_object_or_404

from alliances.access import get_alliance_for_user

from .models import Indicator, Measurement, OperationalObjective, StrategicObjective


def get_alliance(request, pk, *, write=False):
    return get_alliance_for_user(request, pk, write=write)


def get_strategic_objective_for_user(request, pk, objective_pk, *, write=False):
    alliance, capability = get_alliance(request, pk, write=write)
    objective = get_object_or_404(StrategicObjective, alliance=alliance, pk=objective_pk)
    return alliance, capability, objective


def get_operational_objective_for_user(request, pk, objective_pk, *, write=False):
    alliance, capability = get_alliance(request, pk, write=write)
    objective = get_object_or_404(
        OperationalObjective.objects.select_related("strategic_objective"),
        strategic_objective__alliance=alliance,
        pk=objective_pk,
    )
    return alliance, capability, objective


def get_indicator_for_user(request, pk, indicator_pk, *, write=False):
    alliance, capability = get_alliance(request, pk, write=write)
    indicator = get_object_or_404(Indicator, alliance=alliance, pk=indicator_pk)
    return alliance, capability, indicator


def get_measurement_for_user(request, pk, measurement_pk):
    alliance, capability = get_alliance(request, pk)
    measurement = get_object_or_404(
        Measurement.objects.select_related("indicator"),
        indicator__alliance=alliance,
        pk=measurement_pk,
    )
    return alliance, capability, measurement
