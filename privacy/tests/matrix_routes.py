from django.core.files.base import ContentFile

from alliances.models import Contact
from alliances.tests.factories import PartnerFactory
from core.tests.matrix import ADMIN_GET, ADMIN_POST, LOGGED_IN, PUBLIC, Route
from privacy.models import AssociationExport


def extend_world(world):
    partner = PartnerFactory(association=world.association, name="Partenaire RGPD")
    world.objects["privacy_partner"] = partner
    world.objects["privacy_contact"] = Contact.objects.create(
        partner=partner, name="Camille Martin", email="camille@example.org", phone="0612345678"
    )
    export = AssociationExport(
        association=world.association, status=AssociationExport.Status.READY, total=1, done=1
    )
    export.file.save("matrice.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18), save=False)
    export.save()
    world.objects["privacy_export"] = export


def _contact(w):
    return {"pk": w.privacy_partner.pk, "contact_pk": w.privacy_contact.pk}


ROUTES = [
    Route("privacy:notice", PUBLIC),
    Route("privacy:my_data", LOGGED_IN),
    Route("privacy:delete_account", LOGGED_IN),
    # A wrong password: the form again with its error, nothing deleted.
    Route(
        "privacy:delete_account",
        LOGGED_IN,
        method="post",
        data=lambda w: {"password": "pas-le-bon"},
    ),
    Route("privacy:erase_contact", ADMIN_GET, kwargs=_contact),
    Route("privacy:erase_contact", ADMIN_POST, kwargs=_contact, method="post"),
    Route(
        "privacy:association_export",
        ADMIN_GET,
        kwargs=lambda w: {"pk": w.association.pk},
    ),
    Route(
        "privacy:association_export",
        ADMIN_POST,
        kwargs=lambda w: {"pk": w.association.pk},
        method="post",
    ),
    Route("privacy:export_progress", ADMIN_GET, kwargs=lambda w: {"pk": w.association.pk}),
    Route(
        "privacy:export_download",
        ADMIN_GET,
        kwargs=lambda w: {"pk": w.association.pk, "export_pk": w.privacy_export.pk},
    ),
]
