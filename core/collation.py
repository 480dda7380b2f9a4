"""Names in French order, the same in the database and in Python.

« Épicerie Solidaire » sorts with the E, « école » before « Zèbre », and « abeille » before
« Bâtiment »: case and accents only break ties (lower case first, unaccented first), as in a
French dictionary. The database does it with ICU's French collation (`fr-x-icu`, PostgreSQL);
Python with `name_sort_key`, which gives the same order for names made of letters and spaces
(punctuation, « é » against « è » and « ß » may come in another order: a page that sorts some
names in Python and others in the database would disagree; the network dashboard and its
exports sort members by this key stored in the database, `organisations/ordering.py`).
SQLite (the demo, the smoke test) has no ICU: there the database sorts names case
insensitively only (accented first letters come after z), and nothing fails.
"""

import unicodedata

from django.db.models import F, Func
from django.db.models.functions import Collate
from django.utils.deconstruct import deconstructible

COLLATION = "fr-x-icu"
# Letters ICU expands for the first comparison (« Œuvre » sorts as « Oeuvre »).
_EXPANSIONS = str.maketrans({"œ": "oe", "æ": "ae"})


def name_sort_key(name: str) -> tuple[str, str, str]:
    """The key that sorts names as the database's French collation does: letters first
    (case and accents ignored), then accents (« ecole » < « école »), then case (« ecole »
    < « Ecole »)."""
    folded = unicodedata.normalize("NFC", (name or "").casefold().translate(_EXPANSIONS))
    letters = "".join(
        char for char in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(char)
    )
    return letters, folded, (name or "").swapcase()


@deconstructible(path="core.collation.FrenchOrder")
class FrenchOrder(Func):
    """`FrenchOrder("name")` in an `order_by` or a model's `ordering`: the French collation on
    PostgreSQL, LOWER() elsewhere. One expression for every database, so migrations and
    querysets do not depend on which one runs."""

    function = "LOWER"
    arity = 1

    def __init__(self, expression, **extra):
        if isinstance(expression, str):
            expression = F(expression)
        super().__init__(expression, **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        return compiler.compile(Collate(self.get_source_expressions()[0], COLLATION))
