"""Signals: a volunteer flags a recurring problem; the gemeente sees how often, month by month."""

from django.urls import reverse

from inloop.models import Signaal
from tests.helpers import queries_for


def test_volunteer_flags_a_signal_and_another_counts_it_again(world, client):
    client.force_login(world["vrijwilliger"])
    response = client.post(reverse("inloop:signalen"), {"titel": "Brief energietoeslag onbegrijpelijk", "categorie": "brief"})
    assert response.status_code == 302
    signaal = Signaal.objects.get()
    assert signaal.gemeente == world["zwolle"]
    client.force_login(world["vrijwilliger2"])
    client.post(reverse("inloop:signaal_ook_gezien", args=[signaal.pk]), {"werkplaats": world["centrum"].pk})
    client.force_login(world["beleid"])
    page = client.get(reverse("inloop:signalen")).content.decode()
    assert "Brief energietoeslag onbegrijpelijk" in page
    assert '<td class="utrecht-table__cell utrecht-table__cell--numeric-column">2</td>' in page


def test_an_empty_signal_is_refused_with_a_message(world, client):
    client.force_login(world["vrijwilliger"])
    response = client.post(reverse("inloop:signalen"), {"titel": "", "categorie": "brief"})
    assert response.status_code == 400
    assert "Beschrijf het signaal" in response.content.decode()
    assert not Signaal.objects.exists()


def test_signal_list_query_ceiling(world, client):
    client.force_login(world["beleid"])
    url = reverse("inloop:signalen")
    from inloop import services

    services.signaal_melden(werkplaats=world["centrum"], door=world["vrijwilliger"], titel="A", categorie="brief")
    client.get(url)
    small = queries_for(lambda: client.get(url))
    for i in range(12):
        s = services.signaal_melden(werkplaats=world["centrum"], door=world["vrijwilliger"], titel=f"S{i}", categorie="regel")
        services.signaal_ook_gezien(signaal=s, werkplaats=world["centrum"], door=world["vrijwilliger2"])
    large = queries_for(lambda: client.get(url))
    assert large == small, (small, large)


def test_a_signal_naming_someone_is_held_back_with_a_warning(world, client):
    client.force_login(world["vrijwilliger"])
    titel = "Dhr. Bakker kreeg weer een aanmaning, mail b.bakker@example.nl"
    response = client.post(reverse("inloop:signalen"), {"titel": titel, "categorie": "brief"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "een naam, een e-mailadres staat" in page and titel in page
    assert not Signaal.objects.exists()
