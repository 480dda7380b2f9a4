"""A signed convention must be a PDF a reader opens safely: parsed as a PDF, without
JavaScript nor files embedded in it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from alliances.models import Convention
from alliances.tests.factories import AllianceFactory, signed_pdf_file

pytestmark = pytest.mark.django_db


def _pdf(build=None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if build:
        build(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _javascript_action():
    return DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1)"),
        }
    )


def _with_names_javascript(writer):
    """JavaScript in the document's name tree (run when the document opens)."""
    tree = DictionaryObject(
        {
            NameObject("/Names"): ArrayObject(
                [TextStringObject("hello"), writer._add_object(_javascript_action())]
            )
        }
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(tree)}
    )


def _with_open_action(writer):
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(_javascript_action())


POLYGLOT = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"
WITH_JAVASCRIPT = _pdf(_with_names_javascript)
WITH_OPEN_ACTION = _pdf(_with_open_action)
WITH_ATTACHMENT = _pdf(lambda w: w.add_attachment("payload.exe", b"MZ\x90\x00"))


def _post(client, alliance, content, name="convention.pdf"):
    return client.post(
        reverse("alliances:item_add", args=[alliance.pk, "convention"]),
        {
            "kind": "partnership",
            "title": "Convention signée",
            "status": "signed",
            "signed_on": "2026-01-10",
            "start_date": "2026-01-15",
            "end_date": "2027-01-14",
            "upload": SimpleUploadedFile(name, content, "application/pdf"),
        },
    )


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (POLYGLOT, "an HTML page that starts like a PDF"),
        (WITH_JAVASCRIPT, "a PDF with JavaScript"),
        (WITH_OPEN_ACTION, "a PDF that runs JavaScript when opened"),
        (WITH_ATTACHMENT, "a PDF with an embedded file"),
    ],
)
def test_a_convention_that_is_not_a_plain_pdf_is_refused_with_what_was_typed_kept(
    client, world, content, why
):
    alliance = AllianceFactory(lead=world.association)
    client.force_login(world.editor)
    response = _post(client, alliance, content)
    assert response.status_code == 200, why
    assert "upload" in response.context["form"].errors, why
    assert "Convention signée" in response.content.decode()
    assert not Convention.objects.exists()


def test_a_plain_pdf_is_still_accepted(client, world):
    alliance = AllianceFactory(lead=world.association)
    client.force_login(world.editor)
    assert _post(client, alliance, _pdf()).status_code == 302
    upload = signed_pdf_file("autre.pdf")
    assert _post(client, alliance, upload.read()).status_code == 302
