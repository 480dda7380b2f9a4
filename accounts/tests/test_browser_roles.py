"""Each role logs in through the real login page and lands on its own dashboard, accessible."""

import pytest

from core.tests.fixtures import assert_accessible, login

pytestmark = pytest.mark.browser


def test_association_admin_lands_on_the_association_dashboard(page, world):
    login(page, world.assoc_admin.email)
    assert page.url.endswith("/tableau-de-bord/")
    assert page.get_by_role("heading", level=1, name="Asso Témoin").is_visible()
    assert page.get_by_text("Vous administrez cette association.").is_visible()
    assert_accessible(page, "association dashboard (admin)")


def test_association_staff_lands_on_the_association_dashboard(page, world):
    login(page, world.editor.email)
    assert page.get_by_role("heading", level=1, name="Asso Témoin").is_visible()
    assert page.get_by_text("Vous pouvez remplir et modifier ses travaux.").is_visible()
    assert_accessible(page, "association dashboard (editor)")


def test_network_head_lands_on_the_network_dashboard(page, world):
    login(page, world.network_head.email)
    assert f"/reseaux/{world.network.pk}/" in page.url
    assert page.get_by_role("heading", level=1, name="Réseau Témoin").is_visible()
    assert page.get_by_role("link", name="Asso Témoin").is_visible()
    assert_accessible(page, "network dashboard")


def test_platform_admin_lands_on_the_platform_dashboard(page, world):
    login(page, world.platform_admin.email)
    assert page.get_by_role("heading", level=1, name="Administration de la plateforme").is_visible()
    assert_accessible(page, "platform dashboard")


def test_home_and_login_pages_are_accessible(page, db):
    page.goto("/")
    assert page.get_by_role("heading", level=1).is_visible()
    assert_accessible(page, "home")
    page.goto("/connexion/")
    assert_accessible(page, "login")
