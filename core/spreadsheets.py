"""Every CSV and XLSX export of the product, written one way.

An export is a list of `Column`s (header, kind, width) and rows of Python values. The kind says
how a column is written, and a column holds one kind only: a number never shares a column with
a word (a spreadsheet then sorts and sums it). French conventions: `;` between CSV fields, a BOM
so that Excel reads UTF-8, `23/11/2026` dates and `1 250,5` numbers in the CSV; in the XLSX real
dates and numbers shown in the French way, a bold frozen header row with an auto-filter, and
column widths that fit their content.

User-written text is never a formula: a cell starting with = + - @ or a tab or carriage return
is neutralised (OWASP, « CSV injection »): prefixed with an apostrophe in the CSV, and written as
a text cell with Excel's quote prefix in the XLSX (shown as typed, never evaluated).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone

TEXT, INTEGER, DECIMAL, AMOUNT, DATE = "text", "integer", "decimal", "amount", "date"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel's number formats (the decimal and thousands separators follow the reader's locale).
XLSX_FORMATS = {
    INTEGER: "0",
    DECIMAL: "0.0",
    AMOUNT: '#,##0.00 "€"',
    DATE: "DD/MM/YYYY",
}
MIN_WIDTH, MAX_WIDTH = 8, 60
NUMBERS = (int, float, Decimal)


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT
    #: In characters; by default, that of the longest value (within MIN_WIDTH..MAX_WIDTH).
    width: int | None = None
    #: Decimal places of a DECIMAL column.
    places: int = 1


class MixedColumnError(TypeError):
    """A value does not fit its column's kind (a word in a column of numbers…)."""


def neutralise(text: str) -> str:
    """The text as a spreadsheet shows it and never runs it as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def unneutralise(text: str) -> str:
    """Back from `neutralise`: for a file exported here that comes back as an import."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def _checked(column: Column, value):
    """The value, checked against its column's kind (None: an empty cell)."""
    if value is None or value == "":
        return None
    kind = column.kind
    if kind == TEXT:
        if isinstance(value, (int, float, Decimal, dt.date)) and not isinstance(value, bool):
            raise MixedColumnError(f"« {column.header} » is a text column: {value!r}")
        return str(value)
    if kind == DATE:
        if isinstance(value, dt.datetime):
            return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
        if isinstance(value, dt.date):
            return value
    elif not isinstance(value, bool) and isinstance(value, int if kind == INTEGER else NUMBERS):
        return value
    raise MixedColumnError(f"« {column.header} » is a {kind} column: {value!r}")


def _csv_cell(column: Column, value) -> str:
    value = _checked(column, value)
    if value is None:
        return ""
    if column.kind == TEXT:
        return neutralise(value)
    if column.kind == DATE:
        return value.strftime("%d/%m/%Y")
    if column.kind == INTEGER:
        return str(value)
    places = 2 if column.kind == AMOUNT else column.places
    return f"{Decimal(str(value)):.{places}f}".replace(".", ",")


def to_csv(columns: Sequence[Column], rows: Iterable[Sequence]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(str(column.header)) for column in columns])
    for row in rows:
        writer.writerow(
            [_csv_cell(column, value) for column, value in zip(columns, row, strict=True)]
        )
    # BOM so that Excel opens the French accents correctly.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(columns: Sequence[Column], rows: Iterable[Sequence], *, title: str) -> bytes:
    # Imported here: openpyxl (≈ 7 MB, 175 modules) is only needed for an XLSX export, not
    # in every web and Celery process.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    # A sheet's title may not hold []:*?/\ and has 31 characters at most.
    sheet.title = "".join(ch for ch in str(title) if ch not in "[]:*?/\\")[:31] or "Export"
    widths = [len(str(column.header)) for column in columns]
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=str(column.header))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    number = 1
    for number, row in enumerate(rows, start=2):
        for index, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            value = _checked(column, value)
            cell = sheet.cell(row=number, column=index)
            if value is None:
                continue
            if column.kind == TEXT:
                cell.value = value
                cell.data_type = "s"  # never a formula, even if it starts with « = »
                if value.startswith(FORMULA_TRIGGERS):
                    cell.quotePrefix = True
                longest = max(map(len, value.splitlines() or [""]))
                widths[index - 1] = max(widths[index - 1], longest)
            else:
                cell.value = float(value) if isinstance(value, Decimal) else value
                cell.number_format = (
                    "0." + "0" * column.places
                    if column.kind == DECIMAL and column.places != 1
                    else XLSX_FORMATS[column.kind]
                )
                widths[index - 1] = max(widths[index - 1], 10 if column.kind == DATE else 8)
    for index, column in enumerate(columns, start=1):
        width = column.width or min(max(widths[index - 1] + 2, MIN_WIDTH), MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(number, 1)}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def export_response(
    columns: Sequence[Column], rows: Iterable[Sequence], *, fmt: str, filename: str, title: str
) -> HttpResponse:
    """The file as a download (`fmt`: "csv" or "xlsx"; `filename` without its extension)."""
    if fmt == "csv":
        response = HttpResponse(to_csv(columns, rows), content_type=CSV_TYPE)
    elif fmt == "xlsx":
        response = HttpResponse(to_xlsx(columns, rows, title=title), content_type=XLSX_TYPE)
    else:
        raise ValueError(fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
