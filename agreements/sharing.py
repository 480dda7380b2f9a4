"""The side of each model of the conventions' versions (see alliances/sharing.py): the parties'
guests read the versions sent and the answers of the conventions their organisation is party
to (agreements.selectors)."""

from alliances.sharing import SHARED

SIDES = {
    "ConventionVersion": SHARED,
    "PartyAnswer": SHARED,
}
