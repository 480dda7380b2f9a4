"""« Dites-le-nous une fois »: an organisation's identity from its SIREN, SIRET or RNA number.

Asks the public API Recherche d'entreprises (https://recherche-entreprises.api.gouv.fr,
`/search?q=…`, no key) and keeps, of its answer, only what describes the organisation: name,
acronym, address, legal form, main activity, creation date, RNA number, whether it is closed.
Its leaders (`dirigeants`) are people: they are never read out of the answer, so never stored.

The lookup is a convenience: off when `IDENTITY_LOOKUP_URL` is empty (the tests), and any
failure (timeout, network, an answer we cannot read) is `LookupUnavailable`, after which the
user types the fields as before. The standard library's urllib does the request: a single GET
does not justify a new dependency.
"""

import datetime as dt
import json
import logging
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .identifiers import RNA_RE, validate_siren, validate_siret

logger = logging.getLogger(__name__)

SOURCE_NAME = "API Recherche d'entreprises"
USER_AGENT = (
    "FaireAlliance/1.0 (identity of an association or a partner typed by its staff; "
    "+https://faire-alliance.fr)"
)

SIREN, SIRET, RNA = "siren", "siret", "rna"

# The actor types of alliances.models.ActorType, by INSEE's « catégorie juridique » (the
# `nature_juridique` of the API, 4 digits). The `complements` flags win over it.
STATE_CODES = {"7382", "7385", "7389"}
ACADEMIC_CODES = {"7383", "7384"}

# The legal forms partners and associations most often have; others are shown by their code.
LEGAL_FORMS = {
    "1000": "Entrepreneur individuel",
    "5499": "Société à responsabilité limitée (SARL)",
    "5710": "Société par actions simplifiée (SAS)",
    "5599": "Société anonyme (SA)",
    "5720": "Société par actions simplifiée à associé unique (SASU)",
    "5498": "EURL",
    "5560": "Société anonyme coopérative (SCIC, SCOP…)",
    "6220": "Groupement d'intérêt économique (GIE)",
    "6540": "Société civile immobilière",
    "7210": "Commune et commune nouvelle",
    "7220": "Département",
    "7230": "Région",
    "7344": "Métropole",
    "7346": "Communauté de communes",
    "7348": "Communauté d'agglomération",
    "7361": "Centre communal d'action sociale",
    "7383": "Établissement public national à caractère scientifique, culturel et professionnel",
    "7389": "Établissement public national à caractère administratif",
    "7410": "Groupement d'intérêt public (GIP)",
    "9210": "Association non déclarée",
    "9220": "Association déclarée",
    "9221": "Association déclarée d'insertion par l'économique",
    "9222": "Association intermédiaire",
    "9230": "Association déclarée, reconnue d'utilité publique",
    "9260": "Association de droit local (Bas-Rhin, Haut-Rhin et Moselle)",
    "9300": "Fondation",
}


class LookupUnavailable(Exception):
    """The lookup is off, timed out, or its answer could not be read."""


@dataclass
class Identity:
    siren: str
    siret: str
    name: str
    acronym: str
    address: str
    postal_code: str
    city: str
    legal_form_code: str
    legal_form: str
    main_activity: str
    creation_date: dt.date | None
    rna: str
    is_closed: bool
    actor_type: str  # a value of alliances' ActorType, or "" when nothing fits
    checked_on: dt.date

    def as_dict(self):
        data = asdict(self)
        data["creation_date"] = self.creation_date.isoformat() if self.creation_date else ""
        data["checked_on"] = self.checked_on.isoformat()
        return data


def classify(number: str) -> tuple[str, str]:
    """(kind, compact number) of what the user typed, spaces and dots allowed; a
    ValidationError with the identifiers' own message when it cannot be one."""
    compact = re.sub(r"[\s.\-]", "", number or "").upper()
    if RNA_RE.match(compact):
        return RNA, compact
    if len(compact) == 14:
        validate_siret(compact)
        return SIRET, compact
    if len(compact) == 9:
        validate_siren(compact)
        return SIREN, compact
    raise ValidationError(
        _("Type a SIREN (9 digits), a SIRET (14 digits) or an RNA number (W and 9 digits)."),
        code="not_an_identifier",
    )


def is_enabled() -> bool:
    return bool(settings.IDENTITY_LOOKUP_URL)


def lookup(number: str) -> Identity | None:
    """The identity of the organisation with this number, None when the API knows none.

    Raises ValidationError for a number that cannot be one (nothing is asked then), and
    LookupUnavailable when the API cannot answer."""
    kind, compact = classify(number)
    if not is_enabled():
        raise LookupUnavailable("IDENTITY_LOOKUP_URL is empty")
    answer = _get(compact)
    for result in answer.get("results") or []:
        identity = _identity(result, kind, compact)
        if identity is not None:
            return identity
    return None


def _get(query: str) -> dict:
    url = (
        settings.IDENTITY_LOOKUP_URL.rstrip("/")
        + "/search?"
        + urllib.parse.urlencode({"q": query, "page": 1, "per_page": 5})
    )
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.IDENTITY_LOOKUP_TIMEOUT) as response:
            return json.loads(response.read(2_000_000).decode("utf-8"))
    except (OSError, ValueError) as error:  # URLError, timeouts, HTTP errors, bad JSON
        logger.info("identity lookup of %s failed: %r", query, error)
        raise LookupUnavailable(str(error)) from error


def _text(value) -> str:
    return str(value).strip() if value not in (None, "") else ""


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(_text(value)) if value else None
    except ValueError:
        return None


def _identity(result: dict, kind: str, number: str) -> Identity | None:
    if not isinstance(result, dict):
        return None
    complements = result.get("complements") or {}
    siren = _text(result.get("siren"))
    rna = _text(complements.get("identifiant_association")).upper()
    siege = result.get("siege") or {}
    establishment = siege
    if kind == SIREN and siren != number:
        return None
    if kind == RNA and rna != number:
        return None
    if kind == SIRET:
        if siren != number[:9]:
            return None
        candidates = [siege] + list(result.get("matching_etablissements") or [])
        establishment = next(
            (e for e in candidates if isinstance(e, dict) and e.get("siret") == number), None
        )
        if establishment is None:
            return None
    postal_code = _text(establishment.get("code_postal"))[:5]
    city = _text(establishment.get("libelle_commune"))
    closed = result.get("etat_administratif") == "C" or establishment.get("etat_administratif") in (
        "F",
        "C",
    )
    code = _text(result.get("nature_juridique"))
    return Identity(
        siren=siren,
        siret=_text(establishment.get("siret")),
        name=_text(result.get("nom_complet") or result.get("nom_raison_sociale"))[:200],
        acronym=_text(result.get("sigle"))[:50],
        address=_street(_text(establishment.get("adresse")), postal_code, city)[:255],
        postal_code=postal_code,
        city=city[:120],
        legal_form_code=code,
        legal_form=LEGAL_FORMS.get(code, code)[:120],
        main_activity=_text(result.get("activite_principale"))[:10],
        creation_date=_date(result.get("date_creation")),
        rna=rna if RNA_RE.match(rna) else "",
        is_closed=bool(closed),
        actor_type=suggest_actor_type(code, complements),
        checked_on=timezone.localdate(),
    )


def _street(address: str, postal_code: str, city: str) -> str:
    """The API's address ends with the postal code and the city, which have their own fields."""
    tail = f" {postal_code} {city}".upper()
    if postal_code and address.upper().endswith(tail):
        return address[: -len(tail)].strip()
    return address


def suggest_actor_type(code: str, complements: dict) -> str:
    """The actor type an organisation most likely is, from its legal form and the API's flags;
    "" when nothing says (a union, a social security body…): the user chooses."""
    if complements.get("est_association") or code.startswith("92"):
        return "association"
    if complements.get("collectivite_territoriale"):
        return "local_authority"
    if code == "9300" or code == "9970":
        return "foundation"
    if code.startswith("71") or code in STATE_CODES:
        return "state"
    if code in ACADEMIC_CODES:
        return "academic"
    if code.startswith("72") or code[:3] in {"731", "732", "733", "734", "735", "736", "737"}:
        return "local_authority"
    if code[:1] in {"1", "2", "5", "6"}:
        return "company"
    return ""
