"""bericht_send and bericht_cancel: what callers (rooster, inloop) can count on."""

from datetime import UTC, datetime, timedelta

import pytest

from berichten.models import Bericht, BerichtStatus, SmsStop
from berichten.outbox import berichten_dispatch
from berichten.regels import BerichtFout
from berichten.selectors import sleutels_bekend
from berichten.services import bericht_cancel, bericht_reply, bericht_send
from kern.clock import now as clock_now
from tests.berichten.conftest import MOBIEL

pytestmark = pytest.mark.django_db

DAG = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # 11:00 in Amsterdam: not quiet


def send(**kwargs):
    values = {"telefoonnummer": "06 12345678", "tekst": "Morgen 10:00 dienst. Kunt u?", "soort": "dienst"}
    values.update(kwargs)
    values.setdefault("sleutel", "dienst:1:herinnering")
    return bericht_send(**values)


def test_a_message_is_stored_in_e164_and_sent_once_however_often_it_is_asked(
    verzonden, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = send()
    with django_capture_on_commit_callbacks(execute=True):
        again = send()
    for _ in range(3):
        berichten_dispatch()

    assert first.pk == again.pk
    assert Bericht.objects.count() == 1
    assert [m["telefoonnummer"] for m in verzonden] == [MOBIEL]
    first.refresh_from_db()
    assert first.status == BerichtStatus.SENT
    assert first.provider_sid == verzonden[0]["sid"]
    assert first.pogingen == 1


def test_a_later_message_waits_for_its_time(verzonden):
    later = clock_now() + timedelta(hours=2)
    bericht = send(niet_voor=later, urgent=True)
    berichten_dispatch()
    assert verzonden == []
    berichten_dispatch(now=later + timedelta(seconds=1))
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.SENT
    assert len(verzonden) == 1


@pytest.mark.parametrize(
    "nummer",
    ["12345", "not a number", "+31 20 555 1234", "06 1234"],
    ids=["too-short", "letters", "landline", "incomplete"],
)
def test_a_number_that_cannot_get_an_sms_is_refused_with_a_clear_error(nummer):
    with pytest.raises(BerichtFout) as error:
        send(telefoonnummer=nummer)
    assert error.value.code == "nummer"
    assert "nummer" in str(error.value)
    assert not Bericht.objects.exists()


@pytest.mark.parametrize(
    "tekst",
    [
        "Uw afspraak over uw schulden is morgen om 10:00.",
        "De deurwaarder komt dinsdag; kom langs.",
        "Vragen over beslag op uw loon? Kom langs.",
        "Uw betalingsachterstand bespreken we morgen.",
        "Uw bewindvoerder belt u morgen.",
        "Over de incasso: bel ons.",
        "Dreigt een huisuitzetting? Kom langs.",
        "SCHULDHULP morgen om 10:00",
        "Uw afspraak over de afsluiting van gas is morgen.",
    ],
)
def test_a_text_that_reveals_why_someone_is_in_contact_is_refused(tekst):
    with pytest.raises(BerichtFout) as error:
        send(tekst=tekst)
    assert error.value.code == "inhoud"
    assert "niet laten zien waarom" in str(error.value)
    assert not Bericht.objects.exists()


def test_an_ordinary_text_with_an_innocent_lookalike_word_passes():
    bericht = send(tekst="Onze verontschuldigingen: de dienst van morgen begint om 10:30.")
    assert bericht.tekst.startswith("Onze")


def test_empty_and_too_long_texts_are_refused(settings):
    with pytest.raises(BerichtFout) as empty:
        send(tekst="   ")
    assert empty.value.code == "leeg"
    with pytest.raises(BerichtFout) as long:
        send(tekst="a" * (settings.BERICHTEN_MAX_TEKENS + 1))
    assert long.value.code == "lang"
    assert send(tekst="a" * settings.BERICHTEN_MAX_TEKENS).pk


def test_callers_cannot_use_the_outbox_own_kinds():
    with pytest.raises(BerichtFout):
        send(soort="sms_stop")


def test_the_outbox_own_replies_use_only_its_own_kinds_and_ignore_quiet_hours(time_machine_now):
    time_machine_now(datetime(2026, 11, 23, 22, 30, tzinfo=UTC))  # 23:30 in Amsterdam
    with pytest.raises(BerichtFout) as fout:
        bericht_reply(telefoonnummer="06 12345678", tekst="Dank u.", soort="dienst", sleutel="antwoord:x")
    assert fout.value.code == "soort"
    bericht = bericht_reply(telefoonnummer="06 12345678", tekst="Dank u.", soort="antwoord", sleutel="antwoord:y")
    assert bericht.niet_voor == datetime(2026, 11, 23, 22, 30, tzinfo=UTC)


def test_an_opted_out_number_gets_nothing_and_the_row_says_why(verzonden, django_capture_on_commit_callbacks):
    SmsStop.objects.create(telefoonnummer=MOBIEL)
    with django_capture_on_commit_callbacks(execute=True):
        bericht = send()
    berichten_dispatch()
    assert bericht.status == BerichtStatus.BLOCKED
    assert bericht.get_status_display() == "geblokkeerd: sms gestopt"
    assert verzonden == []


def test_a_number_that_opts_out_after_queueing_is_blocked_at_sending_time(verzonden):
    bericht = send(niet_voor=clock_now() + timedelta(minutes=5), urgent=True)
    Bericht.objects.filter(pk=bericht.pk).update(status=BerichtStatus.QUEUED, queued_at=clock_now())
    SmsStop.objects.create(telefoonnummer=MOBIEL)
    from berichten.outbox import berichten_send

    berichten_send(ids=[bericht.pk])
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.BLOCKED
    assert verzonden == []


def test_cancel_before_sending_stops_it_and_after_sending_says_no(verzonden):
    later = send(sleutel="dienst:2", niet_voor=clock_now() + timedelta(hours=1), urgent=True)
    assert bericht_cancel(sleutel="dienst:2") is True
    berichten_dispatch(now=clock_now() + timedelta(hours=2))
    later.refresh_from_db()
    assert later.status == BerichtStatus.CANCELLED
    assert verzonden == []

    send(sleutel="dienst:3", urgent=True)
    berichten_dispatch()
    assert bericht_cancel(sleutel="dienst:3") is False
    assert bericht_cancel(sleutel="bestaat-niet") is False
    assert len(verzonden) == 1


def amsterdam(*args) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime(*args, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.mark.parametrize(
    ("gevraagd", "verwacht"),
    [
        (amsterdam(2026, 11, 23, 20, 59), amsterdam(2026, 11, 23, 20, 59)),
        (amsterdam(2026, 11, 23, 21, 0), amsterdam(2026, 11, 24, 8, 0)),
        (amsterdam(2026, 11, 24, 3, 0), amsterdam(2026, 11, 24, 8, 0)),
        (amsterdam(2026, 11, 24, 8, 0), amsterdam(2026, 11, 24, 8, 0)),
        # The night the clocks go forward (29 March 2026, 02:00 -> 03:00): 08:00 CEST is 06:00 UTC.
        (amsterdam(2026, 3, 28, 22, 30), datetime(2026, 3, 29, 6, 0, tzinfo=UTC)),
        # The night they go back (25 October 2026, 03:00 -> 02:00): 08:00 CET is 07:00 UTC.
        (amsterdam(2026, 10, 24, 23, 15), datetime(2026, 10, 25, 7, 0, tzinfo=UTC)),
    ],
)
def test_non_urgent_messages_wait_for_the_morning(time_machine_now, gevraagd, verwacht):
    time_machine_now(gevraagd - timedelta(hours=1))
    bericht = send(niet_voor=gevraagd)
    assert bericht.niet_voor == verwacht


def test_an_urgent_message_goes_at_night(time_machine_now, verzonden):
    nacht = amsterdam(2026, 11, 23, 23, 30)
    time_machine_now(nacht)
    bericht = send(urgent=True)
    berichten_dispatch(now=nacht)
    bericht.refresh_from_db()
    assert bericht.niet_voor == nacht
    assert bericht.status == BerichtStatus.SENT


def test_the_tick_holds_non_urgent_rows_during_quiet_hours(verzonden):
    bericht = send()
    avond = amsterdam(2026, 11, 23, 22, 0)
    Bericht.objects.filter(pk=bericht.pk).update(niet_voor=avond - timedelta(hours=2))
    berichten_dispatch(now=avond)
    assert verzonden == []
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.WAITING


def test_a_job_that_reaches_a_non_urgent_row_at_night_puts_it_back_until_morning(time_machine_now, verzonden):
    from berichten.outbox import berichten_send

    bericht = send(niet_voor=clock_now() + timedelta(minutes=5))
    Bericht.objects.filter(pk=bericht.pk).update(status=BerichtStatus.QUEUED, queued_at=clock_now())
    time_machine_now(amsterdam(2026, 11, 23, 22, 30))  # Redis was down; the job runs late
    assert berichten_send(ids=[bericht.pk]) == []
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.WAITING
    assert bericht.niet_voor == amsterdam(2026, 11, 24, 8, 0)
    assert verzonden == []


def test_other_apps_ask_which_keys_the_outbox_holds_in_any_status():
    send(sleutel="dienst:1:herinnering")
    send(sleutel="dienst:2:herinnering")
    bericht_cancel(sleutel="dienst:2:herinnering")
    gevraagd = ["dienst:1:herinnering", "dienst:2:herinnering", "dienst:3:herinnering"]
    assert sleutels_bekend(sleutels=gevraagd) == {"dienst:1:herinnering", "dienst:2:herinnering"}
    assert sleutels_bekend(sleutels=[]) == set()


def test_a_message_on_the_job_queue_is_klaargezet_not_in_a_wachtrij():
    # "Wachtrij" is the walk-in queue of inloop; the outbox's RQ step has its own word.
    assert BerichtStatus.QUEUED.label == "klaargezet"
    assert Bericht._meta.get_field("queued_at").verbose_name == "klaargezet op"
