"""The values an indicator can take: pure and query-free.

An indicator counts or adds up something (people, meetings, euros, hours, ETP): its values are
0 or more. A percentage lies between 0 and 100, a mark « /10 » or « sur 20 » between 0 and 10 or
20. Explicit bounds typed on the indicator (its lowest and highest possible values) replace
these: a growth rate in % that may fall below 0, a balance, a temperature.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)
HUNDRED = Decimal(100)

_PERCENT_RE = re.compile(r"^(%|pour ?cent|pourcentage)")
_MARK_RE = re.compile(r"^(?:/|sur)\s*(\d+(?:[.,]\d+)?)$")


@dataclass(frozen=True)
class ValueRange:
    lowest: Decimal | None  # None: no lower bound
    highest: Decimal | None  # None: no upper bound

    def contains(self, value: Decimal) -> bool:
        if self.lowest is not None and value < self.lowest:
            return False
        return self.highest is None or value <= self.highest

    def too_low(self, value: Decimal) -> bool:
        return self.lowest is not None and value < self.lowest

    def too_high(self, value: Decimal) -> bool:
        return self.highest is not None and value > self.highest


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", (text or "").strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def derived_from_unit(unit: str) -> ValueRange:
    """0 or more; 0 to 100 for a percentage; 0 to N for a mark « /N » or « sur N »."""
    folded = _fold(unit)
    if _PERCENT_RE.match(folded):
        return ValueRange(ZERO, HUNDRED)
    mark = _MARK_RE.match(folded)
    if mark:
        return ValueRange(ZERO, Decimal(mark[1].replace(",", ".")))
    return ValueRange(ZERO, None)


def value_range(
    unit: str, lowest: Decimal | None = None, highest: Decimal | None = None
) -> ValueRange:
    """The indicator's range: its explicit bounds where typed, else what its unit says.

    An explicit bound replaces the derived one on its side only; a lowest bound typed without
    a highest one lifts no upper limit the unit sets (« % » stays at 100 at most)."""
    derived = derived_from_unit(unit)
    return ValueRange(
        lowest if lowest is not None else derived.lowest,
        highest if highest is not None else derived.highest,
    )
