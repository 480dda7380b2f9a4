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


def finished_health_check(
    names=("Solidarités Lyon Nord", "Les Jardins de Villeurbanne", "Crédit Coopératif"),
):
    """A closed health check of three parties of two people (the lead, a co-member, a bank
    partner's guests, named by `names`) who see the steering differently: one gap, on A2."""
    from alliances.tests.factories import (
        AllianceFactory,
        AllianceMemberFactory,
        AlliancePartnerFactory,
        PartnerFactory,
    )
    from organisations.models import Role
    from organisations.tests.factories import AssociationFactory, MembershipFactory
    from partnerspace.tests.factories import GuestAccessFactory

    lead_name, member_name, bank_name = names
    lead = AssociationFactory(name=lead_name)
    alliance = AllianceFactory(lead=lead, title="Pôle mutualisé de fonctions support")
    member = AssociationFactory(name=member_name)
    AllianceMemberFactory(alliance=alliance, association=member)
    bank = AlliancePartnerFactory(
        alliance=alliance, partner=PartnerFactory(association=lead, name=bank_name)
    )
    lead_staff = [MembershipFactory(association=lead, role=Role.ADMIN).user for _ in range(2)]
    member_staff = [MembershipFactory(association=member).user for _ in range(2)]
    guests = [GuestAccessFactory(alliance=alliance, partner=bank).user for _ in range(2)]
    health_check = open_for(alliance, lead_staff[0])
    for user in lead_staff:
        answer(health_check, user, "4", per_axis={"A2": "5"}, submit=False)
    for user in member_staff:
        answer(health_check, user, "3", per_axis={"A4": "2"}, submit=False)
    for user in guests:
        answer(health_check, user, "4", per_axis={"A2": "2", "A3": "3"}, submit=False)
    return closed(health_check)
