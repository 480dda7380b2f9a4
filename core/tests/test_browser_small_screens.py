"""The key pages on a phone (390 px wide) and on a laptop (1280 px), on the demo's data: no page
wider than the screen (a wide table scrolls in its own box), the radar's labels readable, the
Gantt's month labels apart, and the keyboard's focus visible in the top menu."""

import pytest

from agreements.models import ConventionVersion
from alliances.models import Alliance
from core.tests.fixtures import assert_accessible, login, seed_demo
from devtools.management.commands.seed_demo import DEMO_PASSWORD
from diagnostics.models import Campaign
from healthchecks.models import HealthCheck
from organisations.models import Network

pytestmark = pytest.mark.browser

ASSOCIATION_ADMIN = "admin@demo.faire-alliance.fr"
NETWORK_HEAD = "reseau@demo.faire-alliance.fr"
ALLIANCE = "Pôle mutualisé de fonctions support"
NETWORK = "Union régionale des associations solidaires"
READABLE_PX = 11
PUBLIC_PAGES = ["/", "/connexion/", "/inscription/"]


@pytest.fixture
def demo(transactional_db):
    seed_demo()
    alliance = Alliance.objects.get(title=ALLIANCE)
    campaign = (
        Campaign.objects.filter(association=alliance.lead, closed_at__isnull=False)
        .order_by("-closed_at")
        .first()
    )
    health_check = HealthCheck.objects.filter(alliance=alliance).first()  # the latest
    version = (
        ConventionVersion.objects.filter(convention__alliance=alliance).order_by("-number").first()
    )
    conventions = f"/alliances/{alliance.pk}/conventions/{version.convention_id}/versions/"
    return {
        "association": [
            "/tableau-de-bord/",
            f"/autodiagnostic/campagnes/{campaign.pk}/",
            f"/alliances/{alliance.pk}/",
            f"/alliances/{alliance.pk}/plan-d-action/",
            f"/alliances/{alliance.pk}/etapes/5/",
            f"/alliances/{alliance.pk}/membres/",
            f"/alliances/association/{alliance.lead_id}/",
            f"/partenaires/association/{alliance.lead_id}/",
            f"/associations/{alliance.lead_id}/membres/",
            f"/bilans-de-sante/{health_check.pk}/",
            conventions,
            f"{conventions}{version.number}/",
        ],
        "network": [f"/reseaux/{Network.objects.get(name=NETWORK).pk}/"],
        "alliance": alliance,
        "campaign": campaign,
    }


def overflow(page):
    """How many pixels the page is wider than the screen (0: none)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def tables_outside_their_box(page):
    """Tables not inside a .table-responsive box, or whose box passes the screen's edge."""
    return page.evaluate(
        """() => [...document.querySelectorAll("main table")].filter(table => {
            const box = table.closest(".table-responsive");
            if (!box) return true;
            const width = document.documentElement.clientWidth;
            return box.offsetParent !== null && box.getBoundingClientRect().right > width + 0.5;
        }).map(table => table.className || table.id || "table")"""
    )


def gantt_label_boxes(page):
    """The shown month labels of the Gantt: [left, right] in px, and the track's right end."""
    return page.evaluate(
        """() => {
            const track = document.querySelector(".fa-gantt-scale .fa-gantt-track");
            const labels = [...track.querySelectorAll(".fa-gantt-month")]
                .filter(label => getComputedStyle(label).display !== "none")
                .map(label => label.getBoundingClientRect())
                .map(box => [box.left, box.right]);
            return {labels, end: track.getBoundingClientRect().right};
        }"""
    )


def assert_gantt_labels_apart(page, width):
    boxes = gantt_label_boxes(page)
    labels = boxes["labels"]
    assert len(labels) >= 2, f"too few month labels at {width} px: {labels}"
    for (_, right), (left, _) in zip(labels, labels[1:], strict=False):
        assert right <= left, f"month labels overlap at {width} px: {labels}"
    assert labels[-1][1] <= boxes["end"] + 0.5, f"a month label passes the track at {width} px"


def rendered_font_sizes(page, selector):
    """The size in CSS pixels of each text of the visible radar's `selector` groups: SVG units
    are scaled by the ratio of the drawn width to the viewBox's."""
    return page.evaluate(
        """(selector) => {
            const svg = [...document.querySelectorAll("svg.radar-chart")]
                .find(chart => chart.getBoundingClientRect().width > 0);
            const ratio = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll(selector + " text, " + selector + " tspan")]
                .map(text => parseFloat(getComputedStyle(text).fontSize) * ratio);
        }""",
        selector,
    )


def test_no_key_page_is_wider_than_a_phone_and_tables_scroll_in_their_box(phone_page, demo):
    page = phone_page
    for url in PUBLIC_PAGES:
        page.goto(url)
        assert overflow(page) == 0, f"{url} is {overflow(page)} px wider than a phone"
    for email, pages in [(ASSOCIATION_ADMIN, demo["association"]), (NETWORK_HEAD, demo["network"])]:
        login(page, email, DEMO_PASSWORD)
        for url in pages:
            page.goto(url)
            assert overflow(page) == 0, f"{url} is {overflow(page)} px wider than a phone"
            assert not tables_outside_their_box(page), (url, tables_outside_their_box(page))
        page.context.clear_cookies()


def tables_scrolling(page):
    """Tables wider than their box, which then scrolls sideways."""
    return page.evaluate(
        """() => [...document.querySelectorAll("main .table-responsive")]
            .filter(box => box.scrollWidth > box.clientWidth + 1)
            .map(box => box.querySelector("table").className)"""
    )


def test_on_a_laptop_no_key_page_is_wider_than_the_screen_nor_a_table_than_its_box(page, demo):
    login(page, ASSOCIATION_ADMIN, DEMO_PASSWORD)
    for url in demo["association"]:
        page.goto(url)
        assert overflow(page) == 0, f"{url} is {overflow(page)} px wider than 1280 px"
        assert not tables_outside_their_box(page), (url, tables_outside_their_box(page))
        assert not tables_scrolling(page), (url, tables_scrolling(page))


def test_on_a_phone_the_alliance_tabs_are_one_row_that_shows_the_current_one(phone_page, demo):
    # Ten tabs wrapped into six rows at 390 px, above every page of an alliance.
    login(phone_page, ASSOCIATION_ADMIN, DEMO_PASSWORD)
    phone_page.goto(f"/bilans-de-sante/{HealthCheck.objects.first().pk}/")
    tabs = phone_page.locator(".fa-section-tabs")
    links = tabs.locator(".nav-link")
    assert links.count() >= 9
    tops = {round(box["y"]) for box in (links.nth(i).bounding_box() for i in range(links.count()))}
    assert len(tops) == 1, tops
    active = tabs.locator(".nav-link.active").bounding_box()
    assert active["x"] >= 0 and active["x"] + active["width"] <= 390
    assert overflow(phone_page) == 0
    assert_accessible(phone_page, "an alliance's tabs at 390 px")


def test_on_a_phone_the_radar_reads_at_11_px_and_names_its_axes_under_it(phone_page, demo):
    page = phone_page
    login(page, ASSOCIATION_ADMIN, DEMO_PASSWORD)
    page.goto(f"/autodiagnostic/campagnes/{demo['campaign'].pk}/")
    assert page.locator("svg.radar-chart-compact").is_visible()
    assert not page.locator("svg.radar-chart:not(.radar-chart-compact)").is_visible()
    for group in (".radar-axis-labels", ".radar-legend", ".radar-scale"):
        sizes = rendered_font_sizes(page, group)
        assert sizes and min(sizes) >= READABLE_PX, (group, sizes)
    axes = page.locator(".radar-axis-list li")
    assert axes.count() == 8
    assert axes.first.inner_text().startswith("A1 Vision et stratégie partenariale")
    assert_accessible(page, "diagnostic results at 390 px")


def test_the_gantt_month_labels_never_overlap_on_a_phone(phone_page, demo):
    login(phone_page, ASSOCIATION_ADMIN, DEMO_PASSWORD)
    phone_page.goto(f"/alliances/{demo['alliance'].pk}/plan-d-action/")
    assert_gantt_labels_apart(phone_page, 390)


def test_the_gantt_month_labels_never_overlap_on_a_laptop(page, demo):
    login(page, ASSOCIATION_ADMIN, DEMO_PASSWORD)
    page.goto(f"/alliances/{demo['alliance'].pk}/plan-d-action/")
    assert_gantt_labels_apart(page, 1280)


def focus_ring(page):
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return {
                inHeader: !!document.activeElement.closest(".site-header"),
                text: document.activeElement.textContent.trim(),
                outline: style.outlineStyle,
                width: parseFloat(style.outlineWidth),
                colour: style.outlineColor,
            };
        }"""
    )


def test_the_keyboard_focus_shows_on_the_top_menu(page, demo):
    login(page, ASSOCIATION_ADMIN, DEMO_PASSWORD)
    page.goto("/tableau-de-bord/")
    # The skip link first, then the brand, then the menu's first entry.
    for _ in range(3):
        page.keyboard.press("Tab")
    ring = focus_ring(page)
    assert ring["inHeader"], ring
    assert ring["outline"] == "solid" and ring["width"] >= 2, ring
    assert ring["colour"] == "rgb(255, 255, 255)", ring
