import json
from io import StringIO

import pytest
from django.core.management import call_command

from alliances.models import Partner, PartnerImport

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_import_bench_runs_and_leaves_nothing_behind(fmt):
    out = StringIO()

    call_command("bench_partner_import", rows=600, format=fmt, stdout=out)

    figures = json.loads(out.getvalue())
    assert figures["created"] + figures["merged"] + figures["refused"] + figures["blank"] >= 600
    assert figures["refused"] >= 1  # the wrong check digit and the duplicate row
    assert figures["merged"] > 0
    assert not Partner.objects.exists() and not PartnerImport.objects.exists()
