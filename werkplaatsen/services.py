"""Writes about werkplaatsen that have rules."""

import csv
from collections.abc import Iterable
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from kern.fouten import DomeinFout, Soort
from werkplaatsen.geocoding_models import Postcodegebied

REQUIRED_COLUMNS = {"pc4", "plaats", "latitude", "longitude"}


class CsvImportError(DomeinFout):
    """A CSV that cannot be imported; the message says which line and why."""

    soort = Soort.ONGELDIG


def _rows(lines: Iterable[str]) -> list[Postcodegebied]:
    reader = csv.DictReader(lines)
    missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
    if missing:
        raise CsvImportError(
            _("Kolommen ontbreken: %(kolommen)s") % {"kolommen": ", ".join(sorted(missing))}, "kolommen_ontbreken"
        )
    areas = {}
    for line_number, row in enumerate(reader, start=2):
        pc4 = (row["pc4"] or "").strip()
        try:
            latitude, longitude = float(row["latitude"]), float(row["longitude"])
        except (TypeError, ValueError):
            raise CsvImportError(
                _("Regel %(n)d: breedte- of lengtegraad is geen getal.") % {"n": line_number}, "coordinaat_ongeldig"
            ) from None
        if len(pc4) != 4 or not pc4.isdigit() or pc4[0] == "0":
            raise CsvImportError(
                _("Regel %(n)d: '%(pc4)s' is geen postcode van vier cijfers.") % {"n": line_number, "pc4": pc4},
                "postcode_ongeldig",
            )
        if not (50.5 <= latitude <= 53.7 and 3.2 <= longitude <= 7.3):
            raise CsvImportError(
                _("Regel %(n)d: deze plek ligt niet in Nederland.") % {"n": line_number}, "buiten_nederland"
            )
        areas[pc4] = Postcodegebied(pc4=pc4, plaats=row["plaats"].strip(), latitude=latitude, longitude=longitude)
    return list(areas.values())


@transaction.atomic
def postcodegebieden_import(*, path: Path) -> int:
    """Load PC4 centroids (columns pc4, plaats, latitude, longitude); all or nothing. Returns the count."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        areas = _rows(handle)
    Postcodegebied.objects.bulk_create(
        areas,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["pc4"],
        update_fields=["plaats", "latitude", "longitude"],
    )
    return len(areas)
