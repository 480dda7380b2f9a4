#!/usr/bin/env bash
# `make bench`: see scripts/bench.py. Needs PostgreSQL and Redis (started when down, as for
# the tests). Everything it starts (gunicorn, one Celery worker, locust) stops when it ends.
# Everything it writes goes to bench/ (untracked): results.json, the servers' and commands' logs.
# Knobs: BENCH_N (2000; 10000 for the scale run), BENCH_BIG_NETWORK (members of the biggest
# network: 500, 5000 from BENCH_N=10000), BENCH_N_SMALL (200), BENCH_USERS (10),
# BENCH_DURATION (240s),
# BENCH_BULK (200), BENCH_PORT (8100), BENCH_PG (postgres://postgres@127.0.0.1:5432),
# BENCH_DB_PREFIX (faire_alliance_bench → faire_alliance_bench_2000 and _200),
# BENCH_REDIS_URL (redis://127.0.0.1:6379/6; index 7 for BENCH_N_SMALL).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
export VENV
BENCH_PG="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
BENCH_REDIS_URL="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/6}"
export BENCH_PG BENCH_REDIS_URL
# Start PostgreSQL and Redis when they are down (shared with `make test`).
DATABASE_URL="$BENCH_PG/postgres" REDIS_URL="$BENCH_REDIS_URL" source scripts/test-services.sh >/dev/null
exec "$VENV/bin/python" scripts/bench.py
