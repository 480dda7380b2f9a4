from django.core.management.base import BaseCommand
from django.db import transaction

from core.navigation import app_hooks
from core.tasks import refresh_stored_figures

DEMO_PASSWORD = "demo-faire-alliance-2026"


class Command(BaseCommand):
    help = "Creates (or refreshes) the demo organisations, accounts and data. Idempotent."

    def handle(self, *args, **options):
        from organisations.demo import seed_organisations

        with transaction.atomic():
            demo = seed_organisations(DEMO_PASSWORD)
            # Each app adds what its screens need, lowest layer first (INSTALLED_APPS).
            for seed in app_hooks("demo", "seed"):
                seed(demo)
        # The seeds write rows directly: every stored figure is computed once they are in.
        refresh_stored_figures()
        # Reports last: they read the stored figures.
        from devtools.demo_reports import seed_reports

        seed_reports(demo)
        self.stdout.write(
            self.style.SUCCESS(f"\nDemo data ready. Accounts (password for all: {DEMO_PASSWORD}):")
        )
        for label, user in demo.accounts.items():
            self.stdout.write(f"  {label:<28} {user.email}")
        self.stdout.write("Open http://127.0.0.1:8000 and log in with one of them.\n")
