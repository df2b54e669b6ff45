"""The response cache answers repeated finder requests, but never stale, never for a logged-in user."""

from datetime import timedelta

import pytest

from tests.factories import UserFactory
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db


def test_a_repeated_search_is_answered_without_the_database(client, netwerk, clock):
    first = client.get("/werkplaatsen/", {"q": "8011", "taal": "nl"})
    assert queries_for(lambda: client.get("/werkplaatsen/", {"taal": "nl", "q": "8011"})) == 0
    again = client.get("/werkplaatsen/", {"taal": "nl", "q": "8011"})
    assert again.content == first.content


def test_the_next_minute_is_computed_afresh(client, netwerk, clock):
    client.get("/werkplaatsen/", {"q": "8011"})
    clock.set(clock.moment + timedelta(minutes=1))
    assert queries_for(lambda: client.get("/werkplaatsen/", {"q": "8011"})) > 0


def test_publishing_renews_the_cached_answers(client, netwerk, clock):
    _gemeente, pages = netwerk
    client.get("/werkplaatsen/binnenstad/")
    page = pages["binnenstad"]
    page.title = "Werkplaats Melkmarkt"
    page.save_revision().publish()
    assert "Werkplaats Melkmarkt" in client.get("/werkplaatsen/binnenstad/").content.decode()
    assert "Werkplaats Melkmarkt" in client.get("/werkplaatsen/").content.decode()


def test_logged_in_users_are_never_served_from_or_into_the_cache(client, netwerk, clock):
    client.force_login(UserFactory())
    client.get("/werkplaatsen/", {"q": "8011"})
    assert queries_for(lambda: client.get("/werkplaatsen/", {"q": "8011"})) > 0
    client.logout()
    client.cookies.clear()
    assert queries_for(lambda: client.get("/werkplaatsen/", {"q": "8011"})) > 0, "nothing was stored for them"


def test_other_hosts_and_errors_are_not_mixed_up(client, netwerk, clock):
    client.get("/werkplaatsen/")
    assert client.get("/werkplaatsen/", HTTP_HOST="elders.localhost").status_code in {200, 404}
    assert client.get("/werkplaatsen/bestaat-niet/").status_code == 404
    assert client.get("/werkplaatsen/bestaat-niet/").status_code == 404
