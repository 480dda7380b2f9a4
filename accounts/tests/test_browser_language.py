import pytest

from accounts.models import User
from accounts.tests.factories import UserFactory
from core.tests.fixtures import assert_accessible, login, record_markup

pytestmark = pytest.mark.browser


@pytest.fixture
def english_browser(browser, live_server, transactional_db, served_markup, request):
    """Chromium set up in English (its Accept-Language is en-US)."""
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("response", record_markup(served_markup, request.node.name))
    yield page
    context.close()


def test_an_english_browser_gets_the_site_in_french_until_english_is_chosen(english_browser):
    page = english_browser
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("link", name="Se connecter").first.is_visible()
    assert_accessible(page, "home, English browser")

    page.get_by_role("button", name="Langue : Français").click()
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Log in").first.is_visible()
    assert_accessible(page, "home in English")


def test_a_user_switches_to_english_in_the_header_and_back_to_french_in_my_account(page):
    user = UserFactory(email="ines@example.org", first_name="Inès", last_name="Martin")
    login(page, user.email)
    assert page.locator("html").get_attribute("lang") == "fr"

    # The header: the person's menu holds the language choice.
    page.get_by_role("button", name="Inès Martin").click()
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).first.is_visible()
    assert User.objects.get(pk=user.pk).language == "en"

    # « Mon compte », now « My account »: French again, saved.
    page.goto("/mon-compte/")
    assert page.get_by_role("heading", name="My account").is_visible()
    assert page.get_by_label("English").is_checked()
    assert_accessible(page, "my account in English")
    page.get_by_label("Français").check()
    page.get_by_role("button", name="Save my language").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Mon compte").is_visible()
    assert page.get_by_label("Français").is_checked()
    assert User.objects.get(pk=user.pk).language == "fr"
    assert_accessible(page, "mon compte en français")
