"""The htmx endpoint behind « Remplir depuis le SIREN, SIRET ou RNA » (sign-up, partner form).

It answers a fragment: a short message, and the values to put in the form's fields as JSON
(static/js/app.js fills them). Open to anonymous visitors, as the sign-up is; it only ever
asks the public API about a number that passed its checksum, and returns public data.
"""

import json

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import identity_lookup
from .identity_lookup import SOURCE_NAME, Identity, LookupUnavailable
from .territory import DEPARTMENT_NAMES

# The form fields each target fills, by the Identity attribute they come from.
TARGETS = {
    "partner": {
        "prefix": "",
        "fields": {
            "name": "name",
            "acronym": "acronym",
            "siren": "siren",
            "siret": "siret",
            "rna": "rna",
            "address": "address",
            "postal_code": "postal_code",
            "city": "city",
            "legal_form": "legal_form",
            "main_activity": "main_activity",
            "creation_date": "creation_date",
            "is_closed": "is_closed",
            "actor_type": "actor_type",
            "identity_checked_on": "checked_on",
        },
    },
    "association": {
        "prefix": "association-",
        "fields": {
            "name": "name",
            "rna": "rna",
            "siren": "siren",
            "address": "address",
            "postal_code": "postal_code",
            "city": "city",
            "department": "department",
        },
    },
}


def department_of(postal_code: str) -> str:
    """The department of a French postal code (Corsica's 20… split at 20200)."""
    if len(postal_code) != 5 or not postal_code.isdigit():
        return ""
    if postal_code.startswith("97"):
        code = postal_code[:3]
    elif postal_code.startswith("20"):
        code = "2A" if postal_code < "20200" else "2B"
    else:
        code = postal_code[:2]
    return code if code in DEPARTMENT_NAMES else ""


def fill_values(identity: Identity, target: str) -> dict:
    """{HTML id of the field: value} for the form of `target`; empty values are left out so
    that what the user typed stays."""
    spec = TARGETS[target]
    data = identity.as_dict()
    data["department"] = department_of(identity.postal_code)
    values = {}
    for field, attribute in spec["fields"].items():
        value = data[attribute]
        if value in ("", None) and not isinstance(value, bool):
            continue
        values[f"id_{spec['prefix']}{field}"] = value
    return values


@never_cache
@require_GET
def identity_lookup_view(request):
    target = request.GET.get("pour", "partner")
    if target not in TARGETS:
        target = "partner"
    number = request.GET.get("identity_number", "")
    compact = "".join(number.split()).replace(".", "")
    context = {"identity": None, "message": "", "fill": None}
    if len(compact) < 9 and not compact.upper().startswith("W"):
        # Still typing: nothing to say yet.
        return render(request, "organisations/_identity_lookup_result.html", context)
    try:
        identity = identity_lookup.lookup(number)
    except ValidationError as error:
        context["message"] = " ".join(str(m) for m in error.messages)
        context["invalid"] = True
    except LookupUnavailable:
        context["message"] = _(
            "The public directory of companies does not answer right now: type the fields."
        )
    else:
        if identity is None:
            context["message"] = _(
                "No organisation with this number in the public directory: type the fields."
            )
        else:
            checked_on = date_format(identity.checked_on, "SHORT_DATE_FORMAT")
            fill = {
                "fields": fill_values(identity, target),
                "note": _("Filled from the %(source)s on %(date)s")
                % {"source": SOURCE_NAME, "date": checked_on},
            }
            # In an attribute (escaped by the template), not a <script> block: htmx drops
            # those it swaps in that are not JavaScript.
            context.update(
                identity=identity,
                source=SOURCE_NAME,
                checked_on=checked_on,
                fill_json=json.dumps(fill, ensure_ascii=False),
            )
    return render(request, "organisations/_identity_lookup_result.html", context)
