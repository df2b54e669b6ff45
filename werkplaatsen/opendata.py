"""The werkplaatsen as open data in the shape of Open Referral HSDS 3.0.

Each werkplaats is a ``service`` offered at one ``location``; its spreekuren are ``schedule``
objects with the iCal-style fields HSDS uses (freq, interval, byday, opens_at, closes_at,
valid_from, valid_to). The list is wrapped in HSDS's paged response. Identifiers are UUIDs derived
from our keys, so they stay the same between requests and releases.

HSDS types its optional text fields as strings, never null: a field we have no value for is left
out, not sent as ``null`` (the specification's own schema rejects that).
"""

import math
import uuid

from werkplaatsen.choices import Taal
from werkplaatsen.openingstijden import LAATSTE, MAANDELIJKS, OM_DE_N_WEKEN

NAMESPACE = uuid.UUID("6b1f3f0e-5c36-4e0b-9a53-3c2f1b7d2a10")
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def stable_id(kind: str, pk) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{pk}"))


def _without_nulls(data: dict) -> dict:
    return {key: value for key, value in data.items() if value is not None}


def hsds_schedule(spreekuur, service_id: str) -> dict:
    byday = BYDAY[spreekuur.weekdag]
    if spreekuur.frequentie == MAANDELIJKS:
        byday = f"{'-1' if spreekuur.week_van_de_maand == LAATSTE else spreekuur.week_van_de_maand}{byday}"
    vanaf = spreekuur.geldig_vanaf.isoformat() if spreekuur.geldig_vanaf else None
    return _without_nulls({
        "id": stable_id("schedule", spreekuur.pk),
        "service_id": service_id,
        "valid_from": vanaf,
        "valid_to": spreekuur.geldig_tot.isoformat() if spreekuur.geldig_tot else None,
        # HSDS needs dtstart to count an interval from; every n weeks counts from geldig_vanaf.
        "dtstart": vanaf,
        "freq": "MONTHLY" if spreekuur.frequentie == MAANDELIJKS else "WEEKLY",
        "interval": spreekuur.interval if spreekuur.frequentie == OM_DE_N_WEKEN else 1,
        "byday": byday,
        "opens_at": f"{spreekuur.opent:%H:%M}",
        "closes_at": f"{spreekuur.sluit:%H:%M}",
        "description": spreekuur.aanwezig or None,
        "attending_type": "in_person",
        "notes": "Tijden in Europe/Amsterdam; gesloten op nationale feestdagen.",
    })


def hsds_organization(gemeente) -> dict:
    return {
        "id": stable_id("gemeente", gemeente.pk),
        "name": f"Gemeente {gemeente.naam}",
        # Required by HSDS; the gemeente has no text of its own, so say what it offers here.
        "description": f"Gemeente {gemeente.naam} houdt werkplaatsen geldzaken: inlooppunten in de wijk "
        "waar inwoners zonder afspraak terechtkunnen met vragen over geld.",
    }


def hsds_service(page, distance_m: int | None = None, *, url: str | None = None) -> dict:
    """One werkplaats as an HSDS service; ``url`` is its absolute address as the caller sees it."""
    service_id = stable_id("service", page.pk)
    location_id = stable_id("location", page.pk)
    languages = dict(Taal.choices)
    location = _without_nulls({
        "id": location_id,
        "location_type": "physical",
        "name": page.title,
        "description": page.gebouw or None,
        "latitude": float(page.latitude) if page.latitude is not None else None,
        "longitude": float(page.longitude) if page.longitude is not None else None,
        "addresses": [
            _without_nulls({
                "id": stable_id("address", page.pk),
                "location_id": location_id,
                "address_1": page.straat,
                "city": page.plaats,
                "region": page.wijk or None,
                # Required by HSDS, though the Netherlands addresses nothing by province.
                "state_province": "",
                "postal_code": page.postcode,
                "country": "NL",
                "address_type": "physical",
            })
        ],
        "accessibility": [
            {"id": stable_id("accessibility", page.pk), "location_id": location_id,
             "description": "Rolstoeltoegankelijk"}
        ]
        if page.rolstoeltoegankelijk
        else [],
        "languages": [
            {"id": stable_id(f"language:{code}", page.pk), "location_id": location_id,
             "name": str(languages[code]), "code": code}
            for code in page.talen or []
            if code in languages
        ],
    })
    organization = hsds_organization(page.gemeente)
    service = _without_nulls({
        "id": service_id,
        "organization_id": organization["id"],
        "name": page.title,
        "description": page.inleiding or None,
        "url": url or page.full_url,
        "status": "active",
        "organization": organization,
        "schedules": [hsds_schedule(s, service_id) for s in page.spreekuren.all()],
        "service_at_locations": [
            {"id": stable_id("service_at_location", page.pk), "service_id": service_id,
             "location_id": location_id, "location": location}
        ],
    })
    if distance_m is not None:
        service["distance_m"] = distance_m
    return service


def hsds_page(items: list, page_number: int = 1, per_page: int | None = None) -> dict:
    """HSDS's paged list response for one page of ``items`` (all of them when per_page is None).

    A page past the last one is answered as an empty page (``empty`` true), as HSDS's paged response
    describes, not as page 1; the caller refuses page numbers below 1.
    """
    per_page = per_page or max(len(items), 1)
    total_pages = max(math.ceil(len(items) / per_page), 1)
    contents = items[(page_number - 1) * per_page : page_number * per_page]
    return {
        "total_items": len(items),
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
