"""The Django admin as platform admins use it, on the demo's data: axe-core (WCAG 2.1 AA) on
every admin page of every registered model (index, change list, add form, a change form, its
history and its deletion page), and the Nu HTML Checker on them (core/tests/fixtures.py)."""

import json

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse

from accounts.models import User
from core.tests.fixtures import axe_violations, login
from devtools.management.commands.seed_demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

PLATFORM_ADMIN = "plateforme@demo.faire-alliance.fr"


def _admin_urls(user):
    """Every admin page of each registered model that `user` may open (a 200 for them)."""
    urls = [reverse("admin:index"), reverse("admin:password_change")]
    for app_label in sorted({model._meta.app_label for model in admin.site._registry}):
        urls.append(reverse("admin:app_list", args=[app_label]))
    for model in sorted(admin.site._registry, key=lambda m: (m._meta.app_label, m._meta.model_name)):
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            for page in ("change", "history", "delete"):
                try:
                    urls.append(reverse(f"{name}_{page}", args=[first.pk]))
                except NoReverseMatch:
                    pass
            if model is User:
                urls.append(reverse("admin:auth_user_password_change", args=[first.pk]))
    client = Client()
    client.force_login(user)
    return [url for url in urls if client.get(url).status_code == 200]


def test_every_admin_page_a_platform_admin_opens_passes_axe(page):
    # Given the demo's data (every model has rows) and its platform admin
    call_command("seed_demo", verbosity=0)
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
    assert not failures, f"{len(failures)} of {len(urls)} admin pages with violations:\n" + (
        json.dumps(dict(list(failures.items())[:15]), indent=1, ensure_ascii=False)
    )
