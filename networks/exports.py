"""CSV and XLSX exports of the network's members: scores per axis, and their alliances."""

import csv
import io

from django.utils.translation import gettext as _

from .members import member_rows


def _score(value):
    return "" if value is None else str(value).replace(".", ",")


def scores_table(network):
    """Header and rows: each member's latest diagnostic, overall and per axis (as displayed,
    from the scores it stored when it closed).

    Only the network's heads see it; they already see each member's own results."""
    from diagnostics.models import Axis

    rows = member_rows(network, with_scores=True)
    codes = []
    for row in rows:
        for axis in row.scores.axes if row.scores else ():
            if axis.code not in codes:
                codes.append(axis.code)
    titles = {}
    for code, title in (
        Axis.objects.filter(code__in=codes).order_by("-version_id").values_list("code", "title")
    ):
        titles.setdefault(code, title)
    header = [_("Association"), _("Department"), _("Diagnostic date"), _("Maturity level")]
    header += [_("Overall score")] + [
        f"{code} – {titles[code]}" if code in titles else code for code in codes
    ]
    table = [header]
    for row in rows:
        scores = {axis.code: axis.display_score for axis in row.scores.axes} if row.scores else {}
        table.append(
            [
                row.association.name,
                row.association.department,
                row.diagnostic_date.date() if row.diagnostic_date else None,
                row.maturity_level,
                row.scores.display_overall if row.scores else None,
                *[scores.get(code) for code in codes],
            ]
        )
    return table


def alliances_table(network):
    rows = member_rows(network)
    table = [
        [
            _("Association"),
            _("Alliance"),
            _("Step reached"),
            _("Late actions"),
            _("Indicators off track"),
            _("Conventions ending soon"),
        ]
    ]
    for row in rows:
        for line in row.alliances:
            table.append(
                [
                    row.association.name,
                    line.alliance.title,
                    line.current_step or _("all done"),
                    line.late_actions,
                    line.off_track,
                    line.ending_conventions,
                ]
            )
    return table


def to_csv(table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for line in table:
        writer.writerow(
            [
                _score(v)
                if hasattr(v, "quantize")
                else ("" if v is None else v.strftime("%d/%m/%Y") if hasattr(v, "strftime") else v)
                for v in line
            ]
        )
    # BOM so that Excel opens the French accents correctly.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(table, title) -> bytes:
    # Imported here: openpyxl (≈ 7 MB, 175 modules) is only needed for an XLSX export, not
    # in every web and Celery process.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for line in table:
        sheet.append([float(v) if hasattr(v, "quantize") else v for v in line])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
