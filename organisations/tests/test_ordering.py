"""The stored key orders names as the French order of core.collation does."""

from core.collation import name_sort_key
from organisations.ordering import KEY_LENGTH, french_key

NAMES = ["Zèbre", "épicerie", "École", "abeille", "Abeille", "Œuvres", "oeuf", "Le Chat"]


def test_the_stored_key_sorts_as_the_french_order_character_by_character():
    assert sorted(NAMES, key=french_key) == sorted(NAMES, key=name_sort_key)
    assert sorted(NAMES, key=french_key)[:4] == ["abeille", "Abeille", "École", "épicerie"]
    assert set("".join(french_key(name) for name in NAMES)) <= set("0123456789abcdef")


def test_a_prefix_sorts_before_the_longer_name_and_the_key_has_a_bound():
    assert french_key("Ecole") < french_key("Ecoles")
    assert len(french_key("é" * 200)) == KEY_LENGTH
