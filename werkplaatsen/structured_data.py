"""schema.org JSON-LD for a werkplaats page, so search engines and assistants know when it is open."""

from datetime import date, timedelta

from kern import clock
from werkplaatsen import openingstijden
from werkplaatsen.choices import Taal

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# How far ahead dated hours are published (non-weekly spreekuren, closures and holidays).
DATED_DAYS = 56


def _hours(opens, closes) -> dict:
    return {"opens": f"{opens:%H:%M}", "closes": f"{closes:%H:%M}"}


def _closed(van: date, tot: date) -> dict:
    # schema.org's way to say "closed on these days": opens and closes at midnight.
    return {
        "@type": "OpeningHoursSpecification",
        "validFrom": van.isoformat(),
        "validThrough": tot.isoformat(),
        "opens": "00:00",
        "closes": "00:00",
    }


def opening_hours(schema: openingstijden.Schema, today: date) -> tuple[list[dict], list[dict]]:
    """(openingHoursSpecification, specialOpeningHoursSpecification) for the coming weeks."""
    regular, special = [], []
    end = today + timedelta(days=DATED_DAYS)
    for spreekuur in schema.spreekuren:
        if spreekuur.geldig_tot and spreekuur.geldig_tot < today:
            continue
        if spreekuur.frequentie == openingstijden.WEKELIJKS:
            spec = {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[spreekuur.weekdag]}",
                **_hours(spreekuur.opent, spreekuur.sluit),
            }
            if spreekuur.geldig_vanaf:
                spec["validFrom"] = spreekuur.geldig_vanaf.isoformat()
            if spreekuur.geldig_tot:
                spec["validThrough"] = spreekuur.geldig_tot.isoformat()
            regular.append(spec)
    # schema.org has no "every other week": those spreekuren are published as dated hours.
    for opening in openingstijden.occurrences(schema, today, end):
        day = opening.dag
        is_weekly = any(
            s.frequentie == openingstijden.WEKELIJKS and openingstijden.occurs_on(s, day)
            for s in schema.spreekuren
        )
        if opening.bijzonder or not is_weekly:
            special.append({
                "@type": "OpeningHoursSpecification",
                "validFrom": day.isoformat(),
                "validThrough": day.isoformat(),
                **_hours(clock.local(opening.begin), clock.local(opening.einde)),
            })
    for van, tot, _reden, hours in openingstijden.upcoming_exceptions(schema, today, DATED_DAYS):
        if hours is None:
            special.append(_closed(van, tot))
    return regular, special


def werkplaats_jsonld(page, schema: openingstijden.Schema, today: date, *, url: str | None = None) -> dict:
    url = url or page.full_url or ""
    regular, special = opening_hours(schema, today)
    languages = dict(Taal.choices)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "@id": f"{url}#werkplaats",
        "name": page.title,
        "url": url,
        "isAccessibleForFree": True,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": page.straat,
            "postalCode": page.postcode,
            "addressLocality": page.plaats,
            "addressCountry": "NL",
        },
        "availableLanguage": [
            {"@type": "Language", "name": str(languages[code]), "alternateName": code}
            for code in page.talen or []
            if code in languages
        ],
        "amenityFeature": [
            {"@type": "LocationFeatureSpecification", "name": "Rolstoeltoegankelijk", "value": True}
        ]
        if page.rolstoeltoegankelijk
        else [],
        "openingHoursSpecification": regular,
        "specialOpeningHoursSpecification": special,
    }
    if page.inleiding:
        data["description"] = page.inleiding
    if page.telefoon:
        data["telephone"] = page.telefoon
    if page.latitude is not None and page.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    return data
