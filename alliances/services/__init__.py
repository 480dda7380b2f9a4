"""Writes, one module per area. Views validate and check access, then call these."""

from organisations.services import MembershipError

from .alliances import (
    answer_co_member_invitation,
    create_alliance,
    delete_alliance,
    end_co_membership,
    invite_co_member,
    update_alliance,
    what_goes_with,
    what_stays_without,
)
from .partner_import import import_partners, set_partner_import_mapping, start_partner_import
from .partners import delete_partner, delete_partner_item, save_partner, save_partner_item
from .steps import (
    add_agenda_item,
    create_action,
    decide_candidate,
    delete_item,
    dossier_of,
    save_convention,
    save_dossier,
    save_item,
    set_cost_shares,
    set_scores,
)

__all__ = [
    "add_agenda_item",
    "import_partners",
    "set_partner_import_mapping",
    "start_partner_import",
    "MembershipError",
    "answer_co_member_invitation",
    "create_action",
    "create_alliance",
    "decide_candidate",
    "delete_alliance",
    "delete_item",
    "delete_partner",
    "delete_partner_item",
    "dossier_of",
    "end_co_membership",
    "invite_co_member",
    "save_convention",
    "save_dossier",
    "save_item",
    "save_partner",
    "save_partner_item",
    "set_cost_shares",
    "set_scores",
    "update_alliance",
    "what_goes_with",
    "what_stays_without",
]
