from django.core.management.base import BaseCommand

from core.tasks import refresh_stored_figures


class Command(BaseCommand):
    help = (
        "Computes every stored figure again (alliance summaries, campaign scores, network "
        "benchmarks): the nightly job, run by hand after an import or a data migration."
    )

    def handle(self, *args, **options):
        for module, count in refresh_stored_figures().items():
            self.stdout.write(f"  {module}: {count}")
