# Sourced by `make test`: points the suite at the real PostgreSQL and Redis.
# Starts them when they are down; under CI=true a missing service is a failure,
# elsewhere the suite falls back to SQLite and eager Celery, loudly.

export DATABASE_URL="${DATABASE_URL:-${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/faire_alliance}}"
export REDIS_URL="${REDIS_URL:-${TEST_REDIS_URL:-redis://127.0.0.1:6379/0}}"

pg_up() { python3 - "$DATABASE_URL" <<'PY'
import socket, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
try:
    socket.create_connection((u.hostname or "127.0.0.1", u.port or 5432), timeout=2).close()
except OSError:
    sys.exit(1)
PY
}
redis_up() { python3 - "$REDIS_URL" <<'PY'
import socket, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
try:
    s = socket.create_connection((u.hostname or "127.0.0.1", u.port or 6379), timeout=2)
    s.sendall(b"PING\r\n"); ok = s.recv(16).startswith(b"+PONG"); s.close()
    sys.exit(0 if ok else 1)
except OSError:
    sys.exit(1)
PY
}

if [[ "$DATABASE_URL" == postgres* ]] && ! pg_up; then
  echo "PostgreSQL is down: starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql 2>/dev/null | head -n1)" main start 2>/dev/null || true
  sleep 2
fi
if ! redis_up; then
  echo "Redis is down: starting it"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null 2>&1 || true
  sleep 1
fi

missing=""
[[ "$DATABASE_URL" == postgres* ]] && ! pg_up && missing="$missing PostgreSQL"
redis_up || missing="$missing Redis"
if [ -n "$missing" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "ERROR: missing services under CI:$missing. The integration tests need them." >&2
    return 1 2>/dev/null || exit 1
  fi
  echo "################################################################################"
  echo "# WARNING: missing services:$missing."
  echo "# Falling back to SQLite and eager Celery; integration tests will be SKIPPED."
  echo "################################################################################"
  export DATABASE_URL="sqlite:////tmp/faire-alliance-test.sqlite3"
  export REDIS_URL=""
  export FA_SERVICES_MISSING=1
else
  echo "Tests run against $DATABASE_URL and $REDIS_URL"
fi
