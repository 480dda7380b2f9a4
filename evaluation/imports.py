"""Import of measurements from a CSV or XLSX file with French headers.

A dry run first: `parse` reads every row and sorts it into what the import would do: add a
measurement, update the one recorded at that date (one value per indicator and date), leave an
identical one unchanged, or refuse the row with its line number and reason (not a date, in the
future, outside the indicator's range, twice in the file…). The view shows this preview; the
rows to add and update are saved only once the user confirms it. A refused row is never
imported: corrected in the file, the file can be imported again, its rows already saved being
then unchanged.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets import unneutralise

from .forms import parse_decimal
from .models import Indicator, Measurement, Method

HEADERS = {
    "indicator": ("indicateur", "indicator"),
    "date": ("date",),
    "value": ("valeur", "value"),
    "source": ("source",),
    "comment": ("commentaire", "comment"),
}
REQUIRED = ("indicator", "date", "value")
MAX_ROWS = 5000


ADD = "add"
UPDATE = "update"
UNCHANGED = "unchanged"


@dataclass
class Row:
    line: int
    indicator: Indicator
    date: dt.date
    value: Decimal | None
    source: str
    comment: str
    action: str = ADD
    previous: Decimal | None = None  # the value recorded at that date, for an update

    def as_session(self):
        return {
            "line": self.line,
            "indicator": self.indicator.pk,
            "date": self.date.isoformat(),
            "value": None if self.value is None else str(self.value),
            "source": self.source,
            "comment": self.comment,
        }


@dataclass
class RowError:
    line: int
    reason: str


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, headers)."""


def _norm(text) -> str:
    import unicodedata

    # A name our template wrote neutralised (« '=… », core.spreadsheets) reads as typed.
    text = unicodedata.normalize("NFKD", unneutralise(str(text or "").strip()).lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _read_csv(upload) -> list[list]:
    raw = upload.read()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise ImportFileError(_("The file is not readable text."))
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";"
    try:
        return list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as error:  # a field over 131,072 characters, a NUL character…
        raise ImportFileError(
            _("The file cannot be read as a CSV file (a field is too long or holds binary data).")
        ) from error


def _read_xlsx(upload) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a broken file
        raise ImportFileError(_("The Excel file cannot be opened.")) from error
    sheet = workbook.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _parse_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar day
        except ValueError:
            continue
    raise ValueError(text)


def _parse_value(value) -> Decimal | None:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    return parse_decimal(value)


def parse(upload, alliance, *, today=None) -> tuple[list[Row], list[RowError]]:
    today = today or timezone.localdate()
    rows = _read_xlsx(upload) if upload.name.lower().endswith(".xlsx") else _read_csv(upload)
    if not rows:
        raise ImportFileError(_("The file is empty."))
    header = [_norm(cell) for cell in rows[0]]
    columns = {}
    for key, names in HEADERS.items():
        for index, cell in enumerate(header):
            if cell in names:
                columns[key] = index
                break
    missing = [HEADERS[key][0].capitalize() for key in REQUIRED if key not in columns]
    if missing:
        raise ImportFileError(
            _("The first line must hold the columns %(columns)s; missing: %(missing)s.")
            % {
                "columns": "« Indicateur », « Date », « Valeur »",
                "missing": ", ".join(f"« {name} »" for name in missing),
            }
        )
    if len(rows) - 1 > MAX_ROWS:
        raise ImportFileError(_("At most %(max)s rows per file.") % {"max": MAX_ROWS})

    indicators = {_norm(i.name): i for i in Indicator.objects.filter(alliance=alliance)}
    good, errors = [], []
    seen = {}  # (indicator id, date) → the line that gave it

    def cell(row, key):
        index = columns.get(key)
        if index is None or index >= len(row):
            return None
        return row[index]

    for line, row in enumerate(rows[1:], start=2):
        if all(value is None or str(value).strip() == "" for value in row):
            continue
        reasons = []
        name = str(cell(row, "indicator") or "").strip()
        indicator = indicators.get(_norm(name))
        if not name:
            reasons.append(_("the indicator is missing"))
        elif indicator is None:
            reasons.append(
                _("no indicator of this alliance is named « %(name)s »") % {"name": name}
            )
        try:
            date = _parse_date(cell(row, "date"))
        except ValueError:
            date = None
            reasons.append(
                _("the date « %(value)s » is not a date (DD/MM/YYYY)")
                % {"value": cell(row, "date") or ""}
            )
        if date and date > today:
            shown = date.strftime("%d/%m/%Y")
            reasons.append(_("the date %(date)s is in the future") % {"date": shown})
        elif indicator and date and (indicator.pk, date) in seen:
            reasons.append(
                _("line %(line)s of the file already gives this indicator's value at this date")
                % {"line": seen[(indicator.pk, date)]}
            )
        raw_value = cell(row, "value")
        try:
            value = _parse_value(raw_value)
        except (ValueError, ArithmeticError):
            value = None
            reasons.append(_("the value « %(value)s » is not a number") % {"value": raw_value})
        else:
            if value is None and not (indicator and indicator.method == Method.QUALITATIVE):
                reasons.append(_("the value is missing"))
            elif value is not None and abs(value) >= Decimal(10) ** 12:
                reasons.append(_("the value is too large"))
            elif value is not None and value.as_tuple().exponent < -2:
                value = value.quantize(Decimal("0.01"))
            if value is not None and indicator is not None and not reasons:
                problem = indicator.value_problem(value)
                if problem:
                    reasons.append(_lower_first(str(problem).rstrip(".")))
        if reasons:
            errors.append(RowError(line, "\u202f; ".join(str(r) for r in reasons)))
            continue
        seen[(indicator.pk, date)] = line
        good.append(
            Row(
                line=line,
                indicator=indicator,
                date=date,
                value=value,
                source=str(cell(row, "source") or "").strip()[:200],
                comment=str(cell(row, "comment") or "").strip(),
            )
        )
    if not good and not errors:
        raise ImportFileError(_("The file holds no measurement."))
    _compare_with_the_recorded(good)
    return good, errors


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _compare_with_the_recorded(rows: list[Row]):
    """Marks each row as a measurement to add, one to update (its date has one already) or one
    unchanged, in one query."""
    if not rows:
        return
    recorded = {
        (m.indicator_id, m.date): m
        for m in Measurement.objects.filter(
            indicator__in={row.indicator for row in rows}, date__in={row.date for row in rows}
        )
    }
    for row in rows:
        existing = recorded.get((row.indicator.pk, row.date))
        if existing is None:
            row.action = ADD
            continue
        row.previous = existing.value
        same = existing.value == row.value
        same = same and (not row.source or row.source == existing.source)
        same = same and (not row.comment or row.comment == existing.comment)
        row.action = UNCHANGED if same else UPDATE


def rows_from_session(data, alliance) -> list[Row]:
    indicators = {i.pk: i for i in Indicator.objects.filter(alliance=alliance)}
    rows = []
    for item in data:
        indicator = indicators.get(item["indicator"])
        if indicator is None:  # deleted since the preview
            raise ImportFileError(_("An indicator of the file no longer exists."))
        rows.append(
            Row(
                line=item["line"],
                indicator=indicator,
                date=dt.date.fromisoformat(item["date"]),
                value=None if item["value"] is None else Decimal(item["value"]),
                source=item["source"],
                comment=item["comment"],
            )
        )
    return rows


TEMPLATE_CSV = "Indicateur;Date;Valeur;Source;Commentaire\n"
