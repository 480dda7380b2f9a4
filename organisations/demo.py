"""Demo organisations and the four demo accounts. Idempotent: found by natural keys."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import (
    Association,
    AssociationMembership,
    Network,
    NetworkHead,
    NetworkMembership,
    Role,
)


@dataclass
class Demo:
    """What later seeders build on."""

    network: Network
    association: Association
    members: list[Association]
    accounts: dict = field(default_factory=dict)  # label -> user


ASSOCIATIONS = [
    # name, rna, siren, department, city, postal code, sector, employees, volunteers, budget
    (
        "Solidarités Lyon Nord",
        "W691234567",
        "732829320",
        "69",
        "Lyon",
        "69004",
        "social",
        12,
        85,
        "200k-1m",
    ),
    (
        "Les Jardins de Villeurbanne",
        "W691000123",
        "",
        "69",
        "Villeurbanne",
        "69100",
        "environment",
        3,
        40,
        "50k-200k",
    ),
    (
        "Culture en Partage Grenoble",
        "W381000456",
        "",
        "38",
        "Grenoble",
        "38000",
        "culture",
        5,
        30,
        "50k-200k",
    ),
    (
        "Sport pour Tous Saint-Étienne",
        "W421000789",
        "",
        "42",
        "Saint-Étienne",
        "42000",
        "sport",
        2,
        60,
        "10k-50k",
    ),
]


def _user(email, first, last, password, **extra):
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last, **extra}
    )
    if created or not user.has_usable_password():
        user.set_password(password)
        user.save()
    return user


def seed_organisations(password) -> Demo:
    network, _ = Network.objects.get_or_create(
        name="Union régionale des associations solidaires",
        defaults={"scope": Network.Scope.REGIONAL, "region": "ARA"},
    )
    associations = []
    for name, rna, siren, dept, city, cp, sector, employees, volunteers, budget in ASSOCIATIONS:
        association, _ = Association.objects.get_or_create(
            rna=rna,
            defaults={
                "name": name,
                "siren": siren,
                "department": dept,
                "city": city,
                "postal_code": cp,
                "address": "12 rue de la République",
                "sector": sector,
                "employees": employees,
                "volunteers": volunteers,
                "budget_band": budget,
            },
        )
        associations.append(association)
    main, *others = associations
    now = timezone.now()
    # The main demo association and two others are members; the fourth is only invited,
    # so the invitation journey has something to show.
    # Members for a while; the last one joined lately (the network's news show it).
    for association, days in zip([main, *others[:2]], (420, 380, 9), strict=True):
        NetworkMembership.objects.get_or_create(
            network=network,
            association=association,
            defaults={
                "state": NetworkMembership.State.ACTIVE,
                "responded_at": now - timedelta(days=days),
            },
        )
    NetworkMembership.objects.get_or_create(
        network=network, association=others[2], defaults={"state": NetworkMembership.State.INVITED}
    )

    admin = _user("admin@demo.faire-alliance.fr", "Claire", "Martin", password)
    staff = _user("salarie@demo.faire-alliance.fr", "Karim", "Benali", password)
    head = _user("reseau@demo.faire-alliance.fr", "Sophie", "Durand", password)
    platform = _user(
        "plateforme@demo.faire-alliance.fr",
        "Paul",
        "Lefèvre",
        password,
        is_staff=True,
        is_superuser=True,
    )
    AssociationMembership.objects.get_or_create(
        user=admin, association=main, defaults={"role": Role.ADMIN}
    )
    AssociationMembership.objects.get_or_create(
        user=staff, association=main, defaults={"role": Role.EDITOR}
    )
    NetworkHead.objects.get_or_create(user=head, network=network)
    # The other members need an administrator so invitations can be answered.
    for i, association in enumerate(others, start=1):
        colleague = _user(f"admin{i}@demo.faire-alliance.fr", "Admin", association.city, password)
        AssociationMembership.objects.get_or_create(
            user=colleague, association=association, defaults={"role": Role.ADMIN}
        )
    return Demo(
        network=network,
        association=main,
        members=[main, *others[:2]],
        accounts={
            "Association admin": admin,
            "Association staff (editor)": staff,
            "Network head": head,
            "Platform admin": platform,
        },
    )
