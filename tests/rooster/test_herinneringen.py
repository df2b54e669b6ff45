"""Day-before reminders through the outbox, never twice, and the JA / NEE replies."""

from datetime import datetime, timedelta

import pytest

from berichten.models import Bericht, BerichtStatus
from berichten.replies import antwoord_receive
from kern.clock import now as clock_now
from rooster.generatie import diensten_genereren
from rooster.herinneringen import herinneringen_plannen
from rooster.models import Dienst, Inschrijving
from rooster.services import inschrijving_maken
from tests.rooster.conftest import AMS, dienst_maken, sms_aan, spreekuur

DONDERDAG = datetime(2026, 11, 26, 9, 0, tzinfo=AMS)  # two days after the clock's Tuesday


@pytest.fixture
def ingeschreven(world):
    dienst = dienst_maken(world["centrum"], DONDERDAG)
    return inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])


def _herinneringen():
    return Bericht.objects.filter(soort="dienst_herinnering")


def test_reminder_is_stored_for_the_evening_before_and_only_once(world, ingeschreven):
    world["clock"].set(datetime(2026, 11, 25, 8, 0, tzinfo=AMS))
    assert herinneringen_plannen() == 1
    assert herinneringen_plannen() == 0
    [bericht] = _herinneringen()
    assert bericht.niet_voor == datetime(2026, 11, 25, 18, 0, tzinfo=AMS)
    assert bericht.sleutel == f"dienst-herinnering:{ingeschreven.pk}:0"
    assert "donderdag 26 november om 09:00" in bericht.tekst and "JA" in bericht.tekst
    assert "Werkplaats Centrum" in bericht.tekst


def test_no_reminder_without_consent(world):
    dienst = dienst_maken(world["centrum"], DONDERDAG)
    inschrijving_maken(dienst_id=dienst.pk, user=world["cees"])
    world["clock"].set(datetime(2026, 11, 25, 8, 0, tzinfo=AMS))
    assert herinneringen_plannen() == 0


def test_a_moved_shift_cancels_the_old_reminder_and_gets_a_new_one(world):
    uur = spreekuur(world["centrum"], 3, "09:00", "12:00")  # Thursdays
    diensten_genereren()
    dienst = Dienst.objects.get(begin=DONDERDAG)
    inschrijving = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    world["clock"].set(datetime(2026, 11, 25, 8, 0, tzinfo=AMS))
    herinneringen_plannen()
    uur.sluit = uur.sluit.replace(hour=11)
    uur.save()
    diensten_genereren()
    herinneringen_plannen()
    oud, nieuw = _herinneringen().order_by("pk")
    assert oud.status == BerichtStatus.CANCELLED and oud.sleutel.endswith(":0")
    assert nieuw.status == BerichtStatus.WAITING and nieuw.sleutel == f"dienst-herinnering:{inschrijving.pk}:1"


def _reply(world, user, tekst):
    Bericht.objects.filter(soort="dienst_herinnering").update(status=BerichtStatus.SENT, verzonden_op=clock_now())
    antwoord_receive(message_sid=f"SM{Bericht.objects.count()}", van=user.telefoonnummer, tekst=tekst)
    return sms_aan(user)[-1]


def test_ja_confirms(world, ingeschreven):
    world["clock"].set(datetime(2026, 11, 25, 8, 0, tzinfo=AMS))
    herinneringen_plannen()
    assert "Dank u" in _reply(world, world["anouk"], "ja")
    ingeschreven.refresh_from_db()
    assert ingeschreven.bevestigd_op is not None and ingeschreven.status == "ingeschreven"


def test_nee_inside_the_notice_period_is_refused_with_the_number(world, ingeschreven):
    world["clock"].set(datetime(2026, 11, 25, 18, 0, tzinfo=AMS))  # 15 hours before the shift
    herinneringen_plannen()
    antwoord = _reply(world, world["anouk"], "NEE")
    assert "24 uur" in antwoord and "+31612345699" in antwoord
    ingeschreven.refresh_from_db()
    assert ingeschreven.status == "ingeschreven"


def test_nee_in_time_cancels_and_says_so(world, settings, ingeschreven):
    settings.ROOSTER_HERINNERING_TIJD = "08:00"
    world["clock"].set(datetime(2026, 11, 24, 8, 30, tzinfo=AMS) + timedelta(hours=1))  # 46 h before
    herinneringen_plannen()
    assert "afgemeld" in _reply(world, world["anouk"], "Nee")
    assert Inschrijving.objects.get(pk=ingeschreven.pk).status == "afgemeld"
