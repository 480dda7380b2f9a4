"""Test settings: fast hashing, in-memory e-mail, real PostgreSQL/Redis when given by the env."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="test-secret-key-not-for-production-0123456789")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default="/tmp/faire-alliance-test-media")
# The suite decides per test whether Celery is eager (unit) or talks to a real worker.
# A real worker started by an integration test gets CELERY_EAGER=false.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_EAGER", default=True)
# Eager tasks run on commit, inside the test; the report thread is tested on its own.
REPORTS_RENDER_IN_THREAD = False
# Redis in production keeps every key; locmem's default of 300 would cull the cached figures of
# a 200-member network mid-request and skew the query counts.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
# Every prepared read (core/prepared.py) built and compiled again at each call and compared.
PREPARED_CHECK = True
# Not on the server in the suite: a statement prepared by an earlier test on the same
# connection would change the next one's count of queries (core/tests/test_prepared.py
# tests it).
PREPARED_ON_SERVER = False
# Never the internet: the identity lookup's tests serve recorded answers from a local server.
IDENTITY_LOOKUP_URL = ""
