"""RQ jobs for the walk-in queue; thin: load, call a service."""


from inloop.bewaartermijn import vrije_tekst_wissen
from inloop.services import wachtnummers_telefoon_wissen
from kern import clock


def wachtnummers_telefoon_wissen_job() -> int:
    """Nightly: no resident's phone number survives the day of its queue."""
    return wachtnummers_telefoon_wissen(voor=clock.today())


def vrije_tekst_wissen_job() -> dict[str, int]:
    """Nightly: notes, signals and hand-over notes past the gemeente's retention period are erased."""
    return vrije_tekst_wissen()
