"""Where the time of each benched page goes, on a database filled by seed_scale.

    python manage.py bench_profile [--repeat 10] [--page "alliance overview" --cprofile 25]
        [--database-url faire_alliance_bench_2000]

For each key page of bench_targets (one association, the networks' heads), it times
`--repeat` requests with Django's test client after a warm-up and prints the median total,
the median time spent in SQL (timed around each query) and the rest, which is Python: views,
templates, (un)pickling. With --cprofile it also prints the top functions of one page.
Single requests, no load: `make bench` gives the figures under load.
"""

import cProfile
import io
import pstats
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from devtools.bench_database import add_database_option, use_database

from .bench_targets import _clients, _pages, _targets


class SqlTimer:
    def __init__(self):
        self.seconds, self.count = 0.0, 0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


class Command(BaseCommand):
    help = "Time the benched pages one request at a time, split between SQL and Python."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=10)
        parser.add_argument("--page", help="only this page (its name in bench_targets)")
        parser.add_argument("--cprofile", type=int, default=0, help="print the top N functions")
        parser.add_argument("--sort", default="cumulative", help="cumulative or tottime")
        add_database_option(parser)

    def handle(self, *args, repeat, page, cprofile, sort, database_url, **options):
        use_database(database_url)
        target = _targets(1)[0]
        clients = _clients(target)
        pages = [p for p in _pages(target) if page is None or p["name"] == page]
        if not pages:
            raise CommandError(f"No page named {page!r}.")
        # The fastest run too: on a shared VM the median moves by ±30 % from one minute to the
        # next, the fastest much less (what the code costs when nothing else runs).
        header = f"{'page':44} {'total ms':>9} {'SQL ms':>8} {'other ms':>9} {'queries':>8}"
        header += f" {'fastest':>8}"
        self.stdout.write(header)
        for p in pages:
            client = clients[p["who"]]
            call = client.post if p["method"] == "POST" else client.get
            response = call(p["url"], p["data"] or {})
            if response.status_code != 200:
                raise CommandError(f"{p['name']}: HTTP {response.status_code}")
            totals, sqls, count = [], [], 0
            for _ in range(repeat):
                timer = SqlTimer()
                start = time.perf_counter()
                with connection.execute_wrapper(timer):
                    call(p["url"], p["data"] or {})
                totals.append(time.perf_counter() - start)
                sqls.append(timer.seconds)
                count = timer.count
            total, sql = statistics.median(totals) * 1000, statistics.median(sqls) * 1000
            self.stdout.write(
                f"{p['name']:44} {total:9.1f} {sql:8.1f} {total - sql:9.1f} {count:8d}"
                f" {min(totals) * 1000:8.1f}"
            )
            if cprofile:
                profile = cProfile.Profile()
                profile.enable()
                call(p["url"], p["data"] or {})
                profile.disable()
                out = io.StringIO()
                pstats.Stats(profile, stream=out).sort_stats(sort).print_stats(cprofile)
                self.stdout.write(out.getvalue())
