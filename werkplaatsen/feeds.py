"""The iCalendar of a werkplaats's coming spreekuren (closures left out), built with icalendar."""

from datetime import date, datetime, timedelta

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from kern import clock
from werkplaatsen import openingstijden

FEED_WEEKS = 12
REFRESH = timedelta(hours=12)


def vtimezone_amsterdam() -> Timezone:
    """Europe/Amsterdam as the EU rule (last Sunday of March and of October), which every client reads.

    icalendar can also derive a VTIMEZONE from zoneinfo, but as a long list of RDATEs that stops in
    2038 and that some readers (vobject among them) silently misread as permanent winter time.
    """
    zone = Timezone()
    zone.add("tzid", "Europe/Amsterdam")
    zone.add("x-lic-location", "Europe/Amsterdam")
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", timedelta(hours=1))
    summer.add("tzoffsetto", timedelta(hours=2))
    summer.add("dtstart", datetime(1981, 3, 29, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", timedelta(hours=2))
    winter.add("tzoffsetto", timedelta(hours=1))
    winter.add("dtstart", datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def openingstijden_calendar(
    page, schema: openingstijden.Schema, start: date, weeks: int = FEED_WEEKS, *, url: str | None = None
) -> bytes:
    url = url or page.full_url or None
    end = start + timedelta(weeks=weeks) - timedelta(days=1)
    calendar = Calendar.new(
        name=f"Openingstijden {page.title}",
        prodid="-//Werkplaats//Openingstijden//NL",
        refresh_interval=REFRESH,
        url=url,
        # Stable, so a client that subscribed recognises the same calendar on every refresh.
        uid=f"werkplaats-{page.pk}-openingstijden@werkplaats",
    )
    # Outlook reads its own spelling of REFRESH-INTERVAL (NAME also gets X-WR-CALNAME from icalendar).
    calendar.add("x-published-ttl", "PT12H")
    calendar.add_component(vtimezone_amsterdam())
    location = f"{page.straat}, {page.postcode} {page.plaats}"
    stamp = clock.now()
    for opening in openingstijden.occurrences(schema, start, end):
        local_begin = clock.local(opening.begin)
        event = Event.new(
            # Stable: the same opening keeps its UID when the feed is fetched again.
            uid=f"werkplaats-{page.pk}-{local_begin:%Y%m%dT%H%M}@werkplaats",
            summary=f"Spreekuur {page.title}",
            start=local_begin,
            end=clock.local(opening.einde),
            location=location,
            description=" ".join(filter(None, [opening.aanwezig, opening.bijzonder])) or None,
            stamp=stamp,
            url=url,
        )
        calendar.add_component(event)
    return calendar.to_ical()
