"""The side of each evaluation model of an alliance (see alliances/sharing.py)."""

from alliances.sharing import INTERNAL, SHARED

SIDES = {
    # Objectives, indicators and their measurements are the partners' common work.
    "Vision": SHARED,
    "StrategicObjective": SHARED,
    "ExpectedImpact": SHARED,
    "OperationalObjective": SHARED,
    "Indicator": SHARED,
    "IndicatorStatus": SHARED,
    "IndicatorContribution": SHARED,
    "Measurement": SHARED,
    # Shown once the lead publishes it (partnerspace.AnalysisPublication).
    "Analysis": SHARED,
    # The gaps between partners, the evaluation's design and the steering decisions are the
    # associations' own.
    "StrategicGap": INTERNAL,
    "EvaluationPlan": INTERNAL,
    "EvaluativeQuestion": INTERNAL,
    "SteeringDecision": INTERNAL,
}
