"""bericht_send(nummer_wissen=True): once the message is final the row keeps neither number nor text.
The tests read the raw rows, as someone with the database would."""

from datetime import UTC, datetime

import pytest
from django.db import connection

from berichten.gateways import PermanenteFout, memory_gateway
from berichten.models import Bericht, BerichtStatus
from berichten.outbox import berichten_dispatch
from berichten.services import (
    bericht_cancel,
    bericht_send,
    bericht_status_update,
    berichten_nummers_vergeten,
    sms_stop_register,
)
from tests.berichten.conftest import MOBIEL

pytestmark = pytest.mark.django_db


def _rij(pk: int) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute("SELECT telefoonnummer, tekst, status FROM berichten_bericht WHERE id = %s", [pk])
        return cursor.fetchone()


def _send(**kwargs):
    values = {
        "telefoonnummer": MOBIEL,
        "tekst": "U bent bijna aan de beurt. Uw nummer is 7.",
        "soort": "wachtrij",
        "sleutel": "wachtrij:abc",
        "urgent": True,
        "nummer_wissen": True,
    }
    values.update(kwargs)
    return bericht_send(**values)


def test_a_sent_message_forgets_its_number_and_text(verzonden, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        bericht = _send()
    assert [v["telefoonnummer"] for v in verzonden] == [MOBIEL], "it was sent to the number first"
    assert _rij(bericht.pk) == ("", "", BerichtStatus.SENT)
    # A delivery callback still finds the row by the provider's id.
    sid = Bericht.objects.get(pk=bericht.pk).provider_sid
    assert bericht_status_update(provider_sid=sid, twilio_status="delivered")
    assert _rij(bericht.pk) == ("", "", BerichtStatus.DELIVERED)


def test_an_ordinary_message_keeps_its_number(verzonden, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        bericht = _send(nummer_wissen=False)
    assert _rij(bericht.pk)[0] == MOBIEL


def test_a_cancelled_message_forgets_its_number():
    bericht = _send(niet_voor=datetime(2026, 11, 23, 15, 0, tzinfo=UTC), urgent=False)
    assert _rij(bericht.pk)[0] == MOBIEL, "waiting: the number is still needed"
    assert bericht_cancel(sleutel="wachtrij:abc")
    assert _rij(bericht.pk) == ("", "", BerichtStatus.CANCELLED)


def test_a_message_that_failed_for_good_forgets_its_number(monkeypatch, django_capture_on_commit_callbacks):
    def refuse(*, telefoonnummer, tekst):
        raise PermanenteFout("Invalid 'To' Phone Number", code="21211")

    monkeypatch.setattr(memory_gateway(), "send", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        bericht = _send()
    assert _rij(bericht.pk) == ("", "", BerichtStatus.UNDELIVERABLE)


def test_an_opted_out_number_is_blocked_and_forgotten_on_the_message():
    sms_stop_register(telefoonnummer=MOBIEL)
    bericht = _send()
    assert _rij(bericht.pk) == ("", "", BerichtStatus.BLOCKED)


def test_the_nightly_sweep_forgets_rows_that_never_became_final(clock):
    bericht = _send(niet_voor=datetime(2026, 11, 23, 15, 0, tzinfo=UTC), urgent=False)
    Bericht.objects.filter(pk=bericht.pk).update(status=BerichtStatus.QUEUED)  # a job Redis lost
    assert berichten_nummers_vergeten() == 0, "still today: it may yet go out"
    clock.set(datetime(2026, 11, 24, 2, 30, tzinfo=UTC))  # 03:30 the next night
    assert berichten_nummers_vergeten() == 1
    assert _rij(bericht.pk) == ("", "", BerichtStatus.CANCELLED)
    assert berichten_dispatch(now=datetime(2026, 11, 24, 9, 0, tzinfo=UTC)) == 0


def test_a_retry_of_a_forgotten_message_is_refused():
    from berichten.services import bericht_retry

    bericht = _send(niet_voor=datetime(2026, 11, 23, 15, 0, tzinfo=UTC), urgent=False)
    Bericht.objects.filter(pk=bericht.pk).update(status=BerichtStatus.FAILED, telefoonnummer="", tekst="")
    assert not bericht_retry(bericht=Bericht.objects.get(pk=bericht.pk))
