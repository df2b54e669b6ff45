"""Reads about werkplaatsen with rules: the finder, a werkplaats page, the open data."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kern import clock
from werkplaatsen import geocoding, openingstijden, snapshot
from werkplaatsen.models import Gemeente, WerkplaatsPage


def gemeente_for_site(site) -> Gemeente | None:
    if site is None:
        return None
    return Gemeente.objects.filter(site=site).first()


@dataclass
class FinderResult:
    werkplaats: WerkplaatsPage
    status: openingstijden.Status
    status_tekst: str
    afstand_m: int | None = None

    @property
    def afstand_tekst(self) -> str:
        if self.afstand_m is None:
            return ""
        if self.afstand_m < 1000:
            return f"{round(self.afstand_m, -1):.0f} m"
        return f"{self.afstand_m / 1000:.1f} km".replace(".", ",")


@dataclass
class FinderAnswer:
    results: list[FinderResult] = field(default_factory=list)
    locatie: geocoding.Locatie | None = None
    # The query could not be placed: the page says so and shows every werkplaats.
    onbekend: bool = False

    @property
    def nearest_open(self) -> FinderResult | None:
        """Open now and nearest (or first); what a resident in a hurry needs first."""
        return next((r for r in self.results if r.status.is_open), None)

    @property
    def first_to_open(self) -> FinderResult | None:
        upcoming = [r for r in self.results if r.status.volgende is not None]
        if not upcoming:
            return None
        # Sooner wins; within a few minutes of each other the nearer one does.
        return min(upcoming, key=lambda r: (r.status.volgende.begin, r.afstand_m or 0))


def _matches(page: WerkplaatsPage, schema, filters: dict, moment: datetime) -> bool:
    if filters.get("rolstoel") and not page.rolstoeltoegankelijk:
        return False
    if filters.get("taal") and filters["taal"] not in (page.talen or []):
        return False
    if filters.get("onderwerp") and filters["onderwerp"] not in (page.onderwerpen or []):
        return False
    if filters.get("dag") is not None and not openingstijden.open_on_weekday(schema, filters["dag"], moment):
        return False
    return not (filters.get("open_vandaag") and not openingstijden.opens_today(schema, moment))


def werkplaatsen_nearest(
    *, site_id: int, query: str = "", lat: float | None = None, lon: float | None = None,
    filters: dict | None = None, moment: datetime | None = None,
) -> FinderAnswer:
    """The werkplaatsen of the gemeente whose site this is: nearest first when we know where the resident is."""
    moment = moment or clock.now()
    filters = filters or {}
    answer = FinderAnswer()
    if lat is not None and lon is not None:
        answer.locatie = geocoding.Locatie(lat, lon, "")
    elif query.strip():
        answer.locatie = geocoding.locate(query)
        answer.onbekend = answer.locatie is None
    for page in snapshot.werkplaatsen_snapshot(site_id):
        schema = openingstijden.Schema.of(page)
        if not _matches(page, schema, filters, moment):
            continue
        state = openingstijden.status(schema, moment)
        result = FinderResult(page, state, openingstijden.status_text(state, moment))
        if answer.locatie and page.latitude is not None and page.longitude is not None:
            result.afstand_m = geocoding.distance_m(
                answer.locatie.latitude, answer.locatie.longitude, float(page.latitude), float(page.longitude)
            )
        answer.results.append(result)
    if answer.locatie:
        answer.results.sort(key=lambda r: (r.afstand_m is None, r.afstand_m or 0, r.werkplaats.title))
    return answer


def werkplaats_detail(page: WerkplaatsPage, moment: datetime | None = None, *, request=None) -> dict:
    """What a werkplaats page shows beside its own fields: status, week table, coming exceptions."""
    from werkplaatsen.links import page_absolute_url
    from werkplaatsen.structured_data import werkplaats_jsonld

    moment = moment or clock.now()
    today = clock.local(moment).date()
    schema = openingstijden.Schema.of(page)
    state = openingstijden.status(schema, moment)
    return {
        "today": today,
        "status": state,
        "status_tekst": openingstijden.status_text(state, moment),
        "weekrooster": openingstijden.weekly_rows(schema, today),
        "uitzonderingen": openingstijden.upcoming_exceptions(schema, today),
        "komende_openingen": list(openingstijden.occurrences(schema, today, today + timedelta(days=13))),
        "jsonld": werkplaats_jsonld(page, schema, today, url=page_absolute_url(page, request)),
    }




def werkplaatsen_open_today(*, site_id: int, moment: datetime | None = None) -> list[FinderResult]:
    """The werkplaatsen still open or opening later today, soonest first: the home page's short list."""
    moment = moment or clock.now()
    today = clock.local(moment).date()
    results = []
    for page in snapshot.werkplaatsen_snapshot(site_id):
        schema = openingstijden.Schema.of(page)
        remaining = [o for o in openingstijden.openings_on(schema, today) if o.einde > moment]
        if remaining:
            state = openingstijden.status(schema, moment)
            results.append((remaining[0].begin, FinderResult(page, state, openingstijden.status_text(state, moment))))
    return [result for _begin, result in sorted(results, key=lambda pair: (pair[0], pair[1].werkplaats.title))]


def werkplaatsen_opened_today(*, site_id: int, moment: datetime | None = None) -> bool:
    """Whether any werkplaats opened (or opens) today at all: "none open today" is not "all closed now"."""
    today = clock.local(moment or clock.now()).date()
    return any(
        openingstijden.openings_on(openingstijden.Schema.of(page), today)
        for page in snapshot.werkplaatsen_snapshot(site_id)
    )
