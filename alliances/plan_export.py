"""The action plan as a spreadsheet (CSV for any tool, XLSX for Excel and LibreOffice), written
by core.spreadsheets."""

from core.spreadsheets import AMOUNT, DATE, INTEGER, Column


def _fr_date(value):
    return value.strftime("%d/%m/%Y") if value else ""


COLUMNS = [
    Column("Action", width=40),
    Column("Description", width=40),
    Column("Responsable", width=25),
    Column("Début", DATE),
    Column("Échéance", DATE),
    Column("Statut", width=14),
    Column("Avancement (%)", INTEGER, width=14),
    Column("En retard", width=10),
    Column("Ressources humaines", width=25),
    Column("Ressources financières (€)", AMOUNT, width=18),
    Column("Étapes", width=50),
]


def plan_rows(actions):
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
