"""RQ jobs for the outbox: thin, they call berichten.outbox and berichten.services."""

from berichten.gateways import TijdelijkeFout
from berichten.outbox import berichten_dispatch, berichten_send
from berichten.services import berichten_bewaartermijn_toepassen, berichten_nummers_vergeten


def berichten_tick() -> int:
    """Every minute (site/cron.py): put due messages on the queue."""
    return berichten_dispatch()


def berichten_send_job(ids: list[int]) -> int:
    """Send a batch; raising makes RQ retry it (Retry with backoff), and sent rows are skipped then."""
    opnieuw = berichten_send(ids=ids)
    if opnieuw:
        raise TijdelijkeFout(f"{len(opnieuw)} of {len(ids)} messages failed transiently; retrying")
    return len(ids)


def berichten_bewaartermijn() -> int:
    """Daily (site/cron.py): erase old message texts."""
    return berichten_bewaartermijn_toepassen()


def berichten_nummers_vergeten_job() -> int:
    """Just after midnight (site/cron.py): numbers the sender asked to forget do not outlive their day."""
    return berichten_nummers_vergeten()
