"""Inloop's refusals carry kern's domain error: access is 403/404, never 409; bad input 422; state 409."""

import pytest
from django.urls import reverse

from inloop import services
from inloop.models import Signaal
from inloop.services import InloopFout


def _refusal(action) -> InloopFout:
    with pytest.raises(InloopFout) as error:
        action()
    return error.value


def test_a_volunteer_of_another_werkplaats_is_refused_not_in_conflict(world):
    nummer = services.wachtnummer_trekken(werkplaats=world["centrum"])
    kampen = world["vrijwilliger_kampen"]
    refusals = [
        _refusal(lambda: services.wachtnummer_roep(wachtnummer=nummer, door=kampen)),
        _refusal(lambda: services.wachtnummer_roep_volgende(werkplaats=world["centrum"], door=kampen)),
        _refusal(lambda: services.wachtnummer_afronden(wachtnummer=nummer, door=kampen, status="niet_verschenen")),
        _refusal(
            lambda: services.bezoek_log(
                werkplaats=world["centrum"], door=kampen, onderwerpen=[], uitkomst="ter_plekke", duur_minuten=5
            )
        ),
        _refusal(lambda: services.signaal_melden(werkplaats=world["centrum"], door=kampen, titel="x", categorie="brief")),
        _refusal(lambda: services.kiosk_vernieuwen(werkplaats=world["centrum"], door=world["vrijwilliger"], oorsprong="x")),
    ]
    assert [(f.code, f.status) for f in refusals] == [("geen_toegang", 403)] * len(refusals)


def test_a_signal_of_another_gemeente_does_not_exist_for_this_werkplaats(world):
    signaal = Signaal.objects.create(gemeente=world["kampen"], titel="Brief CAK", categorie="brief")
    fout = _refusal(
        lambda: services.signaal_ook_gezien(signaal=signaal, werkplaats=world["centrum"], door=world["vrijwilliger"])
    )
    assert (fout.code, fout.status) == ("signaal_onbekend", 404)


def test_the_queue_page_answers_bad_input_with_422_and_a_clash_with_409(world, client):
    client.force_login(world["vrijwilliger"])
    url = reverse("inloop:wachtrij", args=[world["centrum"].pk])
    assert client.post(url, {"actie": "dansen", "wachtnummer": "x"}).status_code == 422  # no number chosen
    nummer = services.wachtnummer_trekken(werkplaats=world["centrum"])
    assert client.post(url, {"actie": "dansen", "wachtnummer": nummer.pk}).status_code == 422
    assert client.post(url, {"actie": "niet_verschenen", "wachtnummer": nummer.pk}).status_code == 302
    response = client.post(url, {"actie": "niet_verschenen", "wachtnummer": nummer.pk})
    assert response.status_code == 409 and "is al afgerond" in response.content.decode()


def test_a_json_client_of_the_queue_gets_the_code_and_the_message(world, client):
    client.force_login(world["vrijwilliger"])
    url = reverse("inloop:wachtrij", args=[world["centrum"].pk])
    response = client.post(url, {"actie": "volgende"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 409
    assert response.json() == {"code": "wachtrij_leeg", "message": "Er wacht niemand."}


def test_logging_the_visit_of_a_number_still_in_progress_is_a_409_in_the_form(world, client):
    nummer = services.wachtnummer_trekken(werkplaats=world["centrum"])
    services.wachtnummer_roep(wachtnummer=nummer, door=world["vrijwilliger"])
    client.force_login(world["vrijwilliger"])
    url = reverse("inloop:bezoek_nieuw", args=[world["centrum"].pk])
    data = {"onderwerpen": [world["onderwerpen"]["schulden"].pk], "uitkomst": "ter_plekke", "eerste_bezoek": "ja",
            "taal": "nl", "wachtnummer": nummer.pk}
    response = client.post(url, data)
    assert response.status_code == 409
    assert "Rond het nummer eerst af" in response.content.decode()
