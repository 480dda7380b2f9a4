"""The action plan as a spreadsheet (CSV for any tool, XLSX for Excel and LibreOffice)."""

import csv
import io
from decimal import Decimal


def _fr_date(value):
    return value.strftime("%d/%m/%Y") if value else ""


def _fr_amount(value):
    return f"{value:.2f}".replace(".", ",") if value is not None else ""


EXPORT_HEADERS = [
    "Action",
    "Description",
    "Responsable",
    "Début",
    "Échéance",
    "Statut",
    "Avancement (%)",
    "En retard",
    "Ressources humaines",
    "Ressources financières (€)",
    "Étapes",
]


def _export_rows(actions):
    for a in actions:
        yield [
            a.title,
            a.description,
            a.owner_label,
            a.start_date,
            a.due_date,
            str(a.get_status_display()),
            a.progress,
            "oui" if a.is_late else "non",
            a.human_resources,
            a.financial_resources,
            " ; ".join(
                f"{'✔ ' if s.done else ''}{s.title}"
                + (f" ({_fr_date(s.due_date)})" if s.due_date else "")
                for s in a.steps.all()
            ),
        ]


def plan_csv(actions) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # so that spreadsheet software reads UTF-8
    writer = csv.writer(out, delimiter=";")
    writer.writerow(EXPORT_HEADERS)
    for row in _export_rows(actions):
        row[3], row[4] = _fr_date(row[3]), _fr_date(row[4])
        row[9] = _fr_amount(row[9])
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def plan_xlsx(actions) -> bytes:
    # Imported here: openpyxl is only needed for an XLSX export.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Plan d'action"
    sheet.append(EXPORT_HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in _export_rows(actions):
        row[9] = float(row[9]) if isinstance(row[9], Decimal) else row[9]
        sheet.append(row)
        current = sheet.max_row
        for column in ("D", "E"):
            sheet[f"{column}{current}"].number_format = "DD/MM/YYYY"
        sheet[f"J{current}"].number_format = '#,##0.00 "€"'
    for column, width in zip(
        "ABCDEFGHIJK", [40, 40, 25, 12, 12, 14, 14, 10, 25, 18, 50], strict=True
    ):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
