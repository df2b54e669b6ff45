"""No app reads the wall clock or the database's clock: every rule asks kern.clock.

A source scan, because one forgotten ``timezone.now()`` is exactly the kind of fault that only shows
at night or on the day the clocks change (CI also runs the suite under faketime for that reason).
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["kern", "site", "werkplaatsen", "accounts", "rooster", "inloop", "berichten", "content"]
# The clock itself is the one place that reads the wall clock.
ALLOWED = {Path("kern/clock.py")}

FORBIDDEN = {
    "timezone.now": re.compile(r"\btimezone\.now\b"),
    "timezone.localdate() / localtime() without a moment": re.compile(r"\btimezone\.local(date|time)\(\s*\)"),
    "default=timezone.localdate": re.compile(r"\btimezone\.local(date|time)\b(?!\()"),
    "datetime.now / utcnow / today": re.compile(r"\bdatetime\.(now|utcnow|today)\("),
    "date.today": re.compile(r"\bdate\.today\("),
    "time.time": re.compile(r"\btime\.time\("),
    "auto_now on Django's DateTimeField (use kern.fields.ClockDateTimeField)": re.compile(
        r"models\.DateTimeField\([^\n]*auto_now"
    ),
    "Django's Now() (pass the clock's value)": re.compile(r"(?<![\w.])Now\(\)"),
    "SQL's NOW() or CURRENT_DATE (pass the clock's value)": re.compile(
        r"\bCURRENT_(DATE|TIMESTAMP)\b|\bNOW\(\)|\bnow\(\)\s*[-+]\s*interval"
    ),
}


def wall_clock_reads(source: str) -> list[tuple[int, str]]:
    """(line number, what) for every read of a clock other than kern.clock in ``source``."""
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        code = line.split("#", 1)[0]
        for what, pattern in FORBIDDEN.items():
            if pattern.search(code):
                found.append((number, what))
    return found


def _app_sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "migrations" in relative.parts or relative in ALLOWED:
                continue
            yield relative, path.read_text()


def test_no_app_reads_a_clock_other_than_kern_clock():
    offenders = [
        f"{relative}:{number}: {what}"
        for relative, source in _app_sources()
        for number, what in wall_clock_reads(source)
    ]
    assert offenders == [], "read the time with kern.clock instead:\n" + "\n".join(offenders)


@pytest.mark.parametrize(
    "line",
    [
        "now = timezone.now()",
        "aangemaakt = models.DateTimeField(default=timezone.now)",
        "sinds = models.DateField(default=timezone.localdate)",
        "today = timezone.localdate()",
        "stamp = datetime.now(tz=AMSTERDAM)",
        "day = date.today()",
        "t = time.time()",
        'gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)',
        ".filter(verloopt__gt=Now())",
        'cursor.execute("DELETE FROM x WHERE t < NOW() - interval \'1 day\'")',
        "WHERE datum = CURRENT_DATE",
    ],
)
def test_the_scan_catches_each_way_of_reading_the_wall_clock(line):
    assert wall_clock_reads(line)


def test_the_scan_lets_the_one_clock_through():
    assert not wall_clock_reads("now = clock.now()\nday = clock.local(moment).date()  # not timezone.now()")
