"""Health checks made as the services make them, and answers given as people give them."""

from healthchecks import services
from healthchecks.models import HealthCheck, HealthQuestionnaire, Participant


def codes_of(axis_code=None) -> list[str]:
    questionnaire = HealthQuestionnaire.current()
    return [
        s["code"]
        for axis in questionnaire.axes()
        if axis_code is None or axis["code"] == axis_code
        for s in axis["statements"]
    ]


def open_for(alliance, by) -> HealthCheck:
    return services.open_health_check(alliance=alliance, opened_by=by)


def answer(health_check, user, value, *, per_axis=None, submit=True) -> Participant:
    """The person answers every statement `value` ("1".."5" or "dk"), or per axis
    ({"A2": "2"}) where given."""
    participant = Participant.objects.get(health_check=health_check, user=user)
    per_axis = per_axis or {}
    choices = {}
    for axis in health_check.questionnaire.axes():
        for statement in axis["statements"]:
            choices[statement["code"]] = per_axis.get(axis["code"], value)
    services.save_answers(participant=participant, choices=choices)
    if submit:
        services.submit(participant=participant)
    return participant


def closed(health_check) -> HealthCheck:
    return services.close_health_check(health_check=health_check)
