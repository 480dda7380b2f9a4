"""The side of each model of the health check (see alliances/sharing.py)."""

from alliances.sharing import INTERNAL, SHARED

SIDES = {
    # Its results (means only, by party) are shared with everyone asked, guests included.
    "HealthCheck": SHARED,
    "HealthQuestionnaire": SHARED,
    # Who was asked and each person's answers: never shown one by one, to anyone.
    "Participant": INTERNAL,
    "HealthAnswer": INTERNAL,
    # What the lead made of a gap (an action of the plan, an agenda item, both shared).
    "GapFollowUp": SHARED,
}
