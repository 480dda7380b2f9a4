"""Names in French alphabetical order, as a key stored beside them.

`french_key(name)` sorts « abeille » < « École » < « épicerie » < « Zèbre »: letters first
without their accents and case (œ and æ as oe and ae), then the accents, then the case, then
the name itself, so that two names never tie. Stored hex-encoded (only 0-9 a-f): compared
character by character, it orders the same under any database collation, and an index on it
walks the names in French order (the network dashboard pages thousands of members that way).
"""

import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def _letters(text):
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def french_sort_key(name: str) -> tuple[str, str, str, str]:
    """The key in Python, for sorting names already read."""
    name = " ".join((name or "").split())
    # Lower case before upper case at the last level, as French dictionaries do.
    return (_letters(name).casefold(), name.casefold(), _letters(name).swapcase(), name)


#: Room for a name of 200 letters at the first level; a longer key is cut (two names that
#: differ only past it are ordered by their association's number).
KEY_LENGTH = 800


def french_key(name: str) -> str:
    """The same key as one string for the database (hex of each part, « 0 » between them:
    a shorter part sorts first, as in Python; no hex pair of a name starts with 0)."""
    return "0".join(part.encode().hex() for part in french_sort_key(name))[:KEY_LENGTH]
