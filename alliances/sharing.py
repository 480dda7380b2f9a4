"""Which side of an alliance each of its models is on: shared with the partners' guests, or
internal to the associations that run it.

Every model of the alliance declares its side here (`evaluation/sharing.py` and
`partnerspace/sharing.py` for theirs); partnerspace/tests/test_sharing.py lists every model of
these apps and fails on one that does not. The guests' pages read only SHARED models, and of a
model shared in part (the alliance file), only the fields named in SHARED_FIELDS.
"""

from enum import Enum


class Side(Enum):
    SHARED = "shared"
    INTERNAL = "internal"


SHARED = Side.SHARED
INTERNAL = Side.INTERNAL

SIDES = {
    # The alliance's purpose, its members and its partners (names and roles).
    "Alliance": SHARED,
    "AllianceMember": SHARED,
    "AlliancePartner": SHARED,
    # The association's directory: a partner's name reaches the space through AlliancePartner
    # only; its contacts, tags and relationship log never do.
    "Partner": INTERNAL,
    "PartnerImport": INTERNAL,
    "PartnerTag": INTERNAL,
    "Contact": INTERNAL,
    "RelationshipEvent": INTERNAL,
    # The action plan.
    "Action": SHARED,
    "ActionStep": SHARED,
    # Conventions: a guest sees those its organisation is party to (partnerspace.selectors).
    "Convention": SHARED,
    "ConventionParty": SHARED,
    "Amendment": SHARED,
    # The economic model's internal lines.
    "Resource": INTERNAL,
    "Contribution": INTERNAL,
    "BudgetLine": INTERNAL,
    "CostShare": INTERNAL,
    # The project file (step 2) and the conditions of the collaboration (step 5): shared by
    # field, the association's own diagnostic (step 1) and treasury are not.
    "AllianceDossier": SHARED,
    "NeedFigure": SHARED,
    # Step 1 and step 3: the SWOT, candidates, their scoring and criteria, the proximity log.
    "SwotItem": INTERNAL,
    "Candidate": INTERNAL,
    "SelectionCriterion": INTERNAL,
    "CriterionScore": INTERNAL,
    "Exchange": INTERNAL,
    # Governance and communication (step 5).
    "GovernanceBody": SHARED,
    "Meeting": SHARED,
    "MeetingAgendaItem": SHARED,
    "CommunicationItem": SHARED,
    # Stored figures of the associations' dashboards.
    "AllianceSummary": INTERNAL,
    "AssociationSummary": INTERNAL,
}

SHARED_FIELDS = {
    "AllianceDossier": (
        "social_need",
        "collective_need",
        "argument",
        "key_actors",
        "beneficiaries",
        "shared_vision",
        "decision_process",
        "communication_identity",
    ),
}
