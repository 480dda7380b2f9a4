"""Erasing a partner's contact person leaves no trace of them: not in the association's texts,
not in the copies django-simple-history keeps of them."""

import pytest
from django.db import connection
from django.urls import reverse

from alliances.models import Contact, Partner, RelationshipEvent
from alliances.services import partners as partner_services
from alliances.tests.factories import ActionFactory, AllianceFactory, PartnerFactory
from core.apps import project_app_configs
from core.tests.fixtures import postgresql_only
from privacy.erasure import ERASED_NAME, ERASED_TEXT, erase_contact

pytestmark = pytest.mark.django_db

NAME, EMAIL, PHONE = "Marie-Claude Vasseur", "mc.vasseur@exemple.fr", "06 11 22 33 44"


def tables_holding(text):
    """Every table of the project (history tables included) with a row whose text holds
    `text`, searched in the whole row as PostgreSQL writes it."""
    tables = sorted(
        model._meta.db_table
        for config in project_app_configs()
        for model in config.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    )
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT %s FROM {quote(table)} t WHERE t::text LIKE %s" for table in tables
            ),
            [value for table in tables for value in (table, f"%{text}%")],
        )
        return sorted({row[0] for row in cursor.fetchall()})


def contact_written_about(world):
    """A contact whose name, e-mail and phone are also in texts, each changed a few times
    (so that history rows hold older versions), and in another association's texts."""
    partner = PartnerFactory(association=world.association, name="Fondation Horizon")
    contact = Contact.objects.create(partner=partner, name=NAME, email=EMAIL, phone=PHONE)
    partner.description = f"Interlocutrice : {NAME} ({EMAIL})."
    partner_services.save_partner(association=world.association, partner=partner)
    partner.description = f"Voir {NAME}, {PHONE}."
    partner_services.save_partner(association=world.association, partner=partner)
    RelationshipEvent.objects.create(
        partner=partner, date="2026-03-01", summary=f"Appel de {NAME} au {PHONE}"
    )
    alliance = AllianceFactory(lead=world.association, purpose=f"Portée avec {NAME}")
    action = ActionFactory(alliance=alliance, description=f"Relancer {EMAIL}")
    action.description = f"Relancer {NAME}"
    action.save()
    alliance.purpose = "Portée avec la fondation"
    alliance.save()
    return contact, partner


@postgresql_only
def test_an_erased_contact_leaves_no_trace_in_any_table_nor_history(world):
    # given a contact written about in texts and their history
    contact, partner = contact_written_about(world)
    elsewhere = PartnerFactory(association=world.other_association, description=f"Chez {NAME}")
    for needle in (NAME, EMAIL, PHONE):
        assert tables_holding(needle), needle
    assert "alliances_historicalpartner" in tables_holding(NAME)
    # when the association's admin erases them
    erase_contact(contact=contact)
    # then nothing of them is left in the association's data, history included
    assert tables_holding(EMAIL) == []
    assert tables_holding(PHONE) == []
    # …but another association's own texts are its own (and not the admin's to erase)
    assert tables_holding(NAME) == ["alliances_historicalpartner", "alliances_partner"]
    assert Partner.objects.get(pk=elsewhere.pk).description == f"Chez {NAME}"
    contact.refresh_from_db()
    assert (contact.name, contact.email, contact.phone, contact.role) == (ERASED_NAME, "", "", "")
    partner.refresh_from_db()
    assert partner.description == f"Voir {ERASED_TEXT}, {ERASED_TEXT}."


def test_the_admin_erases_a_contact_from_the_partner_page(client, world):
    contact, partner = contact_written_about(world)
    client.force_login(world.assoc_admin)
    page = client.get(reverse("alliances:partner_detail", args=[partner.pk])).content.decode()
    erase_url = reverse("privacy:erase_contact", args=[partner.pk, contact.pk])
    assert erase_url in page
    response = client.post(erase_url)
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.name == ERASED_NAME
    assert not RelationshipEvent.objects.filter(summary__contains=NAME).exists()


def test_an_editor_cannot_erase_a_contact(client, world):
    contact, partner = contact_written_about(world)
    client.force_login(world.editor)
    response = client.post(reverse("privacy:erase_contact", args=[partner.pk, contact.pk]))
    assert response.status_code == 403
    contact.refresh_from_db()
    assert contact.name == NAME
