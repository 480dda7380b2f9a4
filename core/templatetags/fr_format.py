"""Display of numbers and long dates in the active language: `1 250,00 €`, `3,4`, `15 %`,
« 1er décembre 2026 » (`1,250.00 €`, `1 December 2026` in English). Values stay Decimal until here.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django import template
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space, before « % » and « € » in French typography


def _decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def euros(value, places=2):
    """1250 → « 1 250,00 € » (grouped, French separators). None → « — »."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    return f"{floatformat(amount, f'{int(places)}g')}{NBSP}€"


@register.filter
def number(value, places=0):
    """French grouping and decimal comma: 12500.5 → « 12 500,5 » with places=1."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    return floatformat(amount, f"{int(places)}g")


@register.filter
def score(value):
    """A 1–5 score to one decimal: 3.45 → « 3,5 » (half up, as the scoring module rounds)."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    from decimal import ROUND_HALF_UP

    return floatformat(amount.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), 1)


@register.filter
def signed_score(value):
    """A change of score: « +0,3 », « −0,2 » (true minus sign), « = » when unchanged."""
    if value is None:
        return "—"
    value = Decimal(value)
    if value == 0:
        return "="
    text = score(abs(value))
    return f"+{text}" if value > 0 else f"\u2212{text}"


@register.filter
def percent(value, places=0):
    amount = _decimal(value)
    if amount is None:
        return "—"
    return f"{floatformat(amount, f'{int(places)}g')}{NNBSP}%"


@register.filter
def with_unit(value, unit):
    """A measured value with its unit: « 340 000 € », « 12 bénévoles », « 15 % »."""
    amount = _decimal(value)
    if amount is None:
        return "—"
    places = 0 if amount == amount.to_integral_value() else 2
    text = floatformat(amount, f"{places}g")
    if not unit:
        return text
    separator = NNBSP if unit in ("%", "€") else NBSP
    return f"{text}{separator}{agreed_unit(amount, unit)}"


# A French noun stays singular below 2: « 0 personne », « 1 réunion », « 1,5 heure ». Units are
# typed by people, in the plural (« personnes », « familles accompagnées »). Words whose
# singular also ends in s keep it: these endings (« mois », « repas », « pays », « accès »…)
# and these words.
_INVARIABLE_ENDINGS = ("ss", "us", "is", "os", "as", "ys", "ès")
_INVARIABLE_WORDS = {"cours", "concours", "parcours", "recours", "secours", "discours", "temps"}
_INVARIABLE_WORDS |= {"corps", "poids", "remords"}
_PREPOSITIONS = {"de", "du", "des", "à", "au", "aux", "pour", "par", "en", "sur", "dans", "avec"}


def agreed_unit(amount, unit: str) -> str:
    """The unit as typed, made singular in French below 2 when it is plain words in the plural:
    « 0 personnes » → « 0 personne », « 1 famille accompagnée », « 1 heure de cours ».

    Only the words before a preposition agree (« heure de cours »), and only when each is a
    lower-case word of four letters or more whose singular drops its final s: symbols (€, %,
    /10), acronyms (ETP) and anything else stay as typed. English units are left alone.
    """
    if abs(amount) >= 2 or not (get_language() or "").startswith("fr"):
        return unit
    words = unit.split(" ")
    for index, word in enumerate(words):
        if word in _PREPOSITIONS or word.startswith(("d'", "d’")):
            break
        if not _drops_its_s(word):
            return unit
        words[index] = word[:-1]
    return " ".join(words)


def _drops_its_s(word: str) -> bool:
    return (
        len(word) >= 4
        and word.isalpha()
        and word.islower()
        and word.endswith("s")
        and not word.endswith(_INVARIABLE_ENDINGS)
        and word not in _INVARIABLE_WORDS
    )


@register.filter(expects_localtime=True)
def long_date(value):
    """A date in words: « 1er décembre 2026 », « 15 août 2026 »; « 1 December 2026 » in English.

    Django's French format writes « 1 décembre »: French writes the first day of a month as an
    ordinal, « 1er », and every other day as a cardinal.
    """
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if value.day == 1 and (get_language() or "").startswith("fr"):
        return f"1er {date_format(value, 'F Y')}"
    return date_format(value, "j F Y")


@register.filter(expects_localtime=True)
def long_datetime(value):
    """« 1er décembre 2026 à 14:05 »; « 1 December 2026 at 14:05 » in English."""
    if not isinstance(value, datetime.datetime):
        return long_date(value)
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return _("%(date)s at %(time)s") % {"date": long_date(value), "time": time_format(value, "H:i")}
