"""Settings for the finder benchmark: the project's own, plus one bare view as the baseline."""

from werkplaats_site.settings import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench_urls"
# Request logging to the console would measure the terminal, not the application.
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
