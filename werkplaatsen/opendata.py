"""The werkplaatsen as open data in the shape of Open Referral HSDS 3.0.

Each werkplaats is a ``service`` offered at one ``location``; its spreekuren are ``schedule``
objects with the iCal-style fields HSDS uses (freq, interval, byday, opens_at, closes_at,
valid_from, valid_to). The list is wrapped in HSDS's paged response. Identifiers are UUIDs derived
from our keys, so they stay the same between requests and releases.
"""

import uuid

from werkplaatsen.choices import Taal
from werkplaatsen.openingstijden import LAATSTE, MAANDELIJKS, OM_DE_N_WEKEN

NAMESPACE = uuid.UUID("6b1f3f0e-5c36-4e0b-9a53-3c2f1b7d2a10")
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def stable_id(kind: str, pk) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{pk}"))


def hsds_schedule(spreekuur, service_id: str) -> dict:
    byday = BYDAY[spreekuur.weekdag]
    if spreekuur.frequentie == MAANDELIJKS:
        byday = f"{'-1' if spreekuur.week_van_de_maand == LAATSTE else spreekuur.week_van_de_maand}{byday}"
    return {
        "id": stable_id("schedule", spreekuur.pk),
        "service_id": service_id,
        "valid_from": spreekuur.geldig_vanaf.isoformat() if spreekuur.geldig_vanaf else None,
        "valid_to": spreekuur.geldig_tot.isoformat() if spreekuur.geldig_tot else None,
        "dtstart": spreekuur.geldig_vanaf.isoformat() if spreekuur.geldig_vanaf else None,
        "freq": "MONTHLY" if spreekuur.frequentie == MAANDELIJKS else "WEEKLY",
        "interval": spreekuur.interval if spreekuur.frequentie == OM_DE_N_WEKEN else 1,
        "byday": byday,
        "opens_at": f"{spreekuur.opent:%H:%M}",
        "closes_at": f"{spreekuur.sluit:%H:%M}",
        "description": spreekuur.aanwezig or None,
        "attending_type": "in_person",
        "notes": "Tijden in Europe/Amsterdam; gesloten op nationale feestdagen.",
    }


def hsds_service(page, distance_m: int | None = None) -> dict:
    service_id = stable_id("service", page.pk)
    location_id = stable_id("location", page.pk)
    languages = dict(Taal.choices)
    location = {
        "id": location_id,
        "location_type": "physical",
        "name": page.title,
        "description": page.gebouw or None,
        "latitude": float(page.latitude) if page.latitude is not None else None,
        "longitude": float(page.longitude) if page.longitude is not None else None,
        "addresses": [
            {
                "id": stable_id("address", page.pk),
                "location_id": location_id,
                "address_1": page.straat,
                "city": page.plaats,
                "region": page.wijk or None,
                "state_province": "",
                "postal_code": page.postcode,
                "country": "NL",
                "address_type": "physical",
            }
        ],
        "accessibility": [
            {"id": stable_id("accessibility", page.pk), "location_id": location_id,
             "description": "Rolstoeltoegankelijk"}
        ]
        if page.rolstoeltoegankelijk
        else [],
        "languages": [
            {"id": stable_id(f"language:{code}", page.pk), "name": str(languages[code]), "code": code}
            for code in page.talen or []
            if code in languages
        ],
    }
    service = {
        "id": service_id,
        "name": page.title,
        "description": page.inleiding or None,
        "url": page.full_url,
        "status": "active",
        "organization": {"id": stable_id("gemeente", page.gemeente_id), "name": f"Gemeente {page.gemeente.naam}"},
        "schedules": [hsds_schedule(s, service_id) for s in page.spreekuren.all()],
        "service_at_locations": [
            {"id": stable_id("service_at_location", page.pk), "service_id": service_id,
             "location_id": location_id, "location": location}
        ],
    }
    if distance_m is not None:
        service["distance_m"] = distance_m
    return service


def hsds_page(services: list[dict]) -> dict:
    """HSDS's paged list response; everything fits one page at the scale of a gemeente."""
    return {
        "total_items": len(services),
        "total_pages": 1,
        "page_number": 1,
        "size": len(services),
        "first_page": True,
        "last_page": True,
        "empty": not services,
        "contents": services,
    }
