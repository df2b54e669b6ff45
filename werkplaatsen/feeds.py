"""The iCalendar of a werkplaats's coming spreekuren (closures left out), built with icalendar."""

from datetime import date, timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from werkplaatsen import openingstijden

FEED_WEEKS = 12
REFRESH = timedelta(hours=12)


def openingstijden_calendar(page, schema: openingstijden.Schema, start: date, weeks: int = FEED_WEEKS) -> bytes:
    end = start + timedelta(weeks=weeks) - timedelta(days=1)
    calendar = Calendar.new(
        name=f"Openingstijden {page.title}",
        prodid="-//Werkplaats//Openingstijden//NL",
        refresh_interval=REFRESH,
        url=page.full_url or None,
        # Stable, so a client that subscribed recognises the same calendar on every refresh.
        uid=f"werkplaats-{page.pk}-openingstijden@werkplaats",
    )
    # Outlook reads its own spelling of REFRESH-INTERVAL (NAME also gets X-WR-CALNAME from icalendar).
    calendar.add("x-published-ttl", "PT12H")
    location = f"{page.straat}, {page.postcode} {page.plaats}"
    stamp = timezone.now()
    for opening in openingstijden.occurrences(schema, start, end):
        local_begin = openingstijden.local(opening.begin)
        event = Event.new(
            # Stable: the same opening keeps its UID when the feed is fetched again.
            uid=f"werkplaats-{page.pk}-{local_begin:%Y%m%dT%H%M}@werkplaats",
            summary=f"Spreekuur {page.title}",
            start=local_begin,
            end=openingstijden.local(opening.einde),
            location=location,
            description=" ".join(filter(None, [opening.aanwezig, opening.bijzonder])) or None,
            stamp=stamp,
            url=page.full_url or None,
        )
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
