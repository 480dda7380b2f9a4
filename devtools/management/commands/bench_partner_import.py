"""The partner directory import part of `make bench`; prints JSON.

    python manage.py bench_partner_import [--rows 10000] [--format csv|xlsx]

A spreadsheet of `--rows` partners, as messy as the tests' (semicolons, a UTF-8 BOM, blank
rows, duplicates, a tenth of the rows already in the directory, a few refused), imported into
a new association through the same services as the pages: the upload (read, columns guessed),
the dry run of the preview page, then the import. Everything happens in a transaction rolled
back at the end: the bench's database is left as it was. Target: 10,000 rows in under 30 s
(upload + preview + import).
"""

import io
import json
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from stdnum import luhn

from alliances import partner_import
from alliances.models import ActorType, Partner
from alliances.services import import_partners, set_partner_import_mapping, start_partner_import
from organisations.models import Association

TYPES = ["Association", "Entreprise", "Collectivité", "Fondation", "Réseau", "État"]


def _siren(i: int) -> str:
    base = f"{30000000 + i:08d}"
    return base + luhn.calc_check_digit(base)


def build_rows(count: int) -> list[list[str]]:
    header = ["Nom du partenaire", "Type", "N° SIREN", "Code postal", "Ville", "Site web", "Notes"]
    rows = [header]
    for i in range(count):
        if i % 500 == 499:
            rows.append([""] * len(header))  # a blank row
            continue
        siren = _siren(i) if i % 3 else ""
        if i % 1000 == 7:
            siren = siren[:8] + str((int(siren[8]) + 1) % 10) if siren else "12345678"  # refused
        rows.append(
            [
                f"Partenaire n° {i} « Été »" if i % 400 else f'=HYPERLINK("x";"{i}")',
                TYPES[i % len(TYPES)],
                siren,
                f"{69001 + i % 9:05d}",
                "Lyon",
                f"www.partenaire-{i}.fr" if i % 5 == 0 else "",
                "Rencontré au forum; à relancer" if i % 7 == 0 else "",
            ]
        )
    rows.insert(100, list(rows[50]))  # a duplicate row
    return rows


def to_csv(rows) -> bytes:
    text = "\r\n".join(
        ";".join(f'"{c}"' if ";" in c or '"' in c else c for c in row) for row in rows
    )
    return b"\xef\xbb\xbf" + text.replace('"x"', '""x""').encode("utf-8")


def to_xlsx(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Times the partner directory import of a messy spreadsheet (rolled back); JSON."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")

    def handle(self, *args, rows, format, **options):
        table = build_rows(rows)
        content = to_csv(table) if format == "csv" else to_xlsx(table)
        figures = {"rows": rows, "format": format, "bytes": len(content)}
        try:
            with transaction.atomic():
                # An RNA no real association has (W + 9 nines); rolled back anyway.
                association = Association.objects.create(
                    name="Banc d'essai de l'import",
                    rna="W999999999",
                    department="69",
                    sector=Association._meta.get_field("sector").choices[0][0],
                    budget_band=Association._meta.get_field("budget_band").choices[0][0],
                )
                # A tenth of the file is already in the directory: merged, not duplicated.
                Partner.objects.bulk_create(
                    Partner(
                        association=association,
                        name=f"Déjà là {i}",
                        siren=_siren(i),
                        actor_type=ActorType.COMPANY,
                    )
                    for i in range(1, rows, 10)
                    if i % 3
                )
                started = time.perf_counter()
                upload = start_partner_import(
                    association=association,
                    by=None,
                    file_name=f"partenaires.{format}",
                    content=content,
                )
                set_partner_import_mapping(
                    upload=upload, mapping=upload.mapping, default_actor_type="company"
                )
                figures["upload_s"] = round(time.perf_counter() - started, 2)
                started = time.perf_counter()
                outcome = partner_import.dry_run(
                    partner_import.read_table(upload.file_name, content),
                    upload.mapping,
                    association=association,
                    default_actor_type="company",
                )
                figures["dry_run_s"] = round(time.perf_counter() - started, 2)
                started = time.perf_counter()
                result = import_partners(upload=upload, by=None)
                figures["import_s"] = round(time.perf_counter() - started, 2)
                figures.update(
                    created=result.created,
                    merged=result.merged,
                    unchanged=len(outcome.unchanged),
                    refused=result.refused,
                    blank=outcome.blank,
                )
                figures["total_s"] = round(
                    figures["upload_s"] + figures["dry_run_s"] + figures["import_s"], 2
                )
                raise Rollback
        except Rollback:
            pass
        self.stdout.write(json.dumps(figures))
