"""Where is a postcode or a place? Answered offline first, then by PDOK's Locatieserver.

Order: a four-digit postcode area from the imported PC4 table (manage.py import_pc4), then an
earlier answer kept in the database, then a place name from the same table, then PDOK with a short
timeout. PDOK's answers are kept, "not found" too, so a query leaves this server once. When PDOK
cannot be reached the finder says it cannot place the query and shows every werkplaats: a slow
network must never make the page fail.
"""

import hashlib
import logging
import math
import re
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg

from werkplaatsen.geocoding_models import GeocodeAntwoord, Postcodegebied

logger = logging.getLogger(__name__)

POSTCODE_RE = re.compile(r"^([1-9][0-9]{3})\s*([A-Za-z]{2})?$")
_POINT_RE = re.compile(r"POINT\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)")
EARTH_RADIUS_M = 6_371_000
CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Locatie:
    latitude: float
    longitude: float
    naam: str


class GeocodingUnavailable(Exception):
    """PDOK did not answer in time or answered with an error: try again later, cache nothing."""


def normalize_query(query: str) -> str:
    """'8011mc', ' 8011 MC ' → '8011 MC'; 'zwolle  ' → 'zwolle'. One key per thing people mean."""
    compact = " ".join(query.split())
    match = POSTCODE_RE.match(compact)
    if match:
        digits, letters = match.groups()
        return f"{digits} {letters.upper()}" if letters else digits
    return compact.casefold()[:100]


def is_postcode(normalized: str) -> bool:
    return bool(POSTCODE_RE.match(normalized))


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> int:
    """Great-circle distance in metres (haversine): a few metres off at city scale, which is fine."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return round(2 * EARTH_RADIUS_M * math.asin(math.sqrt(a)))


def http_get(url: str, params: dict, timeout: float) -> dict:
    """The network edge: the only place that talks to PDOK. Tests replace it with recorded answers."""
    try:
        response = requests.get(url, params=params, timeout=timeout)
    except requests.RequestException as exc:
        # Not str(exc): it holds the URL, and with it what the resident typed.
        raise GeocodingUnavailable(type(exc).__name__) from exc
    if response.status_code != 200:
        raise GeocodingUnavailable(f"PDOK answered HTTP {response.status_code}")
    try:
        return response.json()
    except ValueError as exc:
        raise GeocodingUnavailable("PDOK answered something that is not JSON") from exc


def pdok_lookup(query: str) -> Locatie | None:
    """Ask PDOK's Locatieserver (free search) for a postcode or a place; None when it knows none."""
    params = {
        "q": query,
        "fq": "type:(postcode OR woonplaats)",
        "fl": "weergavenaam,type,centroide_ll",
        "rows": 1,
    }
    answer = http_get(settings.PDOK_LOCATIESERVER_URL, params, settings.PDOK_TIMEOUT_SECONDS)
    docs = answer.get("response", {}).get("docs", [])
    if not docs:
        return None
    match = _POINT_RE.search(docs[0].get("centroide_ll", ""))
    if not match:
        logger.warning("PDOK answered a document without a centroid")
        return None
    longitude, latitude = (float(v) for v in match.groups())
    return Locatie(latitude=latitude, longitude=longitude, naam=docs[0].get("weergavenaam", query))


def _from_pc4(normalized: str) -> Locatie | None:
    area = Postcodegebied.objects.filter(pc4=normalized[:4]).first()
    if area is None:
        return None
    return Locatie(area.latitude, area.longitude, f"{normalized}, {area.plaats}")


def _from_place_names(normalized: str) -> Locatie | None:
    """The middle of a town's PC4 areas, in one query."""
    centre = (
        Postcodegebied.objects.filter(plaats__iexact=normalized)
        .values("plaats")
        .annotate(latitude=Avg("latitude"), longitude=Avg("longitude"))
        .order_by("plaats")
        .first()
    )
    if centre is None:
        return None
    return Locatie(centre["latitude"], centre["longitude"], centre["plaats"])


def _locate_uncached(normalized: str) -> tuple[Locatie | None, bool]:
    """(where, whether that answer may be kept): a PDOK failure must be asked again later."""
    if is_postcode(normalized):
        found = _from_pc4(normalized)
        if found:
            return found, True
    cached = GeocodeAntwoord.objects.filter(zoekterm=normalized).first()
    if cached is not None:
        return (Locatie(cached.latitude, cached.longitude, cached.naam) if cached.gevonden else None), True
    if not is_postcode(normalized):
        found = _from_place_names(normalized)
        if found:
            return found, True
    if not settings.PDOK_ENABLED:
        return None, False
    try:
        found = pdok_lookup(normalized)
    except GeocodingUnavailable as exc:
        logger.warning("PDOK Locatieserver unavailable: %s", exc)
        return None, False
    GeocodeAntwoord.objects.update_or_create(
        zoekterm=normalized,
        defaults={
            "gevonden": found is not None,
            "naam": found.naam if found else "",
            "latitude": found.latitude if found else None,
            "longitude": found.longitude if found else None,
        },
    )
    return found, True


_MISSING = object()


def locate(query: str) -> Locatie | None:
    """Where the resident means, or None when nobody knows (or PDOK cannot be reached now)."""
    normalized = normalize_query(query)
    if not normalized:
        return None
    # The same few postcodes are searched all day: keep the answer in the cache too, "none" included.
    key = "geocode:" + hashlib.sha1(normalized.encode(), usedforsecurity=False).hexdigest()
    found = cache.get(key, _MISSING)
    if found is not _MISSING:
        return found
    found, keep = _locate_uncached(normalized)
    if keep:
        cache.set(key, found, CACHE_SECONDS)
    return found
