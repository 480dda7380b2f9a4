"""A person's own data: downloaded as JSON, and the account deleted with the answers kept."""

import json

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from api import services as api_services
from diagnostics.models import Answer, Respondent
from diagnostics.tests.factories import finished_campaign
from organisations.models import AssociationMembership, Role
from organisations.tests.factories import MembershipFactory
from privacy.accounts import FORMER_LAST_NAME, former_email

pytestmark = pytest.mark.django_db
PASSWORD = "un-mot-de-passe-solide-2026"


def test_a_person_downloads_their_own_data(client, world):
    finished_campaign(world.association, value=3, users=[world.editor])
    client.force_login(world.editor)
    response = client.get(reverse("privacy:my_data"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == world.editor.email
    assert [m["association__name"] for m in data["memberships"]] == ["Asso Témoin"]
    assert data["diagnostic_answers"]
    assert world.reader.email not in response.content.decode()


def test_deleting_ones_account_keeps_the_answers_under_former_respondent(client, world):
    # given an editor who answered a diagnostic and has an API token
    editor = world.editor
    editor.set_password(PASSWORD)
    editor.save()
    old_email = editor.email
    finished_campaign(world.association, value=3, users=[editor])
    answers = Answer.objects.filter(respondent__user=editor).count()
    _token, secret = api_services.create_token(user=editor, name="Tableau")
    client.force_login(editor)
    # when they delete their account with their password
    response = client.post(reverse("privacy:delete_account"), {"password": PASSWORD})
    # then they are logged out, cannot log in, and nothing says who they were
    assert response.status_code == 302
    editor.refresh_from_db()
    assert (editor.email, editor.last_name, editor.is_active) == (
        former_email(editor.pk),
        FORMER_LAST_NAME,
        False,
    )
    assert not editor.has_usable_password()
    assert not AssociationMembership.objects.filter(user=editor).exists()
    assert not editor.check_password(PASSWORD)
    assert old_email not in str(list(type(editor).objects.values_list("email", flat=True)))
    assert (
        client.get("/api/v1/alliances", headers={"Authorization": f"Bearer {secret}"}).status_code
        == 401
    )
    # …but their answers stay in the campaign, under « Ancien répondant »
    assert Answer.objects.filter(respondent__user=editor).count() == answers
    assert str(Respondent.objects.get(user=editor).user) == "Ancien répondant"


def test_a_wrong_password_deletes_nothing(client, world):
    client.force_login(world.editor)
    response = client.post(reverse("privacy:delete_account"), {"password": "non"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    world.editor.refresh_from_db()
    assert world.editor.is_active


def test_the_only_admin_of_an_association_names_another_first(client):
    admin = UserFactory()
    admin.set_password(PASSWORD)
    admin.save()
    membership = MembershipFactory(user=admin, role=Role.ADMIN)
    client.force_login(admin)
    response = client.post(reverse("privacy:delete_account"), {"password": PASSWORD})
    assert response.status_code == 200
    assert response.context["orphaned"] == [membership.association.name]
    admin.refresh_from_db()
    assert admin.is_active


def test_my_account_links_to_ones_data_and_tokens_without_a_query_more(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.editor)
    with django_assert_max_num_queries(6):  # the benchmark's floor, as before
        page = client.get(reverse("accounts:profile")).content.decode()
    for name in ("privacy:my_data", "privacy:delete_account", "privacy:notice", "api_tokens:list"):
        assert reverse(name) in page
