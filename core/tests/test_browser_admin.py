"""The Django admin as platform admins use it, on the demo's data: axe-core (WCAG 2.1 AA) on
every admin page of every registered model (index, change list, add form, a change form; a
history and a deletion page per app), and the Nu HTML Checker on them (core/tests/fixtures.py)."""

import contextlib

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import NoReverseMatch, reverse

from accounts.models import User
from core.tests.fixtures import axe_violations, login, seed_demo
from devtools.management.commands.seed_demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

PLATFORM_ADMIN = "plateforme@demo.faire-alliance.fr"


def _admin_urls(user):
    """Every admin page of each registered model that `user` may open (a 200 for them)."""
    urls = [reverse("admin:index"), reverse("admin:password_change")]
    for app_label in sorted({model._meta.app_label for model in admin.site._registry}):
        urls.append(reverse("admin:app_list", args=[app_label]))
    models = sorted(admin.site._registry, key=lambda m: (m._meta.app_label, m._meta.model_name))
    apps_seen = set()
    for model in models:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            # History and deletion pages are the same template for every model: one per app.
            pages = (
                ["change"]
                if model._meta.app_label in apps_seen
                else ["change", "history", "delete"]
            )
            apps_seen.add(model._meta.app_label)
            for page in pages:
                with contextlib.suppress(NoReverseMatch):
                    urls.append(reverse(f"{name}_{page}", args=[first.pk]))
            if model is User:
                urls.append(reverse("admin:auth_user_password_change", args=[first.pk]))
    client = Client()
    client.force_login(user)
    return [url for url in urls if client.get(url).status_code == 200]


def test_every_admin_page_a_platform_admin_opens_passes_axe(page):
    # Given the demo's data (every model has rows) and its platform admin
    seed_demo()
    urls = _admin_urls(User.objects.get(email=PLATFORM_ADMIN))
    assert len(urls) > 100, f"too few admin pages found: {len(urls)}"

    # When they open each admin page
    login(page, PLATFORM_ADMIN, DEMO_PASSWORD)
    failures = {}
    for url in urls:
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            failures[url] = violations

    # Then axe-core finds no violation on any of them
    assert not failures, _report(failures, len(urls))


def _report(failures, checked):
    """Each rule broken, the pages breaking it and a few of their elements."""
    rules = {}
    for url, violations in failures.items():
        for violation in violations:
            rules.setdefault((violation["id"], violation["help"]), []).append(
                (url, violation["nodes"][:3])
            )
    lines = [f"{len(failures)} of {checked} admin pages with violations:"]
    for (rule, help_text), pages in sorted(rules.items(), key=lambda item: -len(item[1])):
        lines.append(f"{rule} ({help_text}): {len(pages)} pages")
        lines.extend(f"    {url} {nodes}" for url, nodes in pages[:6])
    return "\n".join(lines)
