"""RQ jobs for the roster: thin, they call a service and let RQ retry."""

from rooster.generatie import diensten_genereren


def diensten_genereren_job(werkplaats_id: int | None = None) -> int:
    """Daily (site/cron.py), and after a change of opening hours for one werkplaats."""
    from werkplaatsen.models import WerkplaatsPage

    werkplaats = WerkplaatsPage.objects.filter(pk=werkplaats_id).first() if werkplaats_id else None
    if werkplaats_id and werkplaats is None:
        return 0
    result = diensten_genereren(werkplaats=werkplaats)
    return result.aangemaakt + result.gewijzigd + result.geannuleerd + result.hersteld


def herinneringen_job() -> int:
    """Every 15 minutes (site/cron.py): plan the day-before reminders."""
    from rooster.herinneringen import herinneringen_plannen

    return herinneringen_plannen()


def niet_gekomen_job() -> int:
    """Every half hour (site/cron.py): mark no-shows of shifts that have ended."""
    from rooster.aanwezigheid import niet_gekomen_markeren

    return niet_gekomen_markeren()
