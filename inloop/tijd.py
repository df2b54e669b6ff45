"""Days, weeks and hours as the werkplaats lives them: Europe/Amsterdam, whatever the server's zone."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def lokaal(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def vandaag(nu: datetime | None = None) -> date:
    """The werkplaats's calendar day: a queue started at 00:30 Amsterdam time belongs to that day."""
    return lokaal(nu or timezone.now()).date()


def week_van(moment: datetime | date) -> date:
    """The Monday of the (ISO) week in Amsterdam that ``moment`` falls in."""
    day = lokaal(moment).date() if isinstance(moment, datetime) else moment
    return day - timedelta(days=day.weekday())


def uur_van(moment: datetime) -> int:
    return lokaal(moment).hour


def dag_grenzen(day: date) -> tuple[datetime, datetime]:
    """Start and end of a local day as aware datetimes (23 or 25 hours long on clock-change days)."""
    start = datetime.combine(day, datetime.min.time(), tzinfo=AMSTERDAM)
    end = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=AMSTERDAM)
    return start, end
