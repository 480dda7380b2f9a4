from alliances.models import (
    ActionStep,
    AllianceMember,
    Candidate,
    Contact,
    ConventionParty,
    CriterionScore,
    RelationshipEvent,
    SelectionCriterion,
    SwotItem,
)
from alliances.tests import matrix_partner_import
from alliances.tests.factories import (
    ActionFactory,
    AllianceFactory,
    AllianceMemberFactory,
    AlliancePartnerFactory,
    ConventionFactory,
    PartnerFactory,
    attach_pdf,
)
from core.tests.matrix import (
    ADMIN_GET,
    ADMIN_POST,
    MEMBER_GET,
    NETWORK_GET,
    NETWORK_WRITE_GET,
    NETWORK_WRITE_POST,
    READ,
    WRITE_GET,
    WRITE_POST,
    Route,
    expect,
)
from networks.models import Review, Verdict
from organisations.models import Invitation, NetworkMembership, Role
from organisations.tests.factories import (
    AssociationFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)


def extend_world(world):
    association = world.association
    world.objects["invitation"] = Invitation.objects.create(
        association=association, email="nouvelle@example.org", role=Role.EDITOR
    )
    world.objects["colleague"] = MembershipFactory(association=association, role=Role.READER)
    world.objects["inviting_network"] = NetworkMembershipFactory(
        network=NetworkFactory(name="Réseau qui invite"),
        association=association,
        state=NetworkMembership.State.INVITED,
    )
    world.objects["network_membership"] = NetworkMembership.objects.get(
        network=world.network, association=association
    )
    world.objects["candidate"] = AssociationFactory(name="Candidate")
    # The head of a network that asso has left: it sees nothing of asso any more.
    left = NetworkFactory(name="Réseau quitté")
    NetworkMembershipFactory(
        network=left, association=association, state=NetworkMembership.State.LEFT
    )
    world.users["left_network_head"] = NetworkHeadFactory(network=left).user
    _extend_alliances(world)
    world.objects["review"] = Review.objects.create(
        alliance=world.alliance,
        network=world.network,
        author=world.network_head,
        verdict=Verdict.REWORK,
        comment="À retravailler",
    )


def _extend_alliances(world):
    """An alliance led by asso, with a co-member association and everything the pages show."""
    association = world.association
    alliance = AllianceFactory(lead=association, title="Alliance Témoin")
    co_member = AssociationFactory(name="Asso Co-membre")
    AllianceMemberFactory(alliance=alliance, association=co_member)
    world.objects["co_member"] = co_member
    world.objects["co_membership"] = AllianceMember.objects.get(
        alliance=alliance, association=co_member
    )
    world.users["co_member_editor"] = MembershipFactory(
        association=co_member, role=Role.EDITOR
    ).user
    world.objects["alliance"] = alliance
    partner = PartnerFactory(association=association, name="Mairie Témoin")
    world.objects["partner"] = partner
    world.objects["contact"] = Contact.objects.create(partner=partner, name="Jeanne Contact")
    world.objects["event"] = RelationshipEvent.objects.create(
        partner=partner, date="2026-01-15", summary="Rencontre"
    )
    world.objects["alliance_partner"] = AlliancePartnerFactory(
        alliance=alliance, partner=PartnerFactory(association=association, name="Entreprise")
    )
    world.objects["swot"] = SwotItem.objects.create(
        alliance=alliance, quadrant="strength", text="Expertise", importance=4
    )
    criterion = SelectionCriterion.objects.create(alliance=alliance, name="Compatibilité")
    world.objects["criterion"] = criterion
    candidate = Candidate.objects.create(
        alliance=alliance, partner=partner, category="local_authorities"
    )
    CriterionScore.objects.create(candidate=candidate, criterion=criterion, score=3)
    world.objects["candidacy"] = candidate
    convention = attach_pdf(ConventionFactory(alliance=alliance))
    world.objects["convention"] = convention
    world.objects["party"] = ConventionParty.objects.create(
        convention=convention, association=association, commitments="Porter le projet"
    )
    action = ActionFactory(alliance=alliance, title="Action Témoin")
    world.objects["action"] = action
    world.objects["action_step"] = ActionStep.objects.create(action=action, title="Étape")
    # An alliance of another association that invites asso as co-member.
    inviting = AllianceFactory(lead=world.other_association, title="Alliance qui invite")
    world.objects["alliance_invitation"] = AllianceMember.objects.create(
        alliance=inviting, association=association, state=AllianceMember.State.INVITED
    )
    # A spare partner with nothing depending on it, for the delete route.
    world.objects["free_partner"] = PartnerFactory(association=association, name="Libre")
    matrix_partner_import.extend_world(world)


def _association(w):
    return {"pk": w.association.pk}


def _membership(w):
    return {"pk": w.association.pk, "membership_pk": w.colleague.pk}


ASSOCIATION_DATA = {
    "name": "Asso Témoin renommée",
    "rna": "W751234567",
    "siren": "",
    "address": "1 place Bellecour",
    "postal_code": "69002",
    "city": "Lyon",
    "department": "69",
    "sector": "social",
    "employees": "5",
    "volunteers": "12",
    "budget_band": "50k-200k",
}

ROUTES = [
    Route(
        "organisations:association_detail",
        {**READ, "left_network_head": 404},
        kwargs=_association,
    ),
    Route("organisations:association_edit", ADMIN_GET, kwargs=_association),
    Route(
        "organisations:association_edit",
        ADMIN_POST,
        kwargs=_association,
        method="post",
        data=lambda w: ASSOCIATION_DATA,
    ),
    Route("organisations:members", MEMBER_GET, kwargs=_association),
    Route(
        "organisations:members",
        ADMIN_POST,
        kwargs=_association,
        method="post",
        data=lambda w: {"email": "collegue@example.org", "role": "editor"},
        label="invite",
    ),
    Route(
        "organisations:change_role",
        ADMIN_POST,
        kwargs=_membership,
        method="post",
        data=lambda w: {"role": "editor"},
    ),
    Route("organisations:remove_member", ADMIN_GET, kwargs=_membership),
    Route("organisations:remove_member", ADMIN_POST, kwargs=_membership, method="post"),
    Route(
        "organisations:revoke_invitation",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.association.pk, "invitation_pk": w.invitation.pk},
        method="post",
    ),
    Route("networks:association_networks", MEMBER_GET, kwargs=_association),
    Route(
        "networks:accept_network",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.association.pk, "membership_pk": w.inviting_network.pk},
        method="post",
    ),
    Route(
        "networks:refuse_network",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.association.pk, "membership_pk": w.inviting_network.pk},
        method="post",
    ),
    Route(
        "networks:leave_network",
        ADMIN_GET,
        kwargs=lambda w: {"pk": w.association.pk, "membership_pk": w.network_membership.pk},
    ),
    Route(
        "networks:leave_network",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.association.pk, "membership_pk": w.network_membership.pk},
        method="post",
    ),
    Route(
        "networks:network_detail",
        {**NETWORK_GET, "left_network_head": 404},
        kwargs=lambda w: {"pk": w.network.pk},
    ),
    Route(
        "networks:network_picture",
        {**NETWORK_GET, "left_network_head": 404},
        kwargs=lambda w: {"pk": w.network.pk},
    ),
    Route(
        "networks:network_export",
        {**NETWORK_GET, "left_network_head": 404},
        kwargs=lambda w: {"pk": w.network.pk, "what": "scores", "fmt": "csv"},
        label="scores-csv",
    ),
    Route(
        "networks:network_export",
        {**NETWORK_GET, "left_network_head": 404},
        kwargs=lambda w: {"pk": w.network.pk, "what": "alliances", "fmt": "xlsx"},
        label="alliances-xlsx",
    ),
    # Reviews: the network's heads write them; the association's writers answer.
    Route(
        "networks:reviews",
        {**READ, "left_network_head": 404},
        kwargs=lambda w: {"pk": w.alliance.pk},
    ),
    Route(
        "networks:review_create",
        {
            **expect(404, anonymous=302, reader=403, editor=403, assoc_admin=403),
            "network_head": 302,
            "platform_admin": 403,
            "left_network_head": 404,
        },
        kwargs=lambda w: {"pk": w.alliance.pk},
        method="post",
        data=lambda w: {"verdict": "validated", "comment": "Très clair."},
    ),
    Route(
        "networks:review_reply",
        {
            **expect(404, anonymous=302, reader=403, editor=302, assoc_admin=302),
            "network_head": 302,
            "platform_admin": 403,
            "left_network_head": 404,
        },
        kwargs=lambda w: {"pk": w.alliance.pk, "review_pk": w.review.pk},
        method="post",
        data=lambda w: {f"r{w.review.pk}-body": "Merci."},
    ),
    Route(
        "networks:invite_association",
        NETWORK_WRITE_GET,
        kwargs=lambda w: {"pk": w.network.pk},
    ),
    Route(
        "networks:invite_association",
        NETWORK_WRITE_POST,
        kwargs=lambda w: {"pk": w.network.pk},
        method="post",
        data=lambda w: {"identifier": w.candidate.rna},
    ),
]


# --- Alliances ---------------------------------------------------------------------------
# The co-member association's editor works on the alliance like the lead's editor.
A_READ = {**READ, "co_member_editor": 200}
A_WRITE_GET = {**WRITE_GET, "co_member_editor": 200}
A_WRITE_POST = {**WRITE_POST, "co_member_editor": 302}
# The lead's own pages (directory, alliance list): the co-member's staff are outsiders there.
OTHER_TENANT = {"co_member_editor": 404}
# Only the lead's staff invite co-members; only the lead's administrators delete or remove.
LEAD_WRITE_POST = {**WRITE_POST, "co_member_editor": 403}
LEAD_ADMIN_GET = {**ADMIN_GET, "co_member_editor": 403}
LEAD_ADMIN_POST = {**ADMIN_POST, "co_member_editor": 403}


def _alliance(w):
    return {"pk": w.alliance.pk}


def _item(kind, name):
    return lambda w: {"pk": w.alliance.pk, "kind": kind, "item_pk": w.objects[name].pk}


def _partner(w):
    return {"pk": w.partner.pk}


ALLIANCE_DATA = {"title": "Alliance renommée", "purpose": "Agir ensemble", "territory": "Lyon"}

ALLIANCE_ROUTES = [
    Route("alliances:alliance_list", {**READ, **OTHER_TENANT}, kwargs=_association),
    Route("alliances:alliance_create", {**WRITE_GET, **OTHER_TENANT}, kwargs=_association),
    Route(
        "alliances:alliance_create",
        {**WRITE_POST, **OTHER_TENANT},
        kwargs=_association,
        method="post",
        data=lambda w: ALLIANCE_DATA,
    ),
    Route(
        "alliances:accept_alliance_invitation",
        {**ADMIN_POST, **OTHER_TENANT},
        kwargs=lambda w: {"pk": w.association.pk, "member_pk": w.alliance_invitation.pk},
        method="post",
    ),
    Route(
        "alliances:decline_alliance_invitation",
        {**ADMIN_POST, **OTHER_TENANT},
        kwargs=lambda w: {"pk": w.association.pk, "member_pk": w.alliance_invitation.pk},
        method="post",
    ),
    Route("alliances:alliance_detail", {**A_READ, "left_network_head": 404}, kwargs=_alliance),
    Route("alliances:alliance_edit", A_WRITE_GET, kwargs=_alliance),
    Route(
        "alliances:alliance_edit",
        A_WRITE_POST,
        kwargs=_alliance,
        method="post",
        data=lambda w: ALLIANCE_DATA,
    ),
    Route("alliances:alliance_delete", LEAD_ADMIN_GET, kwargs=_alliance),
    Route("alliances:alliance_delete", LEAD_ADMIN_POST, kwargs=_alliance, method="post"),
    Route("alliances:alliance_history", A_READ, kwargs=_alliance),
    *[
        Route(
            "alliances:alliance_step",
            A_READ,
            kwargs=lambda w, n=n: {"pk": w.alliance.pk, "step": n},
            label=f"step{n}",
        )
        for n in range(1, 6)
    ],
    Route(
        "alliances:alliance_step",
        A_WRITE_POST,
        kwargs=lambda w: {"pk": w.alliance.pk, "step": 1},
        method="post",
        data=lambda w: {"strategic_priorities": "Consolider", "expectations": "Mutualiser"},
    ),
    Route("alliances:alliance_members", A_READ, kwargs=_alliance),
    Route(
        "alliances:alliance_members",
        LEAD_WRITE_POST,
        kwargs=_alliance,
        method="post",
        data=lambda w: {"identifier": w.candidate.rna},
        label="invite",
    ),
    Route(
        "alliances:end_alliance_membership",
        LEAD_ADMIN_GET,
        kwargs=lambda w: {"pk": w.alliance.pk, "member_pk": w.co_membership.pk},
    ),
    Route(
        "alliances:end_alliance_membership",
        LEAD_ADMIN_POST,
        kwargs=lambda w: {"pk": w.alliance.pk, "member_pk": w.co_membership.pk},
        method="post",
    ),
    Route("alliances:scoring", A_WRITE_GET, kwargs=_alliance),
    Route(
        "alliances:scoring",
        A_WRITE_POST,
        kwargs=_alliance,
        method="post",
        data=lambda w: {f"score-{w.candidacy.pk}-{w.criterion.pk}": "4"},
    ),
    Route(
        "alliances:candidate_decision",
        A_WRITE_GET,
        kwargs=lambda w: {"pk": w.alliance.pk, "item_pk": w.candidacy.pk},
    ),
    Route(
        "alliances:candidate_decision",
        A_WRITE_POST,
        kwargs=lambda w: {"pk": w.alliance.pk, "item_pk": w.candidacy.pk},
        method="post",
        data=lambda w: {
            "decision": "selected",
            "decision_reason": "Engagement confirmé",
            "partnership_form": "public_policy",
            "role": "Financeur",
        },
    ),
    # The signed convention: everyone who sees the alliance, and nobody else (404).
    Route(
        "alliances:convention_document",
        A_READ,
        kwargs=lambda w: {"pk": w.alliance.pk, "item_pk": w.convention.pk},
    ),
    Route("alliances:action_plan", A_READ, kwargs=_alliance),
    Route(
        "alliances:action_plan_export",
        A_READ,
        kwargs=lambda w: {"pk": w.alliance.pk, "fmt": "csv"},
        label="csv",
    ),
    Route(
        "alliances:action_plan_export",
        A_READ,
        kwargs=lambda w: {"pk": w.alliance.pk, "fmt": "xlsx"},
        label="xlsx",
    ),
    Route("alliances:economic_model", A_READ, kwargs=_alliance),
    Route(
        "alliances:economic_model",
        A_WRITE_POST,
        kwargs=_alliance,
        method="post",
        data=lambda w: {"treasury": "Compte commun"},
    ),
    Route("alliances:cost_sharing", A_WRITE_GET, kwargs=_alliance),
    Route(
        "alliances:cost_sharing",
        A_WRITE_POST,
        kwargs=_alliance,
        method="post",
        data=lambda w: {
            "keys-TOTAL_FORMS": "2",
            "keys-INITIAL_FORMS": "2",
            "keys-0-percent": "60",
            "keys-1-percent": "40",
        },
    ),
    Route(
        "alliances:item_add",
        A_WRITE_GET,
        kwargs=lambda w: {"pk": w.alliance.pk, "kind": "convention"},
    ),
    Route(
        "alliances:item_add",
        A_WRITE_POST,
        kwargs=lambda w: {"pk": w.alliance.pk, "kind": "moff"},
        method="post",
        data=lambda w: {"quadrant": "threat", "text": "Concurrence", "importance": "2"},
    ),
    Route("alliances:item_edit", A_WRITE_GET, kwargs=_item("action", "action")),
    Route(
        "alliances:item_edit",
        A_WRITE_POST,
        kwargs=_item("action", "action"),
        method="post",
        data=lambda w: {"title": "Action renommée", "status": "in_progress", "progress": "20"},
    ),
    Route("alliances:item_delete", A_WRITE_GET, kwargs=_item("partie", "party")),
    Route(
        "alliances:item_delete",
        A_WRITE_POST,
        kwargs=_item("etape-action", "action_step"),
        method="post",
    ),
    Route("alliances:item_history", A_READ, kwargs=_item("convention", "convention")),
    # The partner directory is private to the association: its staff only.
    Route("alliances:partner_list", {**MEMBER_GET, **OTHER_TENANT}, kwargs=_association),
    Route(
        "alliances:partner_create",
        {**WRITE_GET, **OTHER_TENANT},
        kwargs=_association,
    ),
    Route(
        "alliances:partner_create",
        {**WRITE_POST, **OTHER_TENANT},
        kwargs=_association,
        method="post",
        data=lambda w: {"name": "Fondation Témoin", "actor_type": "foundation"},
    ),
    Route("alliances:partner_detail", {**MEMBER_GET, **OTHER_TENANT}, kwargs=_partner),
    Route("alliances:partner_edit", {**WRITE_GET, **OTHER_TENANT}, kwargs=_partner),
    Route(
        "alliances:partner_edit",
        {**WRITE_POST, **OTHER_TENANT},
        kwargs=_partner,
        method="post",
        data=lambda w: {"name": "Mairie renommée", "actor_type": "local_authority"},
    ),
    Route("alliances:partner_delete", {**WRITE_GET, **OTHER_TENANT}, kwargs=_partner),
    Route(
        "alliances:partner_delete",
        {**WRITE_POST, **OTHER_TENANT},
        kwargs=lambda w: {"pk": w.free_partner.pk},
        method="post",
    ),
    Route(
        "alliances:partner_item_add",
        {**WRITE_GET, **OTHER_TENANT},
        kwargs=lambda w: {"pk": w.partner.pk, "kind": "contact"},
    ),
    Route(
        "alliances:partner_item_add",
        {**WRITE_POST, **OTHER_TENANT},
        kwargs=lambda w: {"pk": w.partner.pk, "kind": "evenement"},
        method="post",
        data=lambda w: {"date": "2026-02-01", "summary": "Appel"},
    ),
    Route(
        "alliances:partner_item_edit",
        {**WRITE_GET, **OTHER_TENANT},
        kwargs=lambda w: {"pk": w.partner.pk, "kind": "contact", "item_pk": w.contact.pk},
    ),
    Route(
        "alliances:partner_item_edit",
        {**WRITE_POST, **OTHER_TENANT},
        kwargs=lambda w: {"pk": w.partner.pk, "kind": "contact", "item_pk": w.contact.pk},
        method="post",
        data=lambda w: {"name": "Jeanne Renommée"},
    ),
    Route(
        "alliances:partner_item_delete",
        {**WRITE_GET, **OTHER_TENANT},
        kwargs=lambda w: {"pk": w.partner.pk, "kind": "evenement", "item_pk": w.event.pk},
    ),
    Route(
        "alliances:partner_item_delete",
        {**WRITE_POST, **OTHER_TENANT},
        kwargs=lambda w: {"pk": w.partner.pk, "kind": "evenement", "item_pk": w.event.pk},
        method="post",
    ),
]

ROUTES += ALLIANCE_ROUTES + matrix_partner_import.ROUTES
