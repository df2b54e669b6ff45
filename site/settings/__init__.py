"""Settings for Werkplaats, read from environment variables with safe development defaults.

Without any environment variable this is the embedded demo: a SQLite file, jobs run inline in the
request (no Redis), and SMS printed to the console. Production sets DJANGO_SETTINGS_MODULE to
werkplaats_site.settings.production, which refuses to start without the secrets it needs.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from kern.versie import code_version

SITE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SITE_DIR.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
# Development only; production.py demands a real one.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # Our apps first so their templates override Wagtail's and Django's.
    "werkplaats_site",
    "content",
    "werkplaatsen",
    "accounts",
    "rooster",
    "inloop",
    "berichten",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_rq",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Answers repeated finder and werkplaats-page requests before sessions and Wagtail's routing.
    "werkplaatsen.response_cache.ResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # No LocaleMiddleware (yet): until an English catalogue exists, following the browser's language
    # would only turn dates and Django's own messages English inside Dutch pages. Everything is nl.
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A broken rule that no view showed in its own form: its status and message, not a 500.
    "kern.http.DomeinFoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "werkplaats_site.urls"
WSGI_APPLICATION = "werkplaats_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# DATABASE_URL, e.g. postgres://user@127.0.0.1:5432/werkplaats. Default: a SQLite file for the demo.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/mijn/inloggen/"
LOGIN_REDIRECT_URL = "/mijn/"
OTP_TOTP_ISSUER = "Werkplaats"
# Coördinatoren, professionals, gemeente staff and editors must give a TOTP code (accounts.permissions
# .requires_two_factor). Off by default only in development, so `make demo` needs no authenticator app;
# the production settings force it on.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", not DEBUG)
# Declared by the site because they are its URL layout (site/urls.py), which accounts does not know:
# everything behind these prefixes shows or changes data that is not public...
TWO_FACTOR_PROTECTED_PREFIXES = ("/mijn/", "/beheer/", "/django-beheer/", "/django-rq/")
# ...except the Wagtail admin's own login and logout, which must work before the second factor.
TWO_FACTOR_EXEMPT_PREFIXES = ("/beheer/login/", "/beheer/logout/")

# Language and time: Dutch first, English second; stored in UTC, shown in Europe/Amsterdam.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
# site/static is found as werkplaats_site's app folder; only the vendored packages are listed here.
STATICFILES_DIRS = []
# NL Design System CSS, Leaflet and axe-core come from the npm registry (make assets). They are served
# from node_modules under vendor/ so nothing downloaded is committed.
NODE_MODULES = BASE_DIR / "node_modules"
_VENDOR = {
    "vendor/utrecht": NODE_MODULES / "@utrecht" / "component-library-css" / "dist",
    "vendor/utrecht-tokens": NODE_MODULES / "@utrecht" / "design-tokens" / "dist",
    "vendor/leaflet": NODE_MODULES / "leaflet" / "dist",
}
STATICFILES_DIRS += [(prefix, path) for prefix, path in _VENDOR.items() if path.is_dir()]
STATICFILES_FINDERS = [
    "werkplaats_site.staticfiles.VendorFileSystemFinder",  # leaves out what cannot be collected
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")

# Jobs: with REDIS_URL set, jobs go onto RQ queues served by `manage.py rqworker`. Without it (demo, a
# plain `make test`) there is no Redis and jobs run inline, in the request (JOBS_ASYNC False).
REDIS_URL = os.environ.get("REDIS_URL") or None
JOBS_ASYNC = REDIS_URL is not None
RQ_QUEUES = {
    name: {
        "URL": REDIS_URL or "redis://127.0.0.1:6379/0",
        "DEFAULT_TIMEOUT": 300,
        "ASYNC": JOBS_ASYNC,
    }
    for name in ("default", "berichten")
}
RQ_SHOW_ADMIN_LINK = True

# The cache holds what is cheap to lose and costly to compute per request (the finder's snapshot of a
# gemeente's werkplaatsen, geocoding answers, site settings). With several web processes it must be
# shared, so it lives in Redis whenever there is one; publishing a page invalidates what it changed.
# Every key carries the code version: a deploy must never unpickle what an older class wrote.
CODE_VERSION = code_version(BASE_DIR)
CACHES = {
    "default": (
        {
            # Django's RedisCache, but a Redis that is gone or hangs means misses, not 500s (site/cache.py).
            "BACKEND": "werkplaats_site.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
            "KEY_PREFIX": f"werkplaats:{CODE_VERSION}",
            "TIMEOUT": 3600,
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "werkplaats",
            "KEY_PREFIX": f"werkplaats:{CODE_VERSION}",
        }
    )
}

# SMS: "console" prints (demo), "memory" keeps them in a list (tests), "twilio" sends.
SMS_BACKEND = os.environ.get("SMS_BACKEND") or "console"
TWILIO_ACCOUNT_SID = os.environ.get("TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "")
TWILIO_MESSAGING_SERVICE_SID = os.environ.get("TWILIO_MESSAGING_SERVICE_SID", "")
TWILIO_FROM_NUMBER = os.environ.get("TWILIO_FROM_NUMBER", "")
# The URL Twilio calls, as Twilio sees it (behind a proxy it differs from what Django sees).
TWILIO_WEBHOOK_BASE_URL = os.environ.get("TWILIO_WEBHOOK_BASE_URL", "")
# SMS outbox (berichten): bodies are erased after this many days, the metadata stays for statistics.
BERICHTEN_BEWAARTERMIJN_DAGEN = int(os.environ.get("BERICHTEN_BEWAARTERMIJN_DAGEN") or 90)
BERICHTEN_MAX_TEKENS = 459  # three SMS segments of 153 GSM-7 characters

# Quiet hours, Europe/Amsterdam: nothing non-urgent from 21:00 until 08:00.
BERICHTEN_STILTE_VAN = 21
BERICHTEN_STILTE_TOT = 8
# Attempts per message (first try + RQ retries) and the pauses between them, in seconds.
BERICHTEN_POGINGEN = 4
BERICHTEN_RETRY_INTERVALLEN = [30, 120, 600]
# A queued row whose job has not finished after this long (Redis lost it) is enqueued again.
BERICHTEN_QUEUE_TIMEOUT = 900
# The same for urgent rows (login codes, "bijna aan de beurt"): after 15 minutes a login code has
# expired. The minute tick picks them up again within one or two minutes; a job that was only slow
# does no harm, as the send step sends a row once (berichten/outbox.py).
BERICHTEN_QUEUE_TIMEOUT_URGENT = 90
BERICHTEN_PER_JOB = 100  # rows per send job

# Rooster: shifts are generated this many weeks ahead; reminders go out the day before at this time.
ROOSTER_WEKEN_VOORUIT = int(os.environ.get("ROOSTER_WEKEN_VOORUIT") or 8)
ROOSTER_HERINNERING_TIJD = os.environ.get("ROOSTER_HERINNERING_TIJD") or "18:00"
# Publishing new hours or a closure regenerates the werkplaats's future shifts (and tells whoever is
# affected). Off only for bulk imports and benchmarks; run `diensten_genereren` afterwards.
ROOSTER_AUTOMATISCH = env_bool("ROOSTER_AUTOMATISCH", True)

# Geocoding for the finder: PDOK's Locatieserver, asked only for what the PC4 table and the cache of
# earlier answers do not know. PDOK_ENABLED=0 keeps the finder fully offline.
PDOK_LOCATIESERVER_URL = os.environ.get(
    "PDOK_LOCATIESERVER_URL", "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
)
PDOK_TIMEOUT_SECONDS = float(os.environ.get("PDOK_TIMEOUT_SECONDS", "2"))
PDOK_ENABLED = env_bool("PDOK_ENABLED", True)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@werkplaats.localhost")

# Wagtail
WAGTAIL_SITE_NAME = "Werkplaats"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Logs never carry personal data: phone numbers are masked by the apps before they log.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
