"""The optional "you're next" SMS: one text when a number is next in line, and the number forgotten."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from berichten.models import Bericht
from inloop import services
from inloop.jobs import wachtnummers_telefoon_wissen_job
from inloop.models import Wachtnummer

T0 = datetime(2026, 4, 2, 8, 0, tzinfo=UTC)


def texts_to(nummer: str) -> list[str]:
    return list(Bericht.objects.filter(telefoonnummer=nummer).order_by("pk").values_list("tekst", flat=True))


def test_the_resident_gets_one_sms_when_next_and_the_number_is_then_erased(world):
    centrum, v = world["centrum"], world["vrijwilliger"]
    services.wachtnummer_trekken(werkplaats=centrum, nu=T0)
    services.wachtnummer_trekken(werkplaats=centrum, nu=T0 + timedelta(minutes=1))
    mine = services.wachtnummer_trekken(werkplaats=centrum, nu=T0 + timedelta(minutes=2), telefoonnummer="+31612345678")
    assert texts_to("+31612345678") == [], "two people are still ahead"
    services.wachtnummer_roep_volgende(werkplaats=centrum, door=v, nu=T0 + timedelta(minutes=5))
    assert texts_to("+31612345678") == [], "one person is still ahead"
    services.wachtnummer_roep_volgende(werkplaats=centrum, door=v, nu=T0 + timedelta(minutes=9))
    assert texts_to("+31612345678") == [
        "U bent bijna aan de beurt bij Werkplaats Centrum. Uw nummer is 3. Komt u naar de balie?"
    ]
    mine.refresh_from_db()
    assert mine.telefoonnummer == "" and mine.sms_gestuurd, "the number is forgotten once it has served"
    assert Bericht.objects.get(telefoonnummer="+31612345678").urgent, "quiet hours do not hold up a queue"
    # Calling someone else out of turn does not text the same person twice.
    services.wachtnummer_trekken(werkplaats=centrum, nu=T0 + timedelta(minutes=10))
    services.wachtnummer_roep(wachtnummer=Wachtnummer.objects.get(nummer=4), door=v, nu=T0 + timedelta(minutes=11))
    assert len(texts_to("+31612345678")) == 1


def test_a_number_called_before_its_sms_is_forgotten_too(world):
    centrum, v = world["centrum"], world["vrijwilliger"]
    services.wachtnummer_trekken(werkplaats=centrum, nu=T0)
    services.wachtnummer_trekken(werkplaats=centrum, nu=T0, telefoonnummer="+31612345678")
    first = Wachtnummer.objects.get(nummer=1)
    second = Wachtnummer.objects.get(nummer=2)
    services.wachtnummer_roep(wachtnummer=second, door=v, nu=T0 + timedelta(minutes=1))
    second.refresh_from_db()
    assert second.telefoonnummer == ""
    assert texts_to("+31612345678") == [], "called directly: no SMS needed"
    assert first.status == Wachtnummer.Status.WACHTEND


def test_numbers_left_from_yesterday_are_wiped_at_night(world):
    services.wachtnummer_trekken(werkplaats=world["centrum"], nu=T0)
    services.wachtnummer_trekken(werkplaats=world["centrum"], nu=T0, telefoonnummer="+31612345678")
    assert Wachtnummer.objects.exclude(telefoonnummer="").count() == 1
    assert wachtnummers_telefoon_wissen_job() == 1
    assert not Wachtnummer.objects.exclude(telefoonnummer="").exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [("038 123 4567", "Dit is geen mobiel nummer"), ("+1 202 555 0123", "rest van de EU"), ("abc", "geen telefoonnummer")],
)
def test_the_kiosk_refuses_a_number_it_cannot_text_and_hands_out_nothing(world, client, typed, message):
    token = services.kiosk_uitgeven(werkplaats=world["centrum"]).kiosk
    response = client.post(reverse("inloop_publiek:kiosk", args=[token]), {"telefoonnummer": typed})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Wachtnummer.objects.exists()


def test_the_kiosk_takes_a_number_with_or_without_a_phone(world, client):
    token = services.kiosk_uitgeven(werkplaats=world["centrum"]).kiosk
    url = reverse("inloop_publiek:kiosk", args=[token])
    plain = client.post(url, {"telefoonnummer": ""}).content.decode()
    assert "U krijgt een sms" not in plain
    with_phone = client.post(url, {"telefoonnummer": "06 12345678"}).content.decode()
    assert "U krijgt een sms als u bijna aan de beurt bent." in with_phone
    assert Wachtnummer.objects.get(nummer=2).telefoonnummer == "+31612345678"


def test_the_outbox_row_forgets_the_number_and_its_key_leads_nowhere(world, django_capture_on_commit_callbacks):
    """The kiosk promises the number is gone the same day: the outbox row too, and its key must not
    lead back to the ticket (and so to the visit and its topics)."""
    from django.db import connection

    centrum, v = world["centrum"], world["vrijwilliger"]
    services.wachtnummer_trekken(werkplaats=centrum, nu=T0)
    mine = services.wachtnummer_trekken(werkplaats=centrum, nu=T0, telefoonnummer="+31612345678")
    with django_capture_on_commit_callbacks(execute=True):
        services.wachtnummer_roep_volgende(werkplaats=centrum, door=v, nu=T0 + timedelta(minutes=5))
    with connection.cursor() as cursor:
        cursor.execute("SELECT telefoonnummer, tekst, sleutel, status FROM berichten_bericht WHERE soort = 'wachtrij'")
        [(telefoonnummer, tekst, sleutel, status)] = cursor.fetchall()
    assert status == "sent"
    assert (telefoonnummer, tekst) == ("", "")
    assert str(mine.pk) not in sleutel.split(":") and str(mine.nummer) not in sleutel.split(":")
    # A second ticket gets an unrelated key.
    services.wachtnummer_trekken(werkplaats=centrum, nu=T0, telefoonnummer="+31612345679")
    services.wachtnummer_roep_volgende(werkplaats=centrum, door=v, nu=T0 + timedelta(minutes=6))
    sleutels = list(Bericht.objects.filter(soort="wachtrij").values_list("sleutel", flat=True))
    assert len(set(sleutels)) == 2
