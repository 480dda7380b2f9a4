"""`make bench`: seeds (or reuses) two databases, serves the site as production does, loads it,
counts queries, times the PDF reports, writes bench/results.json and prints a table.

Run by scripts/bench.sh, which sets the environment (see there). Exits non-zero only when
something crashes: missed targets are reported, not asserted. Everything it writes goes to
bench/ (untracked): the results, the servers' and the load's logs; the terminal shows its own
progress lines and the table only. Redis is emptied before the run and nothing of the pages
is cached: every figure is what a visit costs whatever came before it.
"""

import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

import psutil
import psycopg2
import redis

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("VENV", ROOT / ".venv"))
PY = str(VENV / "bin" / "python")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_PREFIX = os.environ.get("BENCH_DB_PREFIX", "faire_alliance_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
PORT = int(os.environ.get("BENCH_PORT", "8100"))
N = int(os.environ.get("BENCH_N", "2000"))
N_SMALL = int(os.environ.get("BENCH_N_SMALL", "200"))
# The biggest network: 500 members, 5,000 from N = 10,000 (seed_scale --big-network).
BIG_NETWORK = int(os.environ.get("BENCH_BIG_NETWORK", "5000" if N >= 10000 else "500"))
USERS = int(os.environ.get("BENCH_USERS", "10"))
DURATION = os.environ.get("BENCH_DURATION", "240s")
THINK = os.environ.get("BENCH_THINK", "0.5-1.5")
BULK = int(os.environ.get("BENCH_BULK", "200"))
# The partner directory import: rows of the spreadsheet imported (target: 10,000 in ≤ 30 s).
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "10000"))
WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", str(2 * (os.cpu_count() or 2) + 1)))
OUT = ROOT / "bench"
PASSWORD = "bench-faire-alliance-2026"

TARGET_P95_MS = 150
TARGET_RATIO = 3
TARGET_QUERIES = 20


def redis_for(n):
    """Each database its own Redis index: the caches are keyed by primary keys, which the two
    databases share (the next index for N_SMALL)."""
    if n == N:
        return REDIS_URL
    base, _, index = REDIS_URL.rpartition("/")
    return f"{base}/{int(index or 0) + 1}"


def env_for(n):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=f"{PG}/{DB_PREFIX}_{n}",
        REDIS_URL=redis_for(n),
        SECRET_KEY="bench-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="False",
        MEDIA_ROOT=str(OUT / "media"),
        PYTHONUNBUFFERED="1",
    )
    return env


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def manage(n, *args, capture=False):
    """Runs a management command on data set n; its output (but for `capture`d stdout) goes
    to bench/commands.log, not the terminal."""
    command = [PY, "manage.py", *args]
    with open(OUT / "commands.log", "a") as output:
        output.write(f"$ {' '.join(args)} (N={n})\n")
        output.flush()
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=env_for(n),
            check=True,
            stdout=subprocess.PIPE if capture else output,
            stderr=output,
            text=True,
        )
    return result.stdout if capture else ""


def big_network_for(n):
    return BIG_NETWORK if n == N else 500


def seeded(n):
    """(associations, members of the biggest network) of seed_scale's data, or None."""
    try:
        with psycopg2.connect(f"{PG}/{DB_PREFIX}_{n}") as conn, conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM alliances_association WHERE rna LIKE 'W9%%'")
            associations = cur.fetchone()[0]
            cur.execute(
                "SELECT count(*) FROM alliances_networkmembership m JOIN alliances_network n "
                "ON n.id = m.network_id WHERE n.name LIKE 'Réseau %%' "
                "GROUP BY n.id ORDER BY n.id LIMIT 1"
            )
            row = cur.fetchone()
            return associations, row[0] if row else 0
    except psycopg2.Error:
        return None


def ensure_database(n):
    """Reuse the database when it already holds seed_scale's N associations and its biggest
    network, else re-seed."""
    big = min(big_network_for(n), n // 2)
    found = seeded(n)
    if found and found[0] == n and found[1] == big:
        log(f"N={n}: reusing {DB_PREFIX}_{n}")
        manage(n, "migrate", "--noinput", "-v", "0")
        return None
    log(f"N={n}: creating {DB_PREFIX}_{n} and seeding")
    conn = psycopg2.connect(f"{PG}/postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {DB_PREFIX}_{n}")
        cur.execute(f"CREATE DATABASE {DB_PREFIX}_{n}")
    conn.close()
    manage(n, "migrate", "--noinput", "-v", "0")
    output = manage(
        n, "seed_scale", "--associations", str(n), "--big-network", str(big), capture=True
    )
    (OUT / f"seed-{n}.log").write_text(output)
    seconds = float(output.strip().splitlines()[-1].split(" in ")[1].split()[0])
    manage(n, "seed_demo", capture=True)
    log(f"N={n}: seeded in {seconds:.0f} s (bench/seed-{n}.log)")
    return seconds


def wait_http(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except Exception:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


class Sampler(threading.Thread):
    """Peaks of the summed RSS and PSS of a process and its children."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.peak_pss, self.running = pid, 0, 0, True

    def run(self):
        while self.running:
            try:
                root = psutil.Process(self.pid)
                processes = [root, *root.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in processes))
                # RSS counts the pages the forked children share with the parent once per
                # process; PSS shares them out: what the worker really costs the machine.
                pss = sum(getattr(p.memory_full_info(), "pss", 0) for p in processes)
                self.peak_pss = max(self.peak_pss, pss)
            except psutil.Error:
                # A child ended between listing and reading it (recycled after its tasks):
                # skip this sample, the next one 0.2 s later sees the new child.
                pass
            time.sleep(0.2)


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return None
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def server_latencies(access_log):
    """p50/p95 (ms) per page from gunicorn's access log: `page<TAB>status<TAB>µs<TAB>pid`.

    Each worker process's first request of a page is cold: it compiles that page's templates
    and runs its code for the first time (5 workers × 30 pages: up to 150 requests). A server
    that runs for days serves them once per worker; they are left out of the percentiles and
    reported apart (`cold_*`). Nothing else is left out: no page is cached.
    """
    rows = []
    for line in access_log.read_text().splitlines():
        parts = line.split("\t")
        if len(parts) != 5:
            continue
        stamp, page, status, micros, pid = parts
        when = datetime.strptime(stamp.strip("[]"), "%d/%b/%Y:%H:%M:%S %z")
        rows.append((when, page, int(status), int(micros) / 1000, pid))
    # The logins (deliberately slow password hashing) come first: measure after them.
    logins = [row[0] for row in rows if row[1] == "login"]
    start = max(logins) if logins else None
    by_page, cold, served = {}, {}, set()
    for when, page, status, ms, pid in rows:
        if page in ("-", "login") or (start and when <= start):
            continue
        if (pid, page) in served:
            by_page.setdefault(page, []).append((status, ms))
        else:
            served.add((pid, page))
            cold.setdefault(page, []).append((status, ms))
    result = {}
    for page, page_rows in by_page.items():
        times = [ms for _status, ms in page_rows]
        cold_times = [ms for _status, ms in cold.get(page, [])]
        result[page] = {
            "requests": len(page_rows),
            "errors": sum(1 for status, _ms in page_rows + cold.get(page, []) if status != 200),
            "p50_ms": round(percentile(times, 50), 1),
            "p95_ms": round(percentile(times, 95), 1),
            "mean_ms": round(statistics.fmean(times), 1),
            "cold_requests": len(cold_times),
            "cold_median_ms": round(statistics.median(cold_times), 1) if cold_times else None,
        }
    return result


def stop(process):
    if process and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main():
    OUT.mkdir(exist_ok=True)
    (OUT / "commands.log").write_text("")
    results = {"n": N, "n_small": N_SMALL, "users": USERS, "duration": DURATION, "think_s": THINK}
    results["seed_seconds"] = {str(N_SMALL): ensure_database(N_SMALL), str(N): ensure_database(N)}

    log("collecting static files")
    manage(N, "collectstatic", "--noinput", "-v", "0")

    # Every run starts from an empty cache: its figures do not depend on the previous run's.
    for n in (N_SMALL, N):
        redis.Redis.from_url(redis_for(n)).flushdb()

    log("counting queries at both sizes (nothing cached)")
    queries, deletion = {}, {}
    for n in (N_SMALL, N):
        data = json.loads(manage(n, "bench_targets", "--users", "1", "--queries", capture=True))
        queries[str(n)] = data["queries"]
        deletion[str(n)] = data["deletion"]
    results["queries"] = queries
    results["deletion"] = deletion

    # The weekly digest job after a week of reminders, at both sizes (rolled back: the data
    # sets are left as they were).
    log("reminders and the weekly digest (a week of reminders, then the digest job)")
    results["digests"] = {
        str(n): json.loads(manage(n, "bench_digests", "--owners", capture=True))
        for n in (N_SMALL, N)
    }
    log(f"partner directory import: {IMPORT_ROWS:,} rows of a messy CSV, then XLSX (rolled back)")
    results["partner_import"] = [
        json.loads(
            manage(
                N,
                "bench_partner_import",
                "--rows",
                str(IMPORT_ROWS),
                "--format",
                fmt,
                capture=True,
            )
        )
        for fmt in ("csv", "xlsx")
    ]

    targets_file = OUT / "targets.json"
    targets_file.write_text(manage(N, "bench_targets", "--users", str(USERS), capture=True))

    # Nothing left in the queue from an interrupted run: the worker must start idle.
    subprocess.run(
        [str(VENV / "bin" / "celery"), "-A", "config", "purge", "-f"],
        cwd=ROOT,
        env=env_for(N),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    try:
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=2)
        taken = True
    except urllib.error.HTTPError:  # an answer, even an error, is a server
        taken = True
    except OSError:
        taken = False
    if taken:
        sys.exit(f"Something already answers on port {PORT}: stop it or set BENCH_PORT.")

    access_log = OUT / "access.log"
    access_log.write_text("")
    env = env_for(N)
    gunicorn = celery = None
    try:
        log(f"starting gunicorn ({WORKERS} workers) on 127.0.0.1:{PORT} and a Celery worker")
        server_log = open(OUT / "servers.log", "w")  # noqa: SIM115 (closed with the servers)
        gunicorn = subprocess.Popen(
            [
                str(VENV / "bin" / "gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                str(WORKERS),
                "--access-logfile",
                str(access_log),
                "--access-logformat",
                "%(t)s\t%({x-bench-page}i)s\t%(s)s\t%(D)s\t%(p)s",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=server_log,
            stderr=server_log,
        )
        celery = subprocess.Popen(
            [
                str(VENV / "bin" / "celery"),
                "-A",
                "config",
                "worker",
                "--concurrency",
                "2",
                "--loglevel",
                "WARNING",
                "--without-gossip",
                "--without-mingle",
                "-n",
                f"bench-{os.getpid()}@%h",
            ],
            cwd=ROOT,
            env=env,
            stdout=server_log,
            stderr=server_log,
        )
        wait_http(f"http://127.0.0.1:{PORT}/sante/")

        log(f"load: {USERS} users for {DURATION} (locust headless)")
        load_env = dict(
            env, BENCH_TARGETS=str(targets_file), BENCH_PASSWORD=PASSWORD, BENCH_THINK=THINK
        )
        subprocess.run(
            [
                str(VENV / "bin" / "locust"),
                "-f",
                str(ROOT / "scripts" / "locustfile.py"),
                "--headless",
                "--host",
                f"http://127.0.0.1:{PORT}",
                "-u",
                str(USERS),
                "-r",
                str(USERS),
                "-t",
                DURATION,
                "--only-summary",
                "--csv",
                str(OUT / "locust"),
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env=load_env,
            check=False,
            stdout=server_log,
            stderr=server_log,
        )
        pages = server_latencies(access_log)
        floor = pages.get("floor (Mon compte)", {}).get("p95_ms")
        for figures in pages.values():
            figures["ratio_to_floor"] = round(figures["p95_ms"] / floor, 2) if floor else None
        results["pages"] = pages

        log(f"PDF reports (renders, click-to-ready, bulk of {BULK} at concurrency 2)")
        sampler = Sampler(celery.pid)
        sampler.start()
        pdf = json.loads(manage(N, "bench_reports", "--bulk", str(BULK), capture=True))
        server_log.close()
        sampler.running = False
        sampler.join()
        pdf["worker_peak_rss_mb"] = round(sampler.peak / 2**20, 1)
        pdf["worker_peak_pss_mb"] = round(sampler.peak_pss / 2**20, 1)
        results["pdf"] = pdf
    finally:
        stop(gunicorn)
        stop(celery)

    (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print_table(results)


def _small_name(name, small):
    """The same page in the small data set, whose networks have other sizes."""
    if name in small:
        return name
    matches = [other for other in small if _same_view(other) == _same_view(name)]
    return matches[0] if matches else None


def mark(ok):
    return "ok" if ok else "MISS"


def _same_view(name):
    """The network page's view without its network's size: « network () sorted by … »."""
    return re.sub(r"\(\d+\)", "()", name)


def print_table(results):
    pages, queries = results["pages"], results["queries"]
    small, large = queries[str(results["n_small"])], queries[str(results["n"])]
    # Network pages at both sizes of network in the same database: their queries must match.
    by_view = {}
    for name, count in large.items():
        by_view.setdefault(_same_view(name), set()).add(count)
    print()
    print(
        f"Pages: {results['users']} users for {results['duration']} "
        f"(think time {results['think_s']} s), N = {results['n']}; server time, gunicorn log; "
        "nothing cached (Redis emptied first)"
    )
    header = f"{'page':44}{'p50 ms':>8}{'p95 ms':>8}{'×floor':>8}{'req':>6}{'err':>5}"
    header += f"{'q@' + str(results['n_small']):>7}{'q@' + str(results['n']):>8}"
    header += f"{'cold':>6}{'ms':>7}  target"
    print(header)
    print("-" * len(header))
    for name in [*large, *[p for p in pages if p not in large]]:
        fig = pages.get(name, {})
        p95, ratio = fig.get("p95_ms"), fig.get("ratio_to_floor")
        q1, q2 = small.get(_small_name(name, small)), large.get(name)
        ok = (
            p95 is not None
            and fig.get("errors", 0) == 0
            and (name.startswith("floor") or (ratio is not None and ratio <= TARGET_RATIO))
            and (q1 is None or q1 == q2)
            and len(by_view.get(_same_view(name), {q2})) == 1
            and (q2 or 0) <= TARGET_QUERIES
        )
        print(
            f"{name:44}{fig.get('p50_ms', '-'):>8}{p95 if p95 is not None else '-':>8}"
            f"{ratio if ratio is not None else '-':>8}{fig.get('requests', 0):>6}"
            f"{fig.get('errors', 0):>5}{q1 if q1 is not None else '-':>7}"
            f"{q2 if q2 is not None else '-':>8}{fig.get('cold_requests', 0):>6}"
            f"{fig.get('cold_median_ms') or '-':>7}"
            f"  {mark(ok)}"
        )
    print(
        "cold: each gunicorn worker's first request of the page (its templates compiled), "
        "left out of p50/p95; ms: their median. q@: SQL queries of one visit (the network "
        f"pages of the N = {results['n_small']} data set are those of its biggest network)."
    )
    for n, figures in results.get("deletion", {}).items():
        print(
            f"deleting an alliance and its {figures['measurements']} measurements (N = {n}): "
            f"{figures['queries']} queries, {figures['history_rows']} of them its rows' history"
        )
    print()
    print("Partner directory import (upload + dry run + import, rolled back)")
    for figures in results.get("partner_import", []):
        print(
            f"  {figures['rows']:,} rows, {figures['format']:<4}  {figures['total_s']:>7} s   "
            f"{mark(figures['total_s'] <= 30)} (≤ 30 s; upload {figures['upload_s']} s, "
            f"dry run {figures['dry_run_s']} s, import {figures['import_s']} s: "
            f"{figures['created']} added, {figures['merged']} completed, "
            f"{figures['refused']} refused)"
        )
    pdf = results["pdf"]
    print()
    print("PDF reports")
    print(
        f"  diagnostic render, median of 5   {pdf['diagnostic_render_median_s']:>7} s   "
        f"{mark(pdf['diagnostic_render_median_s'] <= 1.5)} (≤ 1.5 s)"
    )
    print(f"  evaluation render, median of 5   {pdf['evaluation_render_median_s']:>7} s")
    for code in ("dossier", "network"):
        if f"{code}_render_median_s" in pdf:
            print(f"  {code + ' render, median of 5':<32} {pdf[f'{code}_render_median_s']:>7} s")
    # Tagged PDF/UA-1 against the same untagged, interleaved in the same run: at most + 20 %.
    for code in ("diagnostic", "evaluation", "dossier", "network"):
        if f"{code}_untagged_median_s" in pdf:
            growth = pdf[f"{code}_render_median_s"] / pdf[f"{code}_untagged_median_s"] - 1
            print(
                f"  {code + ' tagged vs untagged':<32} {growth:>+7.0%}     "
                f"{mark(growth <= 0.2)} (≤ +20 %)"
            )
    print(
        f"  click to ready (idle worker)     {pdf['click_to_ready_s']:>7} s   "
        f"{mark(pdf['click_to_ready_s'] <= 3)} (≤ 3 s)"
    )
    if "bulk_per_minute" in pdf:
        print(
            f"  bulk {pdf['bulk_reports']} reports, concurrency 2  "
            f"{pdf['bulk_per_minute']:>7} /min "
            f"{mark((pdf['bulk_per_minute'] or 0) >= 60)} (≥ 60/min; {pdf['bulk_ready']} ready, "
            f"{pdf['bulk_failed']} failed, {pdf['bulk_seconds']} s)"
        )
    # The target is read on PSS: the summed RSS counts each page the forked children share with
    # the master once per process (three times here), PSS counts it once, split among them.
    print(
        f"  worker peak memory (PSS, all)    {pdf['worker_peak_pss_mb']:>7} MB  "
        f"{mark(pdf['worker_peak_pss_mb'] <= 400)} (≤ 400 MB)"
    )
    print(
        f"  worker peak memory (RSS summed)  {pdf['worker_peak_rss_mb']:>7} MB  "
        "(shared pages counted once per process)"
    )
    print()
    print("Reminders and weekly digest (a week of reminders decided, then the digest job)")
    for n, figures in results.get("digests", {}).items():
        digest, reminders = figures["digest"], figures["reminders"]
        print(
            f"  N = {n}: {reminders['recorded']} reminders in 7 daily runs "
            f"({reminders['seconds_for_7_days']} s, {reminders['queries_for_7_days']} queries); "
            f"digest to {digest['people']} people in {digest['total_seconds']} s "
            f"(job {digest['job_seconds']} s, e-mails {digest['emails_rendered_and_sent_seconds']}"
            f" s), {digest['queries']} queries  {mark(digest['total_seconds'] < 60)} (< 60 s)"
        )
    seeds = {k: v for k, v in results["seed_seconds"].items() if v is not None}
    if seeds:
        print("Seeding: " + ", ".join(f"N={k} in {v} s" for k, v in seeds.items()))
    print(f"Figures written to {OUT / 'results.json'}")


if __name__ == "__main__":
    # Stopped by a signal (even when started in the background), still stop what it started.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        main()
    except Exception as error:  # a crash: non-zero
        print(f"bench crashed: {error}", file=sys.stderr)
        raise
