"""The personas of the permission matrix, and the objects they are measured against.

- association: the association whose data is at stake ("asso"), active member of `network`;
- reader / editor / assoc_admin: its staff with each role;
- outsider: works for `other_association`, which has nothing to do with asso;
- network_head: heads `network`; other_network_head: heads `other_network`, which asso is not in;
- platform_admin: superuser;
- guest_contributor / guest_reader: contacts of a partner of the matrix's alliance, guests of its
  partners' space; other_alliance_guest: guest of another alliance of asso; ended_guest and
  revoked_guest: guests of the matrix's alliance whose access ended or was revoked.

Apps add objects (an alliance, a campaign…) and extra personas in `<app>/tests/matrix.py`.
"""

from dataclasses import dataclass, field

from accounts.tests.factories import UserFactory
from organisations.models import Role
from organisations.tests.factories import (
    AssociationFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

BASE_ROLES = (
    "anonymous",
    "outsider",
    "reader",
    "editor",
    "assoc_admin",
    "network_head",
    "other_network_head",
    "platform_admin",
    # The partners' space (partnerspace/tests/matrix_routes.py makes them): guests of the
    # matrix's alliance, a guest of another alliance of the same association, and two whose
    # access is over. They have no association: every association page is a 404 for them.
    "guest_contributor",
    "guest_reader",
    "other_alliance_guest",
    "ended_guest",
    "revoked_guest",
)


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        objects = self.__dict__.get("objects", {})
        if name in objects:
            return objects[name]
        users = self.__dict__.get("users", {})
        if name in users:
            return users[name]
        raise AttributeError(name)


def build_world() -> World:
    association = AssociationFactory(name="Asso Témoin")
    other_association = AssociationFactory(name="Autre Asso")
    network = NetworkFactory(name="Réseau Témoin")
    other_network = NetworkFactory(name="Autre Réseau")
    NetworkMembershipFactory(network=network, association=association)
    NetworkMembershipFactory(network=other_network, association=other_association)

    users = {"anonymous": None}
    users["reader"] = MembershipFactory(association=association, role=Role.READER).user
    users["editor"] = MembershipFactory(association=association, role=Role.EDITOR).user
    users["assoc_admin"] = MembershipFactory(association=association, role=Role.ADMIN).user
    users["outsider"] = MembershipFactory(association=other_association, role=Role.ADMIN).user
    users["network_head"] = NetworkHeadFactory(network=network).user
    users["other_network_head"] = NetworkHeadFactory(network=other_network).user
    users["platform_admin"] = UserFactory(is_staff=True, is_superuser=True)
    return World(
        users=users,
        objects={
            "association": association,
            "other_association": other_association,
            "network": network,
            "other_network": other_network,
        },
    )
