from django.core.management.base import BaseCommand

from privacy.retention import apply_retention


class Command(BaseCommand):
    help = "Applies the retention durations of personal data now (as the nightly job does)."

    def handle(self, *args, **options):
        run = apply_retention()
        self.stdout.write(
            f"{run.contacts_erased} contacts erased, {run.notes_deleted} relationship notes "
            f"deleted, {run.report_files_deleted} report files deleted"
        )
