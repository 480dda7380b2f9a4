"""Settings shared by every environment; values come from the environment (django-environ)."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env")

SECRET_KEY = env("SECRET_KEY", default="insecure-local-key-change-me-0123456789abcdef")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# « Dites-le-nous une fois »: the public API Recherche d'entreprises fills an organisation's
# identity from its SIREN, SIRET or RNA number (organisations/identity_lookup.py). Empty: off.
IDENTITY_LOOKUP_URL = env(
    "IDENTITY_LOOKUP_URL", default="https://recherche-entreprises.api.gouv.fr"
)
IDENTITY_LOOKUP_TIMEOUT = env.float("IDENTITY_LOOKUP_TIMEOUT", default=3.0)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Django's widget templates, so that templates/django/forms/ can override some of them.
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "simple_history",
    "axes",
    "csp",
    # django-ninja: its Swagger UI is served from its own static files (no CDN) when listed here.
    "ninja",
    # Project apps, lowest first: each imports only from those above it in this list.
    "core",
    "organisations",
    "accounts",
    "reports",
    "alliances",
    "diagnostics",
    "evaluation",
    "partnerspace",
    "agreements",
    "healthchecks",
    "networks",
    "api",
    "privacy",
    "notifications",
    "devtools",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Logged-in pages show tenant data: never kept by a browser's or a proxy's cache.
    "core.middleware.PrivatePagesMiddleware",
    # In place of Django's LocaleMiddleware, after authentication: the language is the one
    # the user chose (stored on them, or the cookie), never the browser's (accounts/language.py).
    "accounts.language.ChosenLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
# Widgets render through the project's templates: a select's empty choice reads « Choisir… » or
# « Non renseigné » instead of Django's « --------- » (templates/django/forms/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "organisations.context_processors.current_organisation",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Prepared reads (core/prepared.py) as prepared statements of the PostgreSQL server: off behind
# a pooler that hands a server connection to another client between transactions.
PREPARED_ON_SERVER = env.bool("DATABASE_PREPARED_STATEMENTS", default=True)
if "postgresql" in DATABASES["default"]["ENGINE"]:
    # PostgreSQL's default planner costs assume spinning disks (a random read 4 times a
    # sequential one): on SSDs, with the working set in memory, they make it scan whole tables
    # where an index would read a few rows (the network dashboard's pages 2-3 times slower).
    # 1.1 is the usual value for SSDs; a server already tuned can be followed with "".
    random_page_cost = env.str("DATABASE_RANDOM_PAGE_COST", default="1.1")
    if random_page_cost:
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options["options"] = (
            f"{options.get('options', '')} -c random_page_cost={float(random_page_cost)}".strip()
        )
if "sqlite" in DATABASES["default"]["ENGINE"]:
    # make run's default. SQLite's default (a rollback journal, transactions that take the
    # write lock only at their first write) gave « database is locked » one time in three to an
    # autosave and « Axe suivant » sent together: two transactions that had both read cannot
    # both upgrade to writing, and SQLite refuses one at once instead of waiting. A transaction
    # that takes the write lock at BEGIN (IMMEDIATE) waits its turn, up to the busy timeout;
    # WAL lets pages read while another request writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "core:home"

# Argon2 first: new and re-hashed passwords use it; the others only read old hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# django-axes: ten wrong passwords in a row lock the account (not the IP, which offices share).
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# We lock the account on purpose, not the IP: a whole office or a federation's training room
# shares one address, and one person's typos must not lock their colleagues out. axes.W006
# warns about rotating IPs to bypass *IP* limits, which we do not rely on.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_USERNAME_FORM_FIELD = "username"
# One counter per address whatever its case (accounts/lockout.py).
AXES_USERNAME_CALLABLE = "accounts.lockout.username_for_lockout"

# French for everyone until they choose English in the header or « Mon compte »; each language
# is named in itself in the menus. The choice lives on the user and in Django's language cookie.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
# English keeps day-first dates (15/08/2026, 15 August 2026), as in British English: the product
# and its data are French, and 08/15/2026 would be read wrongly next to them.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# S3-compatible media (OVH, Scaleway, MinIO…) when a bucket is configured.
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Uploads: signed conventions, evidence files. Bigger files are refused by the forms.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Faire Alliance <no-reply@faire-alliance.fr>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: without REDIS_URL, tasks run in the web process (development, demo).
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
# Results are kept only for the few tasks that ask (ignore_result=False); the database is
# the source of truth for everything else (report status, export progress).
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
# Without a broker, a PDF report is rendered by a thread of the web process after the request
# that asked for it has answered (reports/in_process.py): the click never waits for the render.
REPORTS_RENDER_IN_THREAD = CELERY_TASK_ALWAYS_EAGER
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
# A task is acknowledged when done, so a worker killed mid-task gives it back to the queue.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
# WeasyPrint holds on to memory: recycle worker processes so it comes back.
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", default=50)
# ... and a child that grows beyond 200 MB resident (KiB here) is replaced after its task. A
# child rendering reports plateaus at about 155 MB (make bench), so this only bounds a leak or
# an unusually large report; it costs no throughput in normal running.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=200_000)
# Redis answers in well under a millisecond: a call still waiting after half a second is a
# Redis down or frozen (it accepts connections and never answers), and no page may wait on it.
# A task that cannot be sent then goes to the outbox (core/outbox.py), sent again later.
REDIS_TIMEOUT = env.float("REDIS_TIMEOUT", default=0.5)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    "socket_timeout": REDIS_TIMEOUT,
    "socket_connect_timeout": REDIS_TIMEOUT,
    # A send that finds no connection fails at once (kombu would wait 2 s to try again).
    "max_retries": 0,
}
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_REDIS_SOCKET_TIMEOUT = REDIS_TIMEOUT
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = REDIS_TIMEOUT
# A send never retries inside the request: the outbox keeps what could not be sent.
CELERY_TASK_PUBLISH_RETRY = False
# Reminders every day and the weekly digest, at this hour of CELERY_TIMEZONE (Europe/Paris):
# notifications/tasks.py. The digest goes half an hour after that day's reminders.
NOTIFICATIONS_HOUR = env.int("NOTIFICATIONS_HOUR", default=7)
NOTIFICATIONS_DIGEST_WEEKDAY = env.int("NOTIFICATIONS_DIGEST_WEEKDAY", default=1)  # Monday
if not (0 <= NOTIFICATIONS_HOUR <= 23 and 0 <= NOTIFICATIONS_DIGEST_WEEKDAY <= 6):
    raise ImproperlyConfigured("NOTIFICATIONS_HOUR is 0–23, NOTIFICATIONS_DIGEST_WEEKDAY 0–6.")
CELERY_BEAT_SCHEDULE = {
    # Reports left queued while the broker was down (or whose worker died) are sent again.
    # Every 15 s: a running report whose heartbeat stopped 30 s ago is ready within a minute.
    "requeue-stale-reports": {"task": "reports.tasks.requeue_stale_reports", "schedule": 15.0},
    # Tasks and e-mails kept in the database while the broker was down (core/outbox.py).
    "deliver-outbox": {"task": "core.deliver_outbox", "schedule": 30.0},
    # Workers' heartbeats, read by /sante/.
    "worker-heartbeat": {"task": "core.worker_heartbeat", "schedule": 30.0},
    # Stored figures that change with the date alone (late actions, conventions ending, an
    # indicator's schedule), and a check of all the others: core/tasks.py.
    "refresh-stored-figures": {
        "task": "core.refresh_stored_figures",
        "schedule": crontab(hour=0, minute=5),
    },
    # How long personal data are kept (privacy/retention.py), each night after the figures.
    "apply-retention": {
        "task": "privacy.tasks.apply_retention",
        "schedule": crontab(hour=0, minute=35),
    },
    "send-reminders": {
        "task": "notifications.send_reminders",
        "schedule": crontab(hour=NOTIFICATIONS_HOUR, minute=0),
    },
    "send-weekly-digests": {
        "task": "notifications.send_weekly_digests",
        "schedule": crontab(
            hour=NOTIFICATIONS_HOUR, minute=30, day_of_week=NOTIFICATIONS_DIGEST_WEEKDAY
        ),
    },
}

# Retention of personal data, in days (privacy/retention.py, the « Données personnelles » page).
PRIVACY_RETENTION_DAYS = {
    "partner_contacts": env.int("RETENTION_PARTNER_CONTACTS_DAYS", default=3 * 365),
    "relationship_notes": env.int("RETENTION_RELATIONSHIP_NOTES_DAYS", default=3 * 365),
    "report_pdfs": env.int("RETENTION_REPORT_PDFS_DAYS", default=365),
}

# The public API (api/): requests a minute per token (api/throttle.py).
API_REQUESTS_PER_MINUTE = env.int("API_REQUESTS_PER_MINUTE", default=120)

# The cache is speed only (nothing of a page is cached today): a Redis down or frozen is a
# miss, after REDIS_TIMEOUT at most, logged once (core/cache.py).
CACHES = {
    "default": (
        {
            "BACKEND": "core.cache.QuietRedisCache",
            "LOCATION": env("CACHE_URL", default=REDIS_URL),
            "OPTIONS": {"socket_timeout": REDIS_TIMEOUT, "socket_connect_timeout": REDIS_TIMEOUT},
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        }
    )
}

# Content-Security-Policy (django-csp 4): our own origin only, no inline script.
# Inline style *attributes* stay allowed for widths of progress bars; <style> elements do not.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

INVITATION_VALIDITY = timedelta(days=14)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"weasyprint": {"level": "ERROR"}, "fontTools": {"level": "ERROR"}},
}
