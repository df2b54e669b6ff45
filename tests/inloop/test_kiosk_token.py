"""The kiosk link's token lives only in the link: the database keeps its hash, the page shows it once."""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from inloop import services
from inloop.models import Kiosk
from kern.tokens import token_hash
from tests.factories import gemeente_create, werkplaats_create
from tests.helpers import wagtail_baseline_restore

VOOR = [("inloop", "0007_signaal_gewist")]


def _kiosk_rows() -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM inloop_kiosk")
        return cursor.fetchall()


def _links(html: str) -> list[str]:
    return re.findall(r"http://testserver/inloop/(?:kiosk|scherm)/([^/]+)/", html)


def test_the_database_never_holds_the_token_only_its_hash(world):
    links = services.kiosk_uitgeven(werkplaats=world["centrum"])
    rows = _kiosk_rows()
    assert len(rows) == 1 and not any(t in str(value) for value in rows[0] for t in (links.kiosk, links.scherm))
    assert Kiosk.objects.get().token_hash == token_hash(links.kiosk)
    assert Kiosk.objects.get().scherm_token_hash == token_hash(links.scherm)
    assert [f.name for f in Kiosk._meta.get_fields() if "token" in f.name] == ["token_hash", "scherm_token_hash"]


def test_the_coordinator_sees_a_new_link_once_and_after_that_only_that_it_was_handed_out(world, client):
    client.force_login(world["coordinator"])
    url = reverse("inloop:kiosk_beheer", args=[world["centrum"].pk])
    page = client.get(url).content.decode()
    assert "Er zijn nog geen links" in page and "Maak de links" in page and not _links(page)

    made = client.post(url)
    html = made.content.decode()
    kiosk_token, scherm_token = _links(html)
    assert kiosk_token != scherm_token and "U ziet ze maar één keer" in html
    assert "no-store" in made["Cache-Control"]
    assert client.get(reverse("inloop_publiek:kiosk", args=[kiosk_token])).status_code == 200

    later = client.get(url).content.decode()
    assert not _links(later) and kiosk_token not in later
    assert "De links zijn uitgegeven op" in later and "Vervang de links" in later


def test_replacing_the_link_gives_a_fresh_one_and_the_old_one_stops(world, client):
    client.force_login(world["coordinator"])
    url = reverse("inloop:kiosk_beheer", args=[world["centrum"].pk])
    oud_kiosk, oud_scherm = _links(client.post(url).content.decode())
    html = client.post(url).content.decode()
    nieuw_kiosk, nieuw_scherm = _links(html)
    assert nieuw_kiosk != oud_kiosk and "De oude links werken niet meer." in html
    assert client.get(reverse("inloop_publiek:kiosk", args=[oud_kiosk])).status_code == 404
    assert client.get(reverse("inloop_publiek:scherm_status", args=[oud_scherm])).status_code == 404
    assert client.get(reverse("inloop_publiek:scherm", args=[nieuw_scherm])).status_code == 200
    assert Kiosk.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_link_handed_out_before_the_migration_keeps_working_after_it(client):
    wagtail_baseline_restore()
    werkplaats = werkplaats_create(gemeente_create())
    oud_token = "al-maanden-op-de-tablet-bij-de-deur-0123456789"
    executor = MigrationExecutor(connection)
    executor.migrate(VOOR)
    try:
        oude_apps = executor.loader.project_state(VOOR).apps
        oude_apps.get_model("inloop", "Kiosk").objects.create(werkplaats_id=werkplaats.pk, token=oud_token)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert not any(oud_token in str(value) for row in _kiosk_rows() for value in row)
    assert client.get(reverse("inloop_publiek:kiosk", args=[oud_token])).status_code == 200
    assert client.get(reverse("inloop_publiek:scherm", args=[oud_token])).status_code == 200
    assert client.get(reverse("inloop_publiek:kiosk", args=["iets-anders"])).status_code == 404


def test_the_screen_link_cannot_hand_out_numbers_and_the_kiosk_link_shows_no_screen(world, client):
    links = services.kiosk_uitgeven(werkplaats=world["centrum"])
    # Someone photographs the screen's address in the waiting room: it opens no kiosk.
    assert client.post(reverse("inloop_publiek:kiosk", args=[links.scherm])).status_code == 404
    assert client.get(reverse("inloop_publiek:scherm", args=[links.kiosk])).status_code == 404
    assert client.get(reverse("inloop_publiek:scherm", args=[links.scherm])).status_code == 200
    assert client.get(reverse("inloop_publiek:kiosk", args=[links.kiosk])).status_code == 200
