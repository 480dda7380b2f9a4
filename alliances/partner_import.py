"""Import of the partner directory from a CSV or XLSX file: reading, column mapping, dry run.

Nothing here writes. `read_table` turns the stored file into rows of text; `guess_mapping`
proposes which column holds which field from the header's wording; `dry_run` sorts every row
into what the import would do: create a partner, merge into one of the directory (the same
SIREN, or the same name and postal code: its empty fields are filled, nothing typed is
overwritten), leave one unchanged, or refuse the row with its line and reason. The service
(alliances/services/partner_import.py) runs the same dry run again on the stored file and writes
its outcome, so what is imported is what the preview showed.

A cell that looks like a formula (« =HYPERLINK(…) ») is text: CSV cells are never evaluated,
and XLSX files are read without their formulas' cached results, a formula's own text being the
cell's value; core/spreadsheets.py neutralises such text whenever it is exported again.
"""

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.spreadsheets import unneutralise
from organisations.identifiers import RNA_RE, validate_siren, validate_siret

from .models import ActorType, Partner

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000

# The partner's fields a column can fill, in the order the mapping step shows them.
FIELDS = {
    "name": gettext_lazy("Name"),
    "actor_type": gettext_lazy("Type of actor"),
    "siren": gettext_lazy("SIREN number"),
    "siret": gettext_lazy("SIRET number"),
    "rna": gettext_lazy("RNA number"),
    "acronym": gettext_lazy("Acronym"),
    "address": gettext_lazy("Address"),
    "postal_code": gettext_lazy("Postal code"),
    "city": gettext_lazy("City"),
    "territory": gettext_lazy("Territory"),
    "website": gettext_lazy("Website"),
    "description": gettext_lazy("What it brings"),
}
REQUIRED = ("name",)
MAX_LENGTHS = {
    name: Partner._meta.get_field(name).max_length
    for name in FIELDS
    if getattr(Partner._meta.get_field(name), "max_length", None)
}

# Header wordings seen in associations' spreadsheets, normalised (lower case, no accents,
# punctuation as spaces).
HEADER_WORDS = {
    "name": (
        "nom",
        "nom du partenaire",
        "partenaire",
        "organisation",
        "organisme",
        "structure",
        "raison sociale",
        "denomination",
        "name",
    ),
    "actor_type": ("type", "type d acteur", "type de partenaire", "categorie", "actor type"),
    "siren": ("siren", "n siren", "no siren", "numero siren", "num siren"),
    "siret": ("siret", "n siret", "no siret", "numero siret", "num siret"),
    "rna": ("rna", "n rna", "numero rna", "num rna", "identifiant rna"),
    "acronym": ("sigle", "acronyme", "acronym"),
    "address": ("adresse", "adresse postale", "rue", "address"),
    "postal_code": ("code postal", "cp", "postal code", "postcode", "zip"),
    "city": ("ville", "commune", "localite", "city"),
    "territory": ("territoire", "zone", "secteur geographique", "territory"),
    "website": ("site", "site web", "site internet", "web", "url", "website"),
    "description": (
        "description",
        "ce qu il apporte",
        "apport",
        "notes",
        "remarques",
        "commentaire",
        "commentaires",
    ),
}

# What people write in a « Type » column, normalised, by actor type.
ACTOR_WORDS = {
    ActorType.ASSOCIATION: ("association", "asso", "associations"),
    ActorType.LOCAL_AUTHORITY: (
        "collectivite",
        "collectivite territoriale",
        "collectivite locale",
        "mairie",
        "commune",
        "departement",
        "region",
        "intercommunalite",
        "local authority",
    ),
    ActorType.COMPANY: ("entreprise", "societe", "company", "entreprises"),
    ActorType.FOUNDATION: ("fondation", "foundation", "fonds de dotation"),
    ActorType.NETWORK: ("reseau", "reseau associatif", "federation", "associative network"),
    ActorType.CATALYST: ("catalyseur", "catalyseur territorial", "territorial catalyst"),
    ActorType.CITIZENS: ("citoyens", "citoyen", "citizens", "habitants"),
    ActorType.ACADEMIC: (
        "academique",
        "acteur academique",
        "universite",
        "recherche",
        "ecole",
        "academic actor",
    ),
    ActorType.STATE: ("etat", "prefecture", "state", "services de l etat"),
}


def normalise(text) -> str:
    text = unicodedata.normalize("NFKD", str(text or "").strip().lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


ACTOR_OF_WORD = {}
for _actor, _words in ACTOR_WORDS.items():
    for _word in _words:
        ACTOR_OF_WORD[_word] = _actor.value
    ACTOR_OF_WORD[normalise(_actor.label)] = _actor.value
    ACTOR_OF_WORD[_actor.value.replace("_", " ")] = _actor.value


class ImportFileError(Exception):
    """The file as a whole cannot be read."""


# Reading.


def read_table(file_name: str, content: bytes) -> list[list[str]]:
    """The file's rows as lists of text, every cell stripped; blank rows kept (for line
    numbers)."""
    if file_name.lower().endswith(".xlsx"):
        rows = _read_xlsx(content)
    else:
        rows = _read_csv(content)
    if not any(any(cell for cell in row) for row in rows):
        raise ImportFileError(_("The file is empty."))
    return rows


def _read_csv(content: bytes) -> list[list[str]]:
    # UTF-8 (with or without the BOM Excel writes) first, then cp1252, the « CSV (séparateur:
    # point-virgule) » of a French Excel; latin-1 decodes any byte string (cp1252 leaves five
    # bytes undefined), so nothing ends in an error page.
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if "\x00" in text:
        raise ImportFileError(_("This file is not a CSV or Excel (.xlsx) file."))
    sample = "\n".join(line for line in text.splitlines()[:20] if line.strip())
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [[cell.strip() for cell in row] for row in reader]
    except csv.Error as error:
        raise ImportFileError(_("The CSV file cannot be read: %(error)s") % {"error": error})


def _xlsx_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        # data_only=False: a formula is read as its text, never as a value computed by
        # whichever program saved the file last.
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds on a broken file
        raise ImportFileError(_("The Excel file cannot be opened.")) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_xlsx_text(value) for value in row])
            if len(rows) > MAX_ROWS + 100:
                break
    finally:
        workbook.close()
    return rows


def header_and_rows(table: list[list[str]]) -> tuple[int, list[str], list[tuple[int, list]]]:
    """(line of the header, its cells, [(line, cells)] of the rows under it): the header is
    the first row that is not blank."""
    start = next(i for i, row in enumerate(table) if any(row))
    header = table[start]
    rows = [(line, row) for line, row in enumerate(table[start + 1 :], start=start + 2)]
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("At most %(max)s rows per file.") % {"max": f"{MAX_ROWS:,}"})
    return start + 1, header, rows


def guess_mapping(header: list[str]) -> dict[str, int]:
    """{field: index of its column} from the header's wording; each column used once."""
    mapping, used = {}, set()
    normalised = [normalise(unneutralise(cell)) for cell in header]
    for field_name, words in HEADER_WORDS.items():
        for index, cell in enumerate(normalised):
            if index not in used and cell in words:
                mapping[field_name] = index
                used.add(index)
                break
    return mapping


# The dry run.

CREATE, MERGE, UNCHANGED = "create", "merge", "unchanged"


@dataclass
class Row:
    line: int
    values: dict  # field → cleaned text, blanks left out
    action: str = CREATE
    partner_id: int | None = None  # the partner of the directory it merges into
    partner_name: str = ""
    fills: list = field(default_factory=list)  # the fields a merge fills

    @property
    def name(self):
        return self.values.get("name", "")

    @property
    def actor_label(self):
        return ActorType(self.values["actor_type"]).label


@dataclass
class Refused:
    line: int
    name: str
    reason: str


@dataclass
class DryRun:
    create: list
    merge: list
    unchanged: list
    refused: list
    blank: int


_url = URLValidator(schemes=["http", "https"])


def _clean_row(raw: dict, default_actor_type: str) -> tuple[dict, list[str]]:
    """The row's values cleaned, and the reasons to refuse it."""
    values, reasons = {}, []
    for name, text in raw.items():
        text = " ".join(unneutralise(text).split()) if name != "description" else text.strip()
        if text:
            values[name] = text
    if not values.get("name"):
        reasons.append(_("the name is missing"))
    for name, limit in MAX_LENGTHS.items():
        if name in ("actor_type", "siren", "siret", "rna", "postal_code"):
            continue  # their own checks say more
        if len(values.get(name, "")) > limit:
            reasons.append(
                _("« %(field)s » is longer than %(max)s characters")
                % {"field": FIELDS[name], "max": limit}
            )
    kind = values.get("actor_type")
    if kind:
        actor = ACTOR_OF_WORD.get(normalise(kind))
        if actor is None:
            reasons.append(_("the type of actor « %(value)s » is unknown") % {"value": kind})
        values["actor_type"] = actor
    else:
        values["actor_type"] = default_actor_type
        if not default_actor_type:
            reasons.append(_("the type of actor is missing"))
    for name, validate in (("siren", validate_siren), ("siret", validate_siret)):
        number = re.sub(r"[\s.\-]", "", values.get(name, ""))
        if not number:
            values.pop(name, None)
            continue
        try:
            validate(number)
        except ValidationError as error:
            reasons.append(_lower_first(str(error.messages[0]).rstrip(".")))
        values[name] = number
    siren, siret = values.get("siren", ""), values.get("siret", "")
    if siret and not siren and not reasons:
        values["siren"] = siret[:9]
    elif siret and siren and not siret.startswith(siren):
        reasons.append(_("the SIRET number does not start with the SIREN number"))
    if values.get("rna"):
        values["rna"] = re.sub(r"[\s.\-]", "", values["rna"]).upper()
        if not RNA_RE.match(values["rna"]):
            reasons.append(
                _("the RNA number « %(value)s » is not W and 9 digits") % {"value": raw["rna"]}
            )
    code = values.get("postal_code", "").replace(" ", "")
    if code:
        if code.isdigit() and len(code) == 4:  # 01000 saved as a number by a spreadsheet
            code = "0" + code
        if not (code.isdigit() and len(code) == 5):
            reasons.append(
                _("the postal code « %(value)s » is not 5 digits") % {"value": raw["postal_code"]}
            )
        values["postal_code"] = code
    if values.get("website"):
        site = values["website"]
        if "://" not in site:
            site = "https://" + site
        try:
            _url(site)
        except ValidationError:
            reasons.append(
                _("the website « %(value)s » is not an address") % {"value": raw["website"]}
            )
        values["website"] = site
    return values, reasons


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _name_key(name: str, postal_code: str) -> tuple | None:
    return (normalise(name), postal_code) if name and postal_code else None


def dry_run(
    table: list[list[str]], mapping: dict, *, association, default_actor_type: str
) -> DryRun:
    """What importing `table` with `mapping` ({field: column index}) would do; one query."""
    _start, _header, rows = header_and_rows(table)
    existing = Partner.objects.filter(association=association).values_list("pk", *FIELDS)
    by_siren, by_name = {}, {}
    current = {}
    for pk, *values in existing:
        partner = current[pk] = dict(zip(FIELDS, values, strict=True))
        if partner["siren"]:
            by_siren.setdefault(partner["siren"], pk)
        key = _name_key(partner["name"], partner["postal_code"])
        if key:
            by_name.setdefault(key, pk)

    result = DryRun(create=[], merge=[], unchanged=[], refused=[], blank=0)
    seen_siren, seen_name = {}, {}  # key → the line of the file that gave it first
    for line, cells in rows:
        if not any(cells):
            result.blank += 1
            continue
        raw = {
            name: (cells[index] if index < len(cells) else "")
            for name, index in mapping.items()
            if index is not None
        }
        values, reasons = _clean_row(raw, default_actor_type)
        if reasons:
            result.refused.append(Refused(line, raw.get("name", ""), "\u202f; ".join(reasons)))
            continue
        siren = values.get("siren", "")
        name_key = _name_key(values["name"], values.get("postal_code", ""))
        earlier = (siren and seen_siren.get(siren)) or (name_key and seen_name.get(name_key))
        if earlier:
            result.refused.append(
                Refused(
                    line,
                    values["name"],
                    _("line %(line)s of the file already gives this partner") % {"line": earlier},
                )
            )
            continue
        if siren:
            seen_siren[siren] = line
        if name_key:
            seen_name[name_key] = line
        row = Row(line=line, values=values)
        pk = (siren and by_siren.get(siren)) or (name_key and by_name.get(name_key))
        if not pk:
            result.create.append(row)
            continue
        row.partner_id = pk
        row.partner_name = current[pk]["name"]
        row.fills = [
            name
            for name, value in values.items()
            if name not in ("name", "actor_type") and value and not current[pk].get(name)
        ]
        row.action = MERGE if row.fills else UNCHANGED
        (result.merge if row.fills else result.unchanged).append(row)
    return result
