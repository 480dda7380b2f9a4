"""The side of each model of the partners' space (see alliances/sharing.py)."""

from alliances.sharing import INTERNAL, SHARED

SIDES = {
    "Comment": SHARED,
    "GuestActivity": SHARED,
    "AnalysisPublication": SHARED,
    # Who is invited, their access and consent: the lead's administration.
    "GuestAccess": INTERNAL,
    "GuestInvitation": INTERNAL,
    # A person's own choice.
    "NotificationPreference": INTERNAL,
}
