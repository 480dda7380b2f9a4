"""« Mon compte → notifications » in the browser: choose per kind, save, get a calendar
address and change it; at a phone's width nothing is wider than the screen."""

import pytest

from core.tests.fixtures import assert_accessible, login
from notifications import kinds
from notifications.models import CalendarFeed, Preference

pytestmark = pytest.mark.browser


def test_a_person_chooses_their_notifications_and_calendar_in_the_browser(page, world):
    login(page, world.editor.email)
    page.goto("/mon-compte/")
    page.locator("a[href='/mon-compte/notifications/']").click()
    assert_accessible(page, "notifications")

    page.locator("#id_action_late_0").check()  # immediately
    page.locator("#id_campaign_unfinished_2").check()  # never
    page.locator("form.notification-preferences button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".messages").is_visible()
    assert page.locator("#id_action_late_0").is_checked()
    chosen = dict(Preference.objects.filter(user=world.editor).values_list("kind", "delivery"))
    assert chosen[kinds.ACTION_LATE] == kinds.IMMEDIATE
    assert chosen[kinds.CAMPAIGN_UNFINISHED] == kinds.NEVER

    page.locator("#calendar button[type=submit]").click()
    page.wait_for_load_state()
    address = page.locator("#calendar-url").input_value()
    assert address.endswith(f"/agenda/{CalendarFeed.objects.get(user=world.editor).token}.ics")
    assert_accessible(page, "calendar address")
    page.locator("#calendar button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#calendar-url").input_value() != address


def test_the_notifications_page_fits_a_phone(phone_page, world):
    login(phone_page, world.network_head.email)
    phone_page.goto("/mon-compte/notifications/")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert_accessible(phone_page, "notifications on a phone")
