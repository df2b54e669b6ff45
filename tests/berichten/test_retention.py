"""Message texts go after the retention period; who-when-status stays for statistics."""

from datetime import timedelta

import pytest

from berichten.jobs import berichten_bewaartermijn
from berichten.models import Antwoord, Bericht, BerichtStatus
from kern.clock import now as clock_now
from tests.berichten.conftest import MOBIEL

pytestmark = pytest.mark.django_db


def bericht(sleutel, dagen_oud, status=BerichtStatus.DELIVERED):
    row = Bericht.objects.create(
        telefoonnummer=MOBIEL,
        tekst="Morgen dienst.",
        soort="dienst",
        sleutel=sleutel,
        niet_voor=clock_now(),
        status=status,
    )
    Bericht.objects.filter(pk=row.pk).update(aangemaakt_op=clock_now() - timedelta(days=dagen_oud))
    return row


def test_texts_older_than_the_period_are_erased_and_metadata_kept(settings):
    settings.BERICHTEN_BEWAARTERMIJN_DAGEN = 90
    oud = bericht("oud", 91)
    jong = bericht("jong", 89)
    wacht = bericht("wacht", 120, status=BerichtStatus.WAITING)  # not sent yet: its text is still needed
    antwoord = Antwoord.objects.create(message_sid="SMx", telefoonnummer=MOBIEL, tekst="JA")
    Antwoord.objects.filter(pk=antwoord.pk).update(ontvangen_op=clock_now() - timedelta(days=100))

    assert berichten_bewaartermijn() == 2
    assert berichten_bewaartermijn() == 0  # a second run finds nothing new

    oud.refresh_from_db()
    assert oud.tekst == "" and oud.tekst_gewist_op is not None
    assert (oud.telefoonnummer, oud.soort, oud.status) == (MOBIEL, "dienst", BerichtStatus.DELIVERED)
    assert Bericht.objects.get(pk=jong.pk).tekst == "Morgen dienst."
    assert Bericht.objects.get(pk=wacht.pk).tekst == "Morgen dienst."
    antwoord.refresh_from_db()
    assert antwoord.tekst == "" and antwoord.telefoonnummer == MOBIEL


def test_the_period_is_configurable(settings):
    settings.BERICHTEN_BEWAARTERMIJN_DAGEN = 7
    row = bericht("week", 8)
    berichten_bewaartermijn()
    row.refresh_from_db()
    assert row.tekst == ""
