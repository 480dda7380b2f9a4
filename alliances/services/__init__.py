"""Writes, one module per area. Views validate and check access, then call these."""

from .actions import create_action
from .organisations import (
    MembershipError,
    accept_invitation,
    accept_network_invitation,
    add_network_head,
    change_role,
    create_association,
    invite_association_to_network,
    invite_colleague,
    leave_network,
    refuse_network_invitation,
    remove_member,
    revoke_invitation,
)

__all__ = [
    "MembershipError",
    "accept_invitation",
    "accept_network_invitation",
    "add_network_head",
    "change_role",
    "create_action",
    "create_association",
    "invite_association_to_network",
    "invite_colleague",
    "leave_network",
    "refuse_network_invitation",
    "remove_member",
    "revoke_invitation",
]
