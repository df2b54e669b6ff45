"""RQ jobs for the walk-in queue; thin: load, call a service."""

from django.utils import timezone

from inloop.services import wachtnummers_telefoon_wissen


def wachtnummers_telefoon_wissen_job() -> int:
    """Nightly: no resident's phone number survives the day of its queue."""
    return wachtnummers_telefoon_wissen(voor=timezone.localdate())
