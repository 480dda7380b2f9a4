"""Both catalogues translate every string of the interface (pages, e-mails, PDFs).

The strings are extracted from the code as `make makemessages` does (Django's makemessages,
templates included), into a temporary folder; each catalogue is compiled with msgfmt and read
back with Python's gettext, so a missing msgid, an empty msgstr, one empty plural form or a
fuzzy entry all count as missing.
"""

import gettext
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.commands import makemessages

LOCALE = Path(settings.BASE_DIR) / "locale"
# The same folders as the Makefile's makemessages leaves out.
IGNORED = [
    ".venv/*",
    "node_modules/*",
    "static/vendor/*",
    "staticfiles/*",
    "media/*",
    "bench/*",
    "test-artifacts/*",
]


class ExtractOnly(makemessages.Command):
    """makemessages' own extraction, its .pot written to `target` and no catalogue touched."""

    def __init__(self, target):
        super().__init__()
        self.target = str(target)

    def process_locale_dir(self, locale_dir, files):
        super().process_locale_dir(self.target, files)


def compiled(po: Path, tmp_path: Path) -> dict:
    """The catalogue as gettext reads it: {msgid: msgstr, (msgid, n): msgstr[n]}."""
    mo = tmp_path / f"{po.stem}.mo"
    subprocess.run(["msgfmt", "-o", str(mo), str(po)], check=True)
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)._catalog


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Every msgid of the code, keyed as in a compiled catalogue."""
    folder = tmp_path_factory.mktemp("pot")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(settings.BASE_DIR)
        call_command(
            ExtractOnly(folder),
            locale=["fr"],
            ignore_patterns=IGNORED,
            no_location=True,
            verbosity=0,
        )
    # msgen gives each entry its msgid as translation, so msgfmt keeps them all.
    pot = folder / "django.pot"
    pot.write_text(
        pot.read_text(encoding="utf-8").replace(
            "nplurals=INTEGER; plural=EXPRESSION;", "nplurals=2; plural=(n != 1);"
        ),
        encoding="utf-8",
    )
    template = folder / "every-msgid.po"
    subprocess.run(["msgen", "-o", str(template), str(pot)], check=True)
    keys = set(compiled(template, folder)) - {""}
    assert len(keys) > 1000, "the extraction found too few strings"
    return keys


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_interface_string_has_its_translation_in_both_catalogues(
    language, extracted, tmp_path
):
    catalogue = compiled(LOCALE / language / "LC_MESSAGES" / "django.po", tmp_path)
    missing = sorted(str(key) for key in extracted if not catalogue.get(key, "").strip())
    assert not missing, (
        f"{len(missing)} strings have no {language} translation (make makemessages fills the "
        f"English ones; write the French ones in locale/fr):\n" + "\n".join(missing[:30])
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_catalogue_keeps_a_fuzzy_guess(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    statistics = result.stderr.strip()
    assert "fuzzy" not in statistics, statistics
    assert "untranslated" not in statistics, statistics
