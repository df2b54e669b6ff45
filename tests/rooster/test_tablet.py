"""The sign-in tablet: first name + PIN, hashed, locked after five wrong tries, secret link."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse

from rooster.models import Inschrijving, Pincode
from rooster.services import RoosterFout, inschrijving_maken
from rooster.tablet import pincode_instellen, tablet_uitgeven
from tests.rooster.conftest import AMS, dienst_maken

BEGIN = datetime(2026, 12, 1, 9, 0, tzinfo=AMS)


@pytest.fixture
def tablet(client, world):
    dienst = dienst_maken(world["centrum"], BEGIN)
    inschrijving = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    pincode_instellen(user=world["anouk"], pin="4821")
    world["clock"].set(BEGIN - timedelta(minutes=15))
    return reverse("rooster:tablet", args=[tablet_uitgeven(werkplaats=world["centrum"])]), inschrijving


def test_first_name_and_pin_sign_in_then_out(client, world, tablet):
    url, inschrijving = tablet
    response = client.post(url, {"voornaam": "anouk ", "pincode": "4821"})
    assert response.status_code == 200 and "Welkom, Anouk. U bent ingecheckt." in response.content.decode()
    inschrijving.refresh_from_db()
    assert inschrijving.status == "aanwezig" and inschrijving.ingecheckt_op == BEGIN - timedelta(minutes=15)
    world["clock"].set(BEGIN + timedelta(hours=3) - timedelta(minutes=1))
    assert "Tot ziens, Anouk. U bent uitgecheckt." in client.post(url, {"voornaam": "Anouk", "pincode": "4821"}).content.decode()


def test_pin_is_stored_hashed_and_must_be_four_digits(world):
    pincode_instellen(user=world["bram"], pin="1234")
    assert "1234" not in Pincode.objects.get(user=world["bram"]).pin_hash
    with pytest.raises(RoosterFout, match="4 cijfers"):
        pincode_instellen(user=world["bram"], pin="12a4")


def test_wrong_pin_and_unknown_name_say_the_same_and_change_nothing(client, world, tablet):
    url, inschrijving = tablet
    wrong = client.post(url, {"voornaam": "Anouk", "pincode": "0000"})
    unknown = client.post(url, {"voornaam": "Zora", "pincode": "4821"})
    assert wrong.status_code == unknown.status_code == 400
    assert "Naam of pincode klopt niet." in wrong.content.decode() and "Naam of pincode klopt niet." in unknown.content.decode()
    assert 'value="Anouk"' in wrong.content.decode()  # what was typed stays
    inschrijving.refresh_from_db()
    assert inschrijving.status == "ingeschreven"


def test_a_right_pin_without_a_shift_near_says_so_and_when_the_next_one_is(client, world, tablet):
    url, inschrijving = tablet
    world["clock"].set(BEGIN - timedelta(hours=5))  # the same morning, far too early
    response = client.post(url, {"voornaam": "Anouk", "pincode": "4821"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Naam of pincode klopt niet" not in page
    assert "u heeft nu geen dienst hier" in page and "dinsdag 1 december om 09:00" in page
    inschrijving.refresh_from_db()
    assert inschrijving.status == "ingeschreven"
    # A wrong PIN is still just wrong, and counts.
    wrong = client.post(url, {"voornaam": "Anouk", "pincode": "0000"}).content.decode()
    assert "Naam of pincode klopt niet." in wrong
    assert Pincode.objects.get(user=world["anouk"]).mislukte_pogingen == 1


def test_locked_after_five_wrong_tries_until_a_new_pin(client, world, tablet):
    url, inschrijving = tablet
    for _ in range(5):
        client.post(url, {"voornaam": "Anouk", "pincode": "0000"})
    response = client.post(url, {"voornaam": "Anouk", "pincode": "4821"})
    # The tablet must not tell a passer-by that Anouk is on shift: a locked PIN is just "klopt niet".
    page = response.content.decode()
    assert response.status_code == 400 and "Naam of pincode klopt niet." in page and "geblokkeerd" not in page
    assert Inschrijving.objects.get(pk=inschrijving.pk).status == "ingeschreven"
    client.force_login(world["anouk"])
    # Anouk learns it in Mijn rooster, with the way out.
    mijn = client.get(reverse("rooster:overzicht")).content.decode()
    assert "Uw pincode is geblokkeerd" in mijn
    client.post(reverse("rooster:pincode"), {"pincode": "5555"})
    assert "Uw pincode is geblokkeerd" not in client.get(reverse("rooster:overzicht")).content.decode()
    client.logout()
    assert "Welkom" in client.post(url, {"voornaam": "Anouk", "pincode": "5555"}).content.decode()


def test_unknown_or_replaced_link_is_404_and_only_coordinators_issue_links(client, world, tablet):
    url, _inschrijving = tablet
    assert client.get(reverse("rooster:tablet", args=["niet-geldig"])).status_code == 404
    client.force_login(world["anouk"])
    assert client.post(reverse("rooster:tablet_uitgeven", args=[world["centrum"].pk])).status_code == 403
    client.force_login(world["karin"])
    page = client.post(reverse("rooster:tablet_uitgeven", args=[world["centrum"].pk])).content.decode()
    assert 'id="tabletlink"' in page
    client.logout()
    assert client.get(url).status_code == 404


def test_the_tablet_has_its_own_path_and_the_old_kiosk_link_on_a_tablet_still_works(client, world, tablet):
    url, inschrijving = tablet
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert url == f"/mijn/rooster/tablet/{token}/"
    old = f"/mijn/rooster/kiosk/{token}/"
    assert client.get(old).status_code == 308 and client.get(old)["Location"] == url
    # A sign-in posted to the old link follows the redirect with its form (308 keeps POST).
    response = client.post(old, {"voornaam": "Anouk", "pincode": "4821"}, follow=True)
    assert response.redirect_chain == [(url, 308)] and "Welkom, Anouk" in response.content.decode()
