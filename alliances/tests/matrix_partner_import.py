"""The partner directory import's routes in the permission matrix (alliances/tests/
matrix_routes.py adds them): the association's editors and admins only."""

from django.core.files.uploadedfile import SimpleUploadedFile

from alliances.services import set_partner_import_mapping, start_partner_import
from core.tests.matrix import WRITE_GET, WRITE_POST, Route

CSV = "Nom;Type;Code postal\r\nMairie Importée;Collectivité;69001\r\n".encode()
OTHER_TENANT = {"co_member_editor": 404}


def extend_world(world):
    upload = start_partner_import(
        association=world.association, by=None, file_name="partenaires.csv", content=CSV
    )
    world.objects["partner_import"] = set_partner_import_mapping(
        upload=upload, mapping=upload.mapping, default_actor_type="company"
    )


def _import(w):
    return {"pk": w.association.pk, "import_pk": w.partner_import.pk}


ROUTES = [
    Route(
        "alliances:partner_import",
        {**WRITE_GET, **OTHER_TENANT},
        kwargs=lambda w: {"pk": w.association.pk},
    ),
    Route(
        "alliances:partner_import",
        {**WRITE_POST, **OTHER_TENANT},
        kwargs=lambda w: {"pk": w.association.pk},
        method="post",
        data=lambda w: {"file": SimpleUploadedFile("partenaires.csv", CSV)},
    ),
    Route("alliances:partner_import_mapping", {**WRITE_GET, **OTHER_TENANT}, kwargs=_import),
    Route(
        "alliances:partner_import_mapping",
        {**WRITE_POST, **OTHER_TENANT},
        kwargs=_import,
        method="post",
        data=lambda w: {
            "column_name": "0",
            "column_actor_type": "1",
            "column_postal_code": "2",
            "default_actor_type": "company",
        },
    ),
    Route("alliances:partner_import_preview", {**WRITE_GET, **OTHER_TENANT}, kwargs=_import),
    Route(
        "alliances:partner_import_confirm",
        {**WRITE_POST, **OTHER_TENANT},
        kwargs=_import,
        method="post",
    ),
]
