import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_my_account_shows_who_is_logged_in(client, django_assert_max_num_queries):
    user = UserFactory(first_name="Inès", last_name="Martin", email="ines@example.org")
    client.force_login(user)
    # The benchmark's floor: the session, the user and the menu's organisations, no more.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "ines@example.org" in page
    assert "Inès Martin" in page


def test_my_account_wants_a_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
