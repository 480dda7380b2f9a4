"""No export runs user-written text as a formula: every user-written text of the matrix's
world starts like a formula, and every CSV and XLSX export of the product is read back."""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from core.spreadsheets import FORMULA_TRIGGERS
from core.tests.hostile_world import world_written_with

FORMULA = '=HYPERLINK("http://evil.example";"clic")'

EXPORTS = [
    *(
        (
            "networks:network_export",
            "network_head",
            lambda w, what=what, fmt=fmt: {"pk": w.network.pk, "what": what, "fmt": fmt},
        )
        for what in ("scores", "alliances")
        for fmt in ("csv", "xlsx")
    ),
    *(
        (
            "alliances:action_plan_export",
            "editor",
            lambda w, fmt=fmt: {"pk": w.alliance.pk, "fmt": fmt},
        )
        for fmt in ("csv", "xlsx")
    ),
    ("evaluation:import_template", "editor", lambda w: {"pk": w.alliance.pk}),
]


@pytest.fixture(scope="module")
def formula_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), world_written_with(FORMULA) as world:
        yield world


def _cells(response):
    if response["Content-Type"].startswith("text/csv"):
        text = response.content.decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text), delimiter=";"):
            for value in row:
                yield value, False, None
        return
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                yield str(cell.value), cell.quotePrefix, cell.data_type


def test_every_export_of_the_product_is_in_this_test():
    """Every view that answers with a spreadsheet calls core.spreadsheets.export_response."""
    callers = sorted(
        str(path.relative_to(settings.BASE_DIR))
        for path in Path(settings.BASE_DIR).glob("*/**/*.py")
        if ".venv" not in path.parts
        and "tests" not in path.parts
        and "node_modules" not in path.parts
        and "export_response(" in path.read_text()
        and path.name != "spreadsheets.py"
    )
    assert callers == [
        "alliances/views/running.py",
        "evaluation/views/imports.py",
        "networks/views/dashboard.py",
    ]
    for path in Path(settings.BASE_DIR).glob("*/**/*.py"):
        # devtools writes the bench's own files, never a user's download.
        skipped = {".venv", "node_modules", "tests", "devtools"}
        if skipped & set(path.parts) or path.name == "spreadsheets.py":
            continue
        source = path.read_text()
        # The two importers read spreadsheets that users upload; they write none.
        importer = path.name in {"imports.py", "partner_import.py"}
        assert "import csv" not in source or importer, path
        assert "openpyxl" not in source or importer, path


@pytest.mark.parametrize(
    ("name", "role", "kwargs"), EXPORTS, ids=[f"{n}-{i}" for i, (n, _r, _k) in enumerate(EXPORTS)]
)
def test_no_export_runs_user_written_text_as_a_formula(
    name, role, kwargs, client, db, formula_world
):
    client.force_login(formula_world.users[role])
    response = client.get(reverse(name, kwargs=kwargs(formula_world)))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    seen = 0
    for value, quoted, data_type in _cells(response):
        assert data_type != "f"
        if "HYPERLINK" in value:
            seen += 1
        if value.startswith(FORMULA_TRIGGERS):
            assert quoted, f"{name}: a live formula {value!r}"
    if name != "evaluation:import_template":  # the template holds only the indicators' names
        assert seen, f"{name}: no user-written text reached the export"
