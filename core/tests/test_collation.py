"""French order of names: the database (ICU's `fr-x-icu` on PostgreSQL) and Python agree."""

import csv
import io

import pytest
from django.urls import reverse

from core.collation import FrenchOrder, name_sort_key
from core.tests.fixtures import postgresql_only
from organisations.models import Association
from organisations.tests.factories import (
    AssociationFactory,
    NetworkFactory,
    NetworkHeadFactory,
    NetworkMembershipFactory,
)

NAMES = ["Zèbre", "école", "abeille", "Épicerie", "Ecole", "Éole", "Bâtiment", "ça"]
FRENCH_ORDER = ["abeille", "Bâtiment", "ça", "Ecole", "école", "Éole", "Épicerie", "Zèbre"]


def test_the_python_key_sorts_names_as_a_french_dictionary():
    assert sorted(NAMES, key=name_sort_key) == FRENCH_ORDER
    # Case and accents only break ties: unaccented first, then lower case first.
    assert sorted(["École", "Ecole", "école", "ecole"], key=name_sort_key) == [
        "ecole",
        "Ecole",
        "école",
        "École",
    ]
    assert sorted(["Œuvre", "Oeuvre", "Odile"], key=name_sort_key) == ["Odile", "Oeuvre", "Œuvre"]


@postgresql_only
@pytest.mark.django_db
def test_the_database_sorts_names_as_the_python_key_does():
    for name in NAMES:
        AssociationFactory(name=name)
    # The model's default order, and any order_by written with FrenchOrder.
    assert list(Association.objects.values_list("name", flat=True)) == FRENCH_ORDER
    more = ["l'Arbre", "La Ruche", "Le Chêne", "Lechat", "Œuvre", "Oeuvre", "Cab", "zz"]
    for name in more:
        AssociationFactory(name=name)
    in_database = list(Association.objects.order_by(FrenchOrder("name")).values_list("name"))
    assert [name for (name,) in in_database] == sorted(NAMES + more, key=name_sort_key)


@pytest.mark.django_db
def test_the_order_works_without_icu_too():
    """SQLite (the demo, the smoke test) has no ICU: names still sort, case-insensitively."""
    for name in ["beta", "Alpha", "gamma"]:
        AssociationFactory(name=name)
    names = list(Association.objects.values_list("name", flat=True))
    assert names == ["Alpha", "beta", "gamma"]


@postgresql_only
@pytest.mark.django_db
def test_the_network_dashboard_and_its_export_list_members_in_the_same_french_order(client):
    network = NetworkFactory()
    head = NetworkHeadFactory(network=network)
    for name in NAMES:
        NetworkMembershipFactory(network=network, association=AssociationFactory(name=name))
    client.force_login(head.user)

    page = client.get(reverse("networks:network_detail", args=[network.pk])).content.decode()
    positions = [page.index(f">{name}<") for name in FRENCH_ORDER]
    assert positions == sorted(positions)
    reversed_page = client.get(
        reverse("networks:network_detail", args=[network.pk]) + "?tri=-name"
    ).content.decode()
    positions = [reversed_page.index(f">{name}<") for name in reversed(FRENCH_ORDER)]
    assert positions == sorted(positions)

    export = client.get(reverse("networks:network_export", args=[network.pk, "scores", "csv"]))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in rows[1:]] == FRENCH_ORDER
