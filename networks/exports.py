"""CSV and XLSX exports of the network's members: scores per axis, and their alliances. Each
takes the member rows the dashboard shows (its filters and its order: networks/views/
dashboard.py) and is written by core.spreadsheets."""

from django.utils.translation import gettext as _

from core.spreadsheets import DATE, DECIMAL, INTEGER, Column

from .members import member_rows


def rows_of(network, ids=None):
    """The members' rows with their scores, all of them by name or those of `ids` in that
    order (the dashboard's filters and sort)."""
    rows = member_rows(network, ids, with_scores=True)
    if ids is None:
        return rows
    position = {pk: i for i, pk in enumerate(ids)}
    return sorted(rows, key=lambda row: position[row.association.pk])


def scores_table(rows):
    """(columns, lines): each member's latest diagnostic, overall and per axis (as displayed,
    from the scores it stored when it closed).

    Only the network's heads see it; they already see each member's own results."""
    from diagnostics.models import Axis

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
    columns = [
        Column(_("Association")),
        Column(_("Department"), width=12),
        Column(_("Diagnostic date"), DATE),
        Column(_("Maturity level"), INTEGER),
        Column(_("Overall score"), DECIMAL),
        *(
            Column(f"{code} – {titles[code]}" if code in titles else code, DECIMAL, width=18)
            for code in codes
        ),
    ]
    lines = []
    for row in rows:
        scores = {axis.code: axis.display_score for axis in row.scores.axes} if row.scores else {}
        lines.append(
            [
                row.association.name,
                row.association.department,
                row.diagnostic_date,
                row.maturity_level,
                row.scores.display_overall if row.scores else None,
                *[scores.get(code) for code in codes],
            ]
        )
    return columns, lines


def alliances_table(rows):
    """(columns, lines): one line per alliance of each member. The step reached is a number
    (5 once the five are done, which the next column says in words): a column never mixes
    numbers and text."""
    columns = [
        Column(_("Association")),
        Column(_("Alliance")),
        Column(_("Step reached"), INTEGER),
        Column(_("Five steps done")),
        Column(_("Late actions"), INTEGER),
        Column(_("Indicators off track"), INTEGER),
        Column(_("Conventions ending soon"), INTEGER),
    ]
    yes, no = _("yes"), _("no")
    lines = []
    for row in rows:
        for line in row.alliances:
            lines.append(
                [
                    row.association.name,
                    line.alliance.title,
                    line.current_step or 5,
                    no if line.current_step else yes,
                    line.late_actions,
                    line.off_track,
                    line.ending_conventions,
                ]
            )
    return columns, lines
