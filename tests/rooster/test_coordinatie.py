"""A coördinator assigns, removes and messages a shift; other users and gemeenten cannot."""

from datetime import datetime

import pytest
from django.urls import reverse

from berichten.models import Bericht
from rooster.models import Inschrijving
from rooster.services import inschrijving_maken
from tests.rooster.conftest import AMS, dienst_maken, sms_aan, vrijwilliger

VOLGENDE_WEEK = datetime(2026, 12, 1, 9, 0, tzinfo=AMS)


@pytest.fixture
def dienst(world):
    return dienst_maken(world["centrum"], VOLGENDE_WEEK, minimum=2, maximum=2)


def test_assign_a_volunteer_of_the_werkplaats(client, world, dienst):
    client.force_login(world["karin"])
    response = client.post(reverse("rooster:toewijzen", args=[dienst.pk]), {"user": world["cees"].pk}, follow=True)
    assert "De vrijwilliger staat op de dienst." in response.content.decode()
    assert Inschrijving.objects.get(dienst=dienst).user == world["cees"]
    # Someone of another werkplaats: not a person the coördinator can choose; a message, nothing changed.
    response = client.post(reverse("rooster:toewijzen", args=[dienst.pk]), {"user": world["kees_kampen"].pk})
    assert response.status_code == 422 and "werkt niet bij deze werkplaats" in response.content.decode()
    assert Inschrijving.objects.count() == 1


def test_remove_skips_the_notice_period_tells_the_volunteer_and_passes_the_place_on(client, world, dienst):
    anouk = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    inschrijving_maken(dienst_id=dienst.pk, user=world["cees"])
    bram = inschrijving_maken(dienst_id=dienst.pk, user=world["bram"], wachtlijst=True)
    world["clock"].set(VOLGENDE_WEEK.replace(hour=7))  # inside the volunteer's notice period
    client.force_login(world["karin"])
    client.post(reverse("rooster:verwijderen", args=[anouk.pk]))
    anouk.refresh_from_db()
    bram.refresh_from_db()
    assert anouk.status == "afgemeld" and bram.status == "ingeschreven"
    assert "coördinator heeft u afgemeld" in sms_aan(world["anouk"])[-1]
    assert "u staat nu ingeschreven" in sms_aan(world["bram"])[-1]


def test_message_everyone_on_the_shift_once_and_never_a_debt_word(client, world, dienst):
    inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    inschrijving_maken(dienst_id=dienst.pk, user=world["bram"])
    client.force_login(world["karin"])
    url = reverse("rooster:team_bericht", args=[dienst.pk])
    response = client.post(url, {"tekst": "De sleutel ligt bij de buren."}, follow=True)
    assert "Sms verstuurd naar 2 vrijwilliger(s)." in response.content.decode()
    client.post(url, {"tekst": "De sleutel ligt bij de buren."})  # a double tap
    assert Bericht.objects.filter(soort="dienst_wijziging").count() == 2
    response = client.post(url, {"tekst": "Vandaag veel schulden-vragen verwacht."})
    assert response.status_code == 422
    assert Bericht.objects.count() == 2


@pytest.mark.parametrize(
    ("now", "said"),
    [
        (datetime(2026, 11, 24, 22, 30, tzinfo=AMS), "Sms naar 1 vrijwilliger(s) wordt morgen om 08:00 verstuurd"),
        (datetime(2026, 11, 25, 6, 15, tzinfo=AMS), "Sms naar 1 vrijwilliger(s) wordt om 08:00 verstuurd"),
        (datetime(2026, 11, 25, 8, 0, tzinfo=AMS), "Sms verstuurd naar 1 vrijwilliger(s)."),
    ],
)
def test_a_message_in_the_quiet_hours_says_when_it_goes(client, world, dienst, now, said):
    inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    world["clock"].set(now)
    client.force_login(world["karin"])
    response = client.post(
        reverse("rooster:team_bericht", args=[dienst.pk]), {"tekst": "De sleutel ligt bij de buren."}, follow=True
    )
    html = response.content.decode()
    assert said in html
    bericht = Bericht.objects.get(soort="dienst_wijziging")
    if "08:00" in said:
        assert "Sms verstuurd" not in html
        assert bericht.niet_voor > now


@pytest.mark.parametrize("user", ["anouk", "kees_kampen"])
def test_others_cannot_assign_remove_or_message(client, world, dienst, user):
    anouk = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    client.force_login(world[user])
    assert client.post(reverse("rooster:toewijzen", args=[dienst.pk]), {"user": world["cees"].pk}).status_code == 403
    assert client.post(reverse("rooster:verwijderen", args=[anouk.pk])).status_code == 403
    assert client.post(reverse("rooster:team_bericht", args=[dienst.pk]), {"tekst": "Hallo"}).status_code == 403
    assert Inschrijving.objects.filter(status="ingeschreven").count() == 1 and not Bericht.objects.exists()


def test_a_coordinator_of_another_gemeente_gets_403(client, world, dienst):
    client.force_login(vrijwilliger("coord_kampen", world["kampen_w"], rol="coordinator"))
    assert client.post(reverse("rooster:team_bericht", args=[dienst.pk]), {"tekst": "Hallo"}).status_code == 403
