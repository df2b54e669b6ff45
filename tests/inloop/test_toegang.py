"""Every workspace page, tried by the wrong user and from the other gemeente."""

import pytest
from django.urls import reverse

from inloop import services


@pytest.fixture
def pages(world):
    bezoek = services.bezoek_log(
        werkplaats=world["centrum"],
        door=world["vrijwilliger"],
        onderwerpen=[world["onderwerpen"]["schulden"]],
        uitkomst="ter_plekke",
        duur_minuten=10,
    )
    c = world["centrum"].pk
    return {
        "bezoek_nieuw": reverse("inloop:bezoek_nieuw", args=[c]),
        "bezoek_wijzigen": reverse("inloop:bezoek_wijzigen", args=[bezoek.pk]),
        "wachtrij": reverse("inloop:wachtrij", args=[c]),
        "kiosk_beheer": reverse("inloop:kiosk_beheer", args=[c]),
        "rapportage": reverse("inloop:rapportage") + f"?werkplaats={c}",
    }


ALLOWED = {
    # page: users that get 200
    "bezoek_nieuw": {"vrijwilliger", "vrijwilliger2", "coordinator"},
    "bezoek_wijzigen": {"vrijwilliger", "coordinator"},
    "wachtrij": {"vrijwilliger", "vrijwilliger2", "coordinator"},
    "kiosk_beheer": {"coordinator"},
    "rapportage": {"coordinator", "beleid"},
}
USERS = ["vrijwilliger", "vrijwilliger2", "coordinator", "beleid", "beleid_kampen", "vrijwilliger_kampen", "buitenstaander"]


@pytest.mark.parametrize("page", sorted(ALLOWED))
@pytest.mark.parametrize("user", USERS)
def test_page_access_per_role_and_gemeente(world, pages, client, page, user):
    client.force_login(world[user])
    response = client.get(pages[page])
    expected = 200 if user in ALLOWED[page] else 403
    assert response.status_code == expected, (page, user, response.status_code)


@pytest.mark.parametrize("page", sorted(ALLOWED))
def test_anonymous_is_sent_to_login(pages, client, page):
    response = client.get(pages[page])
    assert response.status_code == 302 and "/mijn/inloggen/" in response["Location"]


def test_posting_to_another_gemeentes_queue_changes_nothing(world, client):
    n = services.wachtnummer_trekken(werkplaats=world["centrum"])
    client.force_login(world["vrijwilliger_kampen"])
    url = reverse("inloop:wachtrij", args=[world["centrum"].pk])
    assert client.post(url, {"actie": "roep", "wachtnummer": n.pk}).status_code == 403
    # A number of one werkplaats cannot be worked through the queue page of another.
    client.force_login(world["vrijwilliger"])
    other = reverse("inloop:wachtrij", args=[world["zuid"].pk])
    assert client.post(other, {"actie": "roep", "wachtnummer": n.pk}).status_code == 403
    n.refresh_from_db()
    assert n.status == "wachtend"


def test_volunteer_sees_signals_of_their_own_gemeente_only(world, client):
    services.signaal_melden(
        werkplaats=world["kampen_w"], door=world["vrijwilliger_kampen"], titel="Brief CAK onleesbaar", categorie="brief"
    )
    services.signaal_melden(
        werkplaats=world["centrum"], door=world["vrijwilliger"], titel="Toeslagenbrief te lang", categorie="brief"
    )
    client.force_login(world["vrijwilliger"])
    page = client.get(reverse("inloop:signalen")).content.decode()
    assert "Toeslagenbrief te lang" in page and "Brief CAK onleesbaar" not in page
    client.force_login(world["beleid_kampen"])
    page = client.get(reverse("inloop:signalen")).content.decode()
    assert "Brief CAK onleesbaar" in page and "Toeslagenbrief te lang" not in page
    client.force_login(world["buitenstaander"])
    assert client.get(reverse("inloop:signalen")).status_code == 403


def test_counting_a_signal_of_another_gemeente_is_refused(world, client):
    signaal = services.signaal_melden(
        werkplaats=world["kampen_w"], door=world["vrijwilliger_kampen"], titel="Brief CAK", categorie="brief"
    )
    client.force_login(world["vrijwilliger"])
    response = client.post(
        reverse("inloop:signaal_ook_gezien", args=[signaal.pk]), {"werkplaats": world["centrum"].pk}
    )
    assert response.status_code == 404
    assert signaal.meldingen.count() == 1
