"""The public kiosk texts at most one "bijna aan de beurt" per number per day and a limited number of
numbers per kiosk link per hour; past a limit the ticket still comes, plainly without an SMS."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse

from berichten.models import Bericht
from inloop import services
from inloop.models import Wachtnummer
from kern.clock import now as clock_now

pytestmark = pytest.mark.django_db

GEEN_SMS = "We kunnen u vandaag geen sms sturen; let op het scherm."


@pytest.fixture
def kiosk_url(world):
    return reverse("inloop_publiek:kiosk", args=[services.kiosk_uitgeven(werkplaats=world["centrum"]).kiosk])


def _take(client, url, nummer=""):
    response = client.post(url, {"telefoonnummer": nummer})
    assert response.status_code == 200 and "Uw nummer is" in response.content.decode()
    return response.content.decode()


def test_one_sms_per_number_per_day_then_the_ticket_says_plainly_that_none_will_come(world, client, kiosk_url, clock):
    eerste = _take(client, kiosk_url, "06 12345678")
    assert "U krijgt een sms als u bijna aan de beurt bent." in eerste and GEEN_SMS not in eerste
    for _ in range(15):
        page = _take(client, kiosk_url, "06 12345678")
        assert GEEN_SMS in page and "U krijgt een sms" not in page
    assert Wachtnummer.objects.count() == 16
    assert Wachtnummer.objects.exclude(telefoonnummer="").count() + Wachtnummer.objects.filter(sms_gestuurd=True).count() == 1
    # Work the whole queue: only one SMS ever goes to that number.
    for _ in range(16):
        services.wachtnummer_roep_volgende(werkplaats=world["centrum"], door=world["vrijwilliger"])
    assert Bericht.objects.filter(telefoonnummer="+31612345678").count() == 1
    # The next day the number may ask again.
    clock.set(clock_now() + timedelta(days=7))
    assert GEEN_SMS not in _take(client, kiosk_url, "06 12345678")


def test_at_most_twenty_numbers_per_kiosk_per_hour(world, client, kiosk_url, clock):
    for i in range(20):
        assert GEEN_SMS not in _take(client, kiosk_url, f"06 100000{i:02d}")
    assert GEEN_SMS in _take(client, kiosk_url, "06 20000000")
    assert not Wachtnummer.objects.filter(telefoonnummer="+31620000000").exists()
    assert _take(client, kiosk_url)  # without a number nothing changes
    clock.set(clock_now() + timedelta(hours=1, minutes=1))
    assert GEEN_SMS not in _take(client, kiosk_url, "06 20000001")


def test_the_numbers_are_counted_without_keeping_them(world, client, kiosk_url):
    _take(client, kiosk_url, "06 12345678")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM inloop_kiosksms")
        rows = cursor.fetchall()
    assert len(rows) == 1 and not any("12345678" in str(value) for value in rows[0])
