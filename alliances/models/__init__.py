from .alliance import Alliance, AllianceMember, AllianceQuerySet
from .organisations import (
    WRITE_ROLES,
    Association,
    AssociationMembership,
    BudgetBand,
    Invitation,
    Network,
    NetworkHead,
    NetworkMembership,
    Role,
    Sector,
)

__all__ = [
    "WRITE_ROLES",
    "Alliance",
    "AllianceMember",
    "AllianceQuerySet",
    "Association",
    "AssociationMembership",
    "BudgetBand",
    "Invitation",
    "Network",
    "NetworkHead",
    "NetworkMembership",
    "Role",
    "Sector",
]
