"""Validation of the French identifiers users type: RNA, SIREN, SIRET.

The Luhn checks come from python-stdnum; RNA has no checksum, only a format.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siren, siret

RNA_RE = re.compile(r"^W\d{9}$")


def _compact(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value or "").upper()


def normalise_rna(value: str) -> str:
    return _compact(value)


def validate_rna(value: str) -> None:
    if not RNA_RE.match(_compact(value)):
        raise ValidationError(
            _("An RNA number is the letter W followed by 9 digits, for example W751234567."),
            code="invalid_rna",
        )


def _validate_with(module, value, length, label):
    try:
        module.validate(value)
    except InvalidLength:
        raise ValidationError(
            _("A %(label)s has %(length)s digits.") % {"label": label, "length": length},
            code="invalid_length",
        ) from None
    except InvalidChecksum:
        raise ValidationError(
            _("This %(label)s is not valid: its check digit does not match. Check for a typo.")
            % {"label": label},
            code="invalid_checksum",
        ) from None
    except StdnumError:
        raise ValidationError(
            _("A %(label)s has only digits.") % {"label": label}, code="invalid_format"
        ) from None


def normalise_siren(value: str) -> str:
    return siren.compact(value or "")


def validate_siren(value: str) -> None:
    _validate_with(siren, value, 9, _("SIREN number"))


def normalise_siret(value: str) -> str:
    return siret.compact(value or "")


def validate_siret(value: str) -> None:
    _validate_with(siret, value, 14, _("SIRET number"))
