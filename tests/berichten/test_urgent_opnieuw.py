"""An urgent message (a login code, "u bent bijna aan de beurt") whose job vanished goes out again
within a minute or two, not after the quarter of an hour that ordinary messages wait."""

from datetime import timedelta

import pytest

from berichten.jobs import berichten_tick
from berichten.models import Bericht, BerichtStatus
from berichten.services import bericht_send
from kern.clock import now as clock_now

pytestmark = pytest.mark.django_db


def _lost(*, urgent: bool, sleutel: str) -> Bericht:
    """A row as a job Redis lost leaves it: queued, never sent."""
    bericht = bericht_send(
        telefoonnummer="06 12345678", tekst="Uw code is 123456.", soort="inloggen", sleutel=sleutel, urgent=urgent
    )
    Bericht.objects.filter(pk=bericht.pk).update(status=BerichtStatus.QUEUED, queued_at=clock_now())
    return bericht


def test_an_urgent_row_whose_job_vanished_is_sent_within_two_minutes_and_once(verzonden, clock):
    urgent = _lost(urgent=True, sleutel="inlogcode:1")
    gewoon = _lost(urgent=False, sleutel="dienst:1")
    start = clock_now()

    clock.set(start + timedelta(seconds=30))
    berichten_tick()
    assert verzonden == []  # its job may still be running

    clock.set(start + timedelta(minutes=2))
    berichten_tick()
    urgent.refresh_from_db()
    gewoon.refresh_from_db()
    assert urgent.status == BerichtStatus.SENT
    assert gewoon.status == BerichtStatus.QUEUED  # ordinary messages keep the long timeout

    clock.set(start + timedelta(minutes=5))
    berichten_tick()
    assert len(verzonden) == 1  # sent, so never claimed again

    clock.set(start + timedelta(minutes=16))
    berichten_tick()
    gewoon.refresh_from_db()
    assert gewoon.status == BerichtStatus.SENT and len(verzonden) == 2
