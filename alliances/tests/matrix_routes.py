from alliances.models import Invitation, NetworkMembership, Role
from alliances.tests.factories import (
    AssociationFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
)
from core.tests.matrix import (
    ADMIN_GET,
    ADMIN_POST,
    MEMBER_GET,
    NETWORK_GET,
    NETWORK_WRITE_GET,
    NETWORK_WRITE_POST,
    READ,
    Route,
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
    Route("alliances:association_detail", READ, kwargs=_association),
    Route("alliances:association_edit", ADMIN_GET, kwargs=_association),
    Route(
        "alliances:association_edit",
        ADMIN_POST,
        kwargs=_association,
        method="post",
        data=lambda w: ASSOCIATION_DATA,
    ),
    Route("alliances:members", MEMBER_GET, kwargs=_association),
    Route(
        "alliances:members",
        ADMIN_POST,
        kwargs=_association,
        method="post",
        data=lambda w: {"email": "collegue@example.org", "role": "editor"},
        label="invite",
    ),
    Route(
        "alliances:change_role",
        ADMIN_POST,
        kwargs=_membership,
        method="post",
        data=lambda w: {"role": "editor"},
    ),
    Route("alliances:remove_member", ADMIN_GET, kwargs=_membership),
    Route("alliances:remove_member", ADMIN_POST, kwargs=_membership, method="post"),
    Route(
        "alliances:revoke_invitation",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.association.pk, "invitation_pk": w.invitation.pk},
        method="post",
    ),
    Route("alliances:association_networks", MEMBER_GET, kwargs=_association),
    Route(
        "alliances:accept_network",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.association.pk, "membership_pk": w.inviting_network.pk},
        method="post",
    ),
    Route(
        "alliances:refuse_network",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.association.pk, "membership_pk": w.inviting_network.pk},
        method="post",
    ),
    Route(
        "alliances:leave_network",
        ADMIN_GET,
        kwargs=lambda w: {"pk": w.association.pk, "membership_pk": w.network_membership.pk},
    ),
    Route(
        "alliances:leave_network",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.association.pk, "membership_pk": w.network_membership.pk},
        method="post",
    ),
    Route("alliances:network_detail", NETWORK_GET, kwargs=lambda w: {"pk": w.network.pk}),
    Route(
        "alliances:invite_association",
        NETWORK_WRITE_GET,
        kwargs=lambda w: {"pk": w.network.pk},
    ),
    Route(
        "alliances:invite_association",
        NETWORK_WRITE_POST,
        kwargs=lambda w: {"pk": w.network.pk},
        method="post",
        data=lambda w: {"identifier": w.candidate.rna},
    ),
]
