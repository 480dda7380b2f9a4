"""Names in French order: accents and case do not push a name to the end."""

from organisations.ordering import KEY_LENGTH, french_key, french_sort_key

NAMES = ["Zèbre", "épicerie", "École", "abeille", "Abeille", "Œuvres", "oeuf", "Le Chat"]
FRENCH = ["abeille", "Abeille", "École", "épicerie", "Le Chat", "oeuf", "Œuvres", "Zèbre"]


def test_names_sort_in_french_order_in_python():
    assert sorted(NAMES, key=french_sort_key) == FRENCH


def test_the_stored_key_sorts_as_python_does_character_by_character():
    assert sorted(NAMES, key=french_key) == FRENCH
    assert set("".join(french_key(name) for name in NAMES)) <= set("0123456789abcdef")


def test_a_prefix_sorts_before_the_longer_name_and_the_key_has_a_bound():
    assert french_key("Ecole") < french_key("Ecoles")
    assert len(french_key("é" * 200)) == KEY_LENGTH
