"""The queue: numbers per day in Amsterdam, calling, finishing, the kiosk link and the screen."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse

from inloop import selectors, services
from inloop.models import Bezoek, BezoekTelling, Kiosk, Wachtnummer
from inloop.services import InloopFout
from kern.clock import AMSTERDAM
from tests.helpers import queries_for


def test_numbers_start_at_one_each_amsterdam_day(world):
    centrum = world["centrum"]
    # 22:30 UTC on 28 March is 23:30 in Amsterdam; 23:30 UTC is already 00:30 on the 29th.
    first = services.wachtnummer_trekken(werkplaats=centrum, nu=datetime(2026, 3, 28, 22, 30, tzinfo=UTC))
    second = services.wachtnummer_trekken(werkplaats=centrum, nu=datetime(2026, 3, 28, 22, 40, tzinfo=UTC))
    next_day = services.wachtnummer_trekken(werkplaats=centrum, nu=datetime(2026, 3, 28, 23, 30, tzinfo=UTC))
    other = services.wachtnummer_trekken(werkplaats=world["zuid"], nu=datetime(2026, 3, 28, 22, 45, tzinfo=UTC))
    assert (first.nummer, second.nummer, next_day.nummer, other.nummer) == (1, 2, 1, 1)


def test_call_next_serve_and_the_visit_gets_the_measured_times(world):
    centrum, v = world["centrum"], world["vrijwilliger"]
    t0 = datetime(2026, 4, 2, 8, 0, tzinfo=UTC)
    n1 = services.wachtnummer_trekken(werkplaats=centrum, nu=t0)
    services.wachtnummer_trekken(werkplaats=centrum, nu=t0 + timedelta(minutes=1))
    called = services.wachtnummer_roep_volgende(werkplaats=centrum, door=v, nu=t0 + timedelta(minutes=9))
    assert called.pk == n1.pk and called.status == Wachtnummer.Status.GEROEPEN
    services.wachtnummer_afronden(
        wachtnummer=called, door=v, status="geholpen", nu=t0 + timedelta(minutes=31)
    )
    bezoek = services.bezoek_log(
        werkplaats=centrum,
        door=v,
        onderwerpen=[world["onderwerpen"]["belasting"]],
        uitkomst="ter_plekke",
        duur_minuten=5,  # ignored: the queue measured it
        wachtnummer=Wachtnummer.objects.get(pk=n1.pk),
    )
    assert bezoek.wachttijd_seconden == 9 * 60
    assert bezoek.duur_minuten == 22
    with pytest.raises(InloopFout, match="al vastgelegd"):
        services.bezoek_log(
            werkplaats=centrum, door=v, onderwerpen=[world["onderwerpen"]["belasting"]], uitkomst="ter_plekke",
            wachtnummer=Wachtnummer.objects.get(pk=n1.pk),
        )


def test_call_a_specific_number_and_it_cannot_be_called_twice(world):
    centrum = world["centrum"]
    services.wachtnummer_trekken(werkplaats=centrum)
    n2 = services.wachtnummer_trekken(werkplaats=centrum)
    services.wachtnummer_roep(wachtnummer=n2, door=world["vrijwilliger"])
    with pytest.raises(InloopFout, match="wacht niet meer"):
        services.wachtnummer_roep(wachtnummer=n2, door=world["vrijwilliger2"])
    assert services.wachtnummer_roep_volgende(werkplaats=centrum, door=world["vrijwilliger2"]).nummer == 1


def test_no_show_is_counted_and_transfer_needs_a_professional(world):
    centrum, v = world["centrum"], world["vrijwilliger"]
    n1 = services.wachtnummer_trekken(werkplaats=centrum)
    n2 = services.wachtnummer_trekken(werkplaats=centrum)
    services.wachtnummer_roep(wachtnummer=n1, door=v)
    services.wachtnummer_afronden(wachtnummer=n1, door=v, status="niet_verschenen")
    assert BezoekTelling.objects.get(dimensie=BezoekTelling.Dimensie.NIET_VERSCHENEN).aantal == 1
    services.wachtnummer_roep(wachtnummer=n2, door=v)
    with pytest.raises(InloopFout, match="aan wie"):
        services.wachtnummer_afronden(wachtnummer=n2, door=v, status="overgedragen")
    services.wachtnummer_afronden(wachtnummer=n2, door=v, status="overgedragen", overgedragen_aan="budgetcoach")
    assert Wachtnummer.objects.get(pk=n2.pk).overgedragen_aan == "budgetcoach"


def test_a_volunteer_of_another_werkplaats_cannot_work_this_queue(world):
    n = services.wachtnummer_trekken(werkplaats=world["centrum"])
    with pytest.raises(InloopFout):
        services.wachtnummer_roep_volgende(werkplaats=world["centrum"], door=world["vrijwilliger_kampen"])
    with pytest.raises(InloopFout):
        services.wachtnummer_roep(wachtnummer=n, door=world["vrijwilliger_kampen"])


def _gesprekken(world, t0, minuten):
    centrum, v = world["centrum"], world["vrijwilliger"]
    for i in range(len(minuten) + 1):
        services.wachtnummer_trekken(werkplaats=centrum, nu=t0 + timedelta(minutes=i))
    start = t0 + timedelta(minutes=5)
    for duur in minuten:
        n = services.wachtnummer_roep_volgende(werkplaats=centrum, door=v, nu=start)
        start += timedelta(minutes=duur)
        services.wachtnummer_afronden(wachtnummer=n, door=v, status="geholpen", nu=start)
    return start


def test_no_estimate_until_three_talks_are_done_today(world):
    t0 = datetime(2026, 4, 2, 8, 0, tzinfo=UTC)
    # One talk of zero minutes used to promise "0 minuten".
    nu = _gesprekken(world, t0, [0])
    stand = selectors.wachtrij_stand(werkplaats_id=world["centrum"].pk, nu=nu)
    assert stand.geschatte_wachttijd(1) is None
    assert selectors.scherm_stand(werkplaats_id=world["centrum"].pk, nu=nu)["wachttijd"] is None


def test_the_estimate_is_a_range_from_todays_talks(world):
    t0 = datetime(2026, 4, 2, 8, 0, tzinfo=UTC)
    nu = _gesprekken(world, t0, [10, 20, 30])
    stand = selectors.wachtrij_stand(werkplaats_id=world["centrum"].pk, nu=nu)
    assert stand.gesprek_minuten == 20
    assert len(stand.wachtend) == 1
    laag, hoog = stand.geschatte_wachttijd(2)
    # Second in line, one volunteer: one talk to wait out at least, two at most.
    assert laag % 5 == 0 and hoog % 5 == 0 and laag < hoog
    assert 10 <= laag <= 15 and 45 <= hoog <= 55
    assert selectors.wachttijd_tekst((laag, hoog)) == f"Wachttijd: ongeveer {laag} tot {hoog} minuten."
    assert selectors.wachttijd_tekst((0, 10)) == "Wachttijd: minder dan 10 minuten."


def test_kiosk_hands_out_numbers_without_login_and_a_rotated_link_stops_working(world, client):
    token = services.kiosk_uitgeven(werkplaats=world["centrum"]).kiosk
    url = reverse("inloop_publiek:kiosk", args=[token])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 200 and "Uw nummer is" in response.content.decode()
    assert Wachtnummer.objects.get().nummer == 1
    services.kiosk_vernieuwen(werkplaats=world["centrum"], door=world["coordinator"], oorsprong="x")
    assert client.post(url).status_code == 404
    assert Wachtnummer.objects.count() == 1
    with pytest.raises(InloopFout):
        services.kiosk_vernieuwen(werkplaats=world["centrum"], door=world["vrijwilliger"], oorsprong="x")


def test_screen_shows_called_numbers_and_polls_a_small_json(world, client):
    token = services.kiosk_uitgeven(werkplaats=world["centrum"]).scherm
    for _ in range(3):
        services.wachtnummer_trekken(werkplaats=world["centrum"])
    services.wachtnummer_roep_volgende(werkplaats=world["centrum"], door=world["vrijwilliger"])
    page = client.get(reverse("inloop_publiek:scherm", args=[token])).content.decode()
    assert '<meta http-equiv="refresh" content="5">' in page
    # Full screen in the waiting room: no site header, menu or footer around the numbers.
    assert "site-header" not in page and "site-footer" not in page and "scherm-pagina" in page
    data = client.get(reverse("inloop_publiek:scherm_status", args=[token])).json()
    assert data["geroepen"] == [1] and data["wachtend"] == 2
    assert "2 personen wachten" in data["tekst"]
    assert client.get(reverse("inloop_publiek:scherm_status", args=["fout"])).status_code == 404


def test_queue_page_flow_serve_leads_to_the_prefilled_log_form(world, client):
    client.force_login(world["vrijwilliger"])
    n = services.wachtnummer_trekken(werkplaats=world["centrum"])
    url = reverse("inloop:wachtrij", args=[world["centrum"].pk])
    assert client.post(url, {"actie": "volgende"}).status_code == 302
    response = client.post(url, {"actie": "geholpen", "wachtnummer": n.pk})
    assert response.status_code == 302 and f"wachtnummer={n.pk}" in response["Location"]
    form_page = client.get(response["Location"]).content.decode()
    assert "de tijden zijn al bekend" in form_page and 'name="duur_minuten"' not in form_page
    data = {"onderwerpen": [world["onderwerpen"]["schulden"].pk], "uitkomst": "ter_plekke", "eerste_bezoek": "nee",
            "taal": "nl", "wachtnummer": n.pk}
    assert client.post(response["Location"], data).status_code == 302
    assert Bezoek.objects.get().wachtnummer_id == n.pk
    # Calling next on an empty queue is a clear 409, nothing changes.
    response = client.post(url, {"actie": "volgende"})
    assert response.status_code == 409 and "Er wacht niemand" in response.content.decode()


def test_queue_page_query_count_does_not_grow_with_the_queue(world, client):
    client.force_login(world["vrijwilliger"])
    url = reverse("inloop:wachtrij", args=[world["centrum"].pk])
    services.wachtnummer_trekken(werkplaats=world["centrum"])
    client.get(url)
    small = queries_for(lambda: client.get(url))
    for _ in range(20):
        services.wachtnummer_trekken(werkplaats=world["centrum"])
    for _ in range(5):
        n = services.wachtnummer_roep_volgende(werkplaats=world["centrum"], door=world["vrijwilliger2"])
        services.wachtnummer_afronden(wachtnummer=n, door=world["vrijwilliger2"], status="geholpen")
    services.wachtnummer_roep_volgende(werkplaats=world["centrum"], door=world["vrijwilliger"])
    large = queries_for(lambda: client.get(url))
    assert large == small, (small, large)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_volunteers_calling_next_at_once_get_different_numbers(world):
    centrum = world["centrum"]
    for _ in range(2):
        services.wachtnummer_trekken(werkplaats=centrum)
    services.wachtnummer_trekken(werkplaats=centrum)  # make sure the day's queue row exists
    volunteers = [world["vrijwilliger"], world["vrijwilliger2"]]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def call(user):
        try:
            barrier.wait(timeout=10)
            results.append(services.wachtnummer_roep_volgende(werkplaats=centrum, door=user).nummer)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=call, args=(u,)) for u in volunteers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    assert sorted(results) == [1, 2]
    assert set(Wachtnummer.objects.filter(status="geroepen").values_list("geroepen_door", flat=True)) == {
        u.pk for u in volunteers
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_kiosks_taking_a_number_at_once_get_different_numbers(world):
    centrum = world["centrum"]
    barrier = threading.Barrier(4)
    results, errors = [], []

    def take():
        try:
            barrier.wait(timeout=10)
            results.append(services.wachtnummer_trekken(werkplaats=centrum).nummer)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == [] and sorted(results) == [1, 2, 3, 4]


def test_kiosk_model_has_a_long_random_token(world):
    a = services.kiosk_uitgeven(werkplaats=world["centrum"])
    b = services.kiosk_uitgeven(werkplaats=world["zuid"])
    assert len({a.kiosk, a.scherm, b.kiosk, b.scherm}) == 4 and min(len(a.kiosk), len(a.scherm)) >= 32
    assert Kiosk.objects.count() == 2


def test_the_kiosk_hands_out_no_numbers_while_the_werkplaats_is_closed(world, client, clock):
    token = services.kiosk_uitgeven(werkplaats=world["centrum"]).kiosk
    url = reverse("inloop_publiek:kiosk", args=[token])
    clock.set(datetime(2026, 11, 24, 19, 0, tzinfo=AMSTERDAM))  # Tuesday evening, closed since 17:00
    page = client.get(url).content.decode()
    assert "De werkplaats is nu gesloten" in page and "Neem een nummer</button>" not in page
    assert "Open op dinsdag 1 december van 09:00 tot 17:00" in page
    response = client.post(url, {"telefoonnummer": ""})
    assert response.status_code == 409
    assert not Wachtnummer.objects.exists()
    clock.set(datetime(2026, 11, 24, 8, 50, tzinfo=AMSTERDAM))  # ten minutes before opening: people queue
    assert client.post(url, {"telefoonnummer": ""}).status_code == 200
    assert Wachtnummer.objects.count() == 1
