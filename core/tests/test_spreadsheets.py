"""The one writer of CSV and XLSX exports (core/spreadsheets.py): French formats, a usable
sheet, one kind per column, and user-written text that never runs as a formula."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.spreadsheets import (
    AMOUNT,
    DATE,
    DECIMAL,
    INTEGER,
    Column,
    MixedColumnError,
    export_response,
    neutralise,
    to_csv,
    to_xlsx,
    unneutralise,
)

COLUMNS = [
    Column("Nom"),
    Column("Date", DATE),
    Column("Score", DECIMAL),
    Column("Actions en retard", INTEGER),
    Column("Budget", AMOUNT),
]
ROWS = [
    ["Les Amis du Quartier", dt.date(2026, 12, 1), Decimal("3.4"), 2, Decimal("1250.5")],
    ['=HYPERLINK("http://evil.example";"clic")', None, None, 0, None],
    ["+33 6 12 34 56 78", dt.date(2026, 1, 31), Decimal("4"), None, Decimal("0")],
    ["-1 réunion", None, None, None, None],
    ["@SUM(A1:A9)", None, None, None, None],
    ["\tcmd", None, None, None, None],
    ["\rcmd", None, None, None, None],
    ["Épicerie ; solidaire", None, None, None, None],
]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_is_neutralised_and_read_back_as_typed(start):
    text = f"{start}1+1"
    assert neutralise(text) == f"'{text}"
    assert unneutralise(neutralise(text)) == text
    assert neutralise("Les Amis du Quartier") == "Les Amis du Quartier"
    assert unneutralise("'Apostrophe en tête") == "'Apostrophe en tête"


def test_the_csv_is_french_and_runs_no_formula():
    data = to_csv(COLUMNS, ROWS)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Nom", "Date", "Score", "Actions en retard", "Budget"]
    assert rows[1] == ["Les Amis du Quartier", "01/12/2026", "3,4", "2", "1250,50"]
    assert rows[2][0] == '\'=HYPERLINK("http://evil.example";"clic")' and rows[2][3] == "0"
    assert [row[0][:2] for row in rows[3:8]] == ["'+", "'-", "'@", "'\t", "'\r"]
    assert rows[8][0] == "Épicerie ; solidaire"  # quoted, not split


def test_the_xlsx_has_a_frozen_filtered_header_fitted_columns_and_real_dates_and_numbers():
    sheet = load_workbook(io.BytesIO(to_xlsx(COLUMNS, ROWS, title="Membres"))).active

    assert sheet.title == "Membres"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E9"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["A"].width >= len("Les Amis du Quartier")
    assert sheet.column_dimensions["D"].width >= len("Actions en retard")
    assert sheet["B2"].value.date() == dt.date(2026, 12, 1)
    assert sheet["B2"].number_format == "DD/MM/YYYY"
    assert (sheet["C2"].value, sheet["D2"].value, sheet["E2"].value) == (3.4, 2, 1250.5)
    assert sheet["E2"].number_format == '#,##0.00 "€"'


def test_the_xlsx_keeps_a_formula_as_text_shown_as_typed():
    sheet = load_workbook(io.BytesIO(to_xlsx(COLUMNS, ROWS, title="Membres"))).active

    for row in range(3, 8):
        cell = sheet.cell(row=row, column=1)
        assert cell.data_type == "s" and cell.quotePrefix, cell.value
    assert sheet["A3"].value == '=HYPERLINK("http://evil.example";"clic")'
    assert not sheet["A2"].quotePrefix


@pytest.mark.parametrize(
    ("column", "value"),
    [
        (Column("Étape atteinte", INTEGER), "toutes faites"),
        (Column("Score", DECIMAL), "n/a"),
        (Column("Date", DATE), "bientôt"),
        (Column("Nom"), 3),
        (Column("Actions", INTEGER), Decimal("2.5")),
    ],
)
def test_a_column_never_mixes_numbers_and_text(column, value):
    with pytest.raises(MixedColumnError):
        to_csv([column], [[value]])
    with pytest.raises(MixedColumnError):
        to_xlsx([column], [[value]], title="x")


def test_the_download_is_an_attachment_never_cached():
    response = export_response(COLUMNS, ROWS, fmt="xlsx", filename="membres", title="Membres")
    assert response["Content-Disposition"] == 'attachment; filename="membres.xlsx"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
