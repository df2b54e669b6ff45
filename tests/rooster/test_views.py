"""/mijn/rooster/: one tap to sign up or cancel, right status codes, nothing changed on a refusal."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse

from rooster.models import Inschrijving
from rooster.services import inschrijving_maken
from tests.helpers import queries_for
from tests.rooster.conftest import AMS, dienst_maken, vrijwilliger

VOLGENDE_WEEK = datetime(2026, 12, 1, 9, 0, tzinfo=AMS)


@pytest.fixture
def dienst(world):
    return dienst_maken(world["centrum"], VOLGENDE_WEEK, minimum=2, maximum=2)


def test_sign_up_redirects_with_a_dutch_message(client, world, dienst):
    client.force_login(world["anouk"])
    response = client.post(reverse("rooster:inschrijven", args=[dienst.pk]), follow=True)
    assert response.redirect_chain == [(reverse("rooster:overzicht"), 302)]
    assert "U bent ingeschreven" in response.content.decode()
    assert Inschrijving.objects.get(dienst=dienst).user == world["anouk"]


def test_full_shift_offers_the_waitlist_and_refuses_with_409(client, world, dienst):
    inschrijving_maken(dienst_id=dienst.pk, user=world["bram"])
    inschrijving_maken(dienst_id=dienst.pk, user=world["karin"])
    client.force_login(world["anouk"])
    page = client.get(reverse("rooster:overzicht")).content.decode()
    assert "Deze dienst is vol." in page and "Op de wachtlijst" in page
    # Co-volunteers by first name only.
    assert "Bram" in page and "Karin" in page and world["bram"].username not in page
    response = client.post(reverse("rooster:inschrijven", args=[dienst.pk]))
    assert response.status_code == 409
    assert "Deze dienst is vol" in response.content.decode()
    assert not Inschrijving.objects.filter(user=world["anouk"]).exists()
    response = client.post(reverse("rooster:inschrijven", args=[dienst.pk]), {"wachtlijst": "1"}, follow=True)
    assert "wachtlijst (plaats 1)" in response.content.decode()


def test_other_gemeente_gets_403_and_unknown_404(client, world, dienst):
    client.force_login(world["kees_kampen"])
    assert client.post(reverse("rooster:inschrijven", args=[dienst.pk])).status_code == 403
    assert client.post(reverse("rooster:inschrijven", args=[999999])).status_code == 404
    assert client.get(reverse("rooster:inschrijven", args=[dienst.pk])).status_code == 405
    assert not Inschrijving.objects.exists()


def test_login_required(client, dienst):
    response = client.get(reverse("rooster:overzicht"))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_cancel_inside_notice_period_is_409_with_the_number(client, world, dienst):
    inschrijving = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    world["clock"].set(VOLGENDE_WEEK - timedelta(hours=2))
    client.force_login(world["anouk"])
    response = client.post(reverse("rooster:afmelden", args=[inschrijving.pk]))
    assert response.status_code == 409
    assert "+31612345699" in response.content.decode()
    inschrijving.refresh_from_db()
    assert inschrijving.status == "ingeschreven"


def test_cancel_in_time_and_someone_elses_sign_up_is_404(client, world, dienst):
    inschrijving = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    client.force_login(world["bram"])
    assert client.post(reverse("rooster:afmelden", args=[inschrijving.pk])).status_code == 404
    client.force_login(world["anouk"])
    response = client.post(reverse("rooster:afmelden", args=[inschrijving.pk]), follow=True)
    assert "U bent afgemeld" in response.content.decode()
    inschrijving.refresh_from_db()
    assert inschrijving.status == "afgemeld"


def test_shift_list_has_a_query_ceiling(client, world):
    client.force_login(world["anouk"])

    def shifts(first, n):
        for day in range(first, first + n):
            d = dienst_maken(world["centrum"], VOLGENDE_WEEK + timedelta(days=day))
            inschrijving_maken(dienst_id=d.pk, user=world["bram"])
            if day % 2:
                inschrijving_maken(dienst_id=d.pk, user=world["anouk"])

    shifts(0, 2)
    client.get(reverse("rooster:overzicht"))  # warm the per-process site and locale caches
    small = queries_for(lambda: client.get(reverse("rooster:overzicht")))
    shifts(2, 12)
    large = queries_for(lambda: client.get(reverse("rooster:overzicht")))
    assert large == small
    assert small <= 12


def test_coordinator_sees_understaffed_shifts_others_get_403(client, world, dienst):
    full = dienst_maken(world["centrum"], VOLGENDE_WEEK + timedelta(days=1), minimum=1, maximum=2)
    inschrijving_maken(dienst_id=full.pk, user=world["anouk"])
    url = reverse("rooster:coordinator", args=[world["centrum"].pk])
    client.force_login(world["karin"])
    page = client.get(url).content.decode()
    assert page.count("Te weinig mensen") == 1  # the empty one, not the one with Anouk
    assert "Anouk" in page
    for user in ("anouk", "kees_kampen"):
        client.force_login(world[user])
        assert client.get(url).status_code == 403
    stranger = vrijwilliger("coord_kampen", world["kampen_w"], rol="coordinator")
    client.force_login(stranger)
    assert client.get(url).status_code == 403
    assert client.get(reverse("rooster:werkplaats_ics", args=[world["centrum"].pk])).status_code == 403


def test_coordinator_view_has_a_query_ceiling(client, world):
    client.force_login(world["karin"])
    url = reverse("rooster:coordinator", args=[world["centrum"].pk])

    def shifts(first, n):
        for day in range(first, first + n):
            d = dienst_maken(world["centrum"], VOLGENDE_WEEK + timedelta(hours=12 * day))
            inschrijving_maken(dienst_id=d.pk, user=world["anouk"] if day % 2 else world["bram"])

    shifts(0, 2)
    client.get(url)
    small = queries_for(lambda: client.get(url))
    shifts(2, 18)
    large = queries_for(lambda: client.get(url))
    assert large == small <= 12


def test_admin_settings_are_for_superusers_only(client, world):
    from tests.factories import UserFactory

    staff = UserFactory(username="staf", is_staff=True)
    client.force_login(staff)
    assert client.get("/django-beheer/rooster/bezetting/").status_code == 403
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(root)
    assert client.get("/django-beheer/rooster/bezetting/").status_code == 200


def test_a_json_client_gets_the_code_and_the_message_of_a_refusal(client, world, dienst):
    inschrijving_maken(dienst_id=dienst.pk, user=world["bram"])
    inschrijving_maken(dienst_id=dienst.pk, user=world["karin"])
    client.force_login(world["anouk"])
    response = client.post(reverse("rooster:inschrijven", args=[dienst.pk]), HTTP_ACCEPT="application/json")
    assert response.status_code == 409
    assert response.json() == {"code": "vol", "message": "Deze dienst is vol. U kunt op de wachtlijst als u wilt."}


def test_a_pin_that_is_not_four_digits_is_bad_input(client, world):
    client.force_login(world["anouk"])
    response = client.post(reverse("rooster:pincode"), {"pincode": "12a4"})
    assert response.status_code == 422 and "Een pincode is 4 cijfers." in response.content.decode()
