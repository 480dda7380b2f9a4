from django.core.management.base import BaseCommand

from reports.services import requeue_stale


class Command(BaseCommand):
    help = "Sends again the reports left queued (broker down) or running past the time limit."

    def handle(self, *args, **options):
        sent = requeue_stale()
        self.stdout.write(f"{len(sent)} report(s) sent again.")
