"""Names in French order as a key stored beside them (core.collation gives the order).

`french_key(name)` is `core.collation.name_sort_key(name)` as one string, hex-encoded (only
0-9 a-f): compared character by character it orders names as that key does, under any
database collation, and an index on it walks names in French order (the network dashboard
pages thousands of members that way without sorting them at each visit).
"""

from core.collation import name_sort_key

#: Room for a name of 200 letters at the first level; a longer key is cut (two names that
#: differ only past it are ordered by their association's number).
KEY_LENGTH = 800


def french_key(name: str) -> str:
    """Each part of the key in hex, « 0 » between them: a shorter part sorts first, as in
    Python (no hex pair of a name's UTF-8 starts with 0)."""
    return "0".join(part.encode().hex() for part in name_sort_key(name))[:KEY_LENGTH]
