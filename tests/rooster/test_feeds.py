"""Calendar feeds read back with vobject, a parser independent of the icalendar that writes them."""

import re
from datetime import datetime, timedelta

import pytest
import vobject
from django.urls import reverse

from kern.tokens import token_hash
from rooster.generatie import diensten_genereren
from rooster.models import AgendaToken, Dienst
from rooster.services import agenda_token_uitgeven, inschrijving_afmelden, inschrijving_maken
from tests.helpers import queries_for
from tests.rooster.conftest import AMS, dienst_maken, spreekuur
from werkplaatsen.models import Sluiting

VOLGENDE_WEEK = datetime(2026, 12, 1, 9, 0, tzinfo=AMS)


def _read(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content.decode(), vobject.readOne(response.content.decode())


def _feed_url(client, user) -> str:
    client.force_login(user)
    page = client.post(reverse("rooster:agenda_uitgeven")).content.decode()
    url = re.search(r'id="agendalink">([^<]+)<', page).group(1)
    client.logout()
    return url.replace("http://testserver", "")


def test_personal_feed_events_with_stable_uid_sequence_and_cancelled_status(client, world):
    spreekuur(world["centrum"], 1, "09:00", "12:00")
    diensten_genereren()
    eerste, tweede = Dienst.objects.order_by("begin")[:2]
    a = inschrijving_maken(dienst_id=eerste.pk, user=world["anouk"])
    inschrijving_maken(dienst_id=tweede.pk, user=world["anouk"])
    url = _feed_url(client, world["anouk"])
    text, calendar = _read(client.get(url))
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Amsterdam" in text
    assert re.search(r"^REFRESH-INTERVAL(;VALUE=DURATION)?:PT1H\r$", text, re.M) and "X-PUBLISHED-TTL:PT1H" in text
    assert calendar.contents["x-wr-calname"][0].value == "Mijn diensten"
    events = {e.uid.value: e for e in calendar.vevent_list}
    event = events[f"inschrijving-{a.pk}@werkplaats"]
    assert event.dtstart.value == VOLGENDE_WEEK and event.dtstart.value.utcoffset() == timedelta(hours=1)
    assert event.status.value == "CONFIRMED" and int(event.sequence.value) == 0
    assert event.location.value == "Melkmarkt 20, 8011 MC Zwolle"

    # A closure cancels the first shift: same UID, higher SEQUENCE, STATUS:CANCELLED, still in the feed.
    Sluiting.objects.create(werkplaats=world["centrum"], van=VOLGENDE_WEEK.date(), tot=VOLGENDE_WEEK.date(), reden="x")
    diensten_genereren()
    _text, calendar = _read(client.get(url))
    event = {e.uid.value: e for e in calendar.vevent_list}[f"inschrijving-{a.pk}@werkplaats"]
    assert event.status.value == "CANCELLED" and int(event.sequence.value) >= 1
    assert len(calendar.vevent_list) == 2


def test_own_cancellation_bumps_the_sequence(client, world):
    dienst = dienst_maken(world["centrum"], VOLGENDE_WEEK)
    a = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    url = _feed_url(client, world["anouk"])
    inschrijving_afmelden(inschrijving_id=a.pk, user=world["anouk"])
    _text, calendar = _read(client.get(url))
    [event] = calendar.vevent_list
    assert event.status.value == "CANCELLED" and int(event.sequence.value) == 1


def test_token_is_stored_hashed_and_a_revoked_or_replaced_token_gives_404(client, world):
    dienst_maken(world["centrum"], VOLGENDE_WEEK)
    url = _feed_url(client, world["anouk"])
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert AgendaToken.objects.get().token_hash == token_hash(token) != token
    assert client.get(url).status_code == 200
    client.force_login(world["anouk"])
    page = client.get(reverse("rooster:overzicht")).content.decode()
    assert token not in page, "the token is shown only once"
    client.post(reverse("rooster:agenda_intrekken"))
    client.logout()
    response = client.get(url)
    assert response.status_code == 404 and b"VCALENDAR" not in response.content
    nieuw = _feed_url(client, world["anouk"])
    assert nieuw != url and client.get(nieuw).status_code == 200 and client.get(url).status_code == 404
    assert client.get("/agenda/bestaat-niet.ics").status_code == 404


def test_personal_feed_with_200_shifts_takes_at_most_5_queries(client, world):
    for n in range(200):
        dienst = dienst_maken(world["centrum"], VOLGENDE_WEEK + timedelta(days=n))
        inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    token = agenda_token_uitgeven(user=world["anouk"])
    url = reverse("rooster_agenda", args=[token])
    responses = []
    queries = queries_for(lambda: responses.append(client.get(url)))
    _text, calendar = _read(responses[0])
    assert len(calendar.vevent_list) == 200
    assert queries <= 5


def test_ics_download_of_one_shift_only_for_a_volunteer_on_it(client, world):
    dienst = dienst_maken(world["centrum"], VOLGENDE_WEEK)
    inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    client.force_login(world["anouk"])
    response = client.get(reverse("rooster:dienst_ics", args=[dienst.pk]))
    _text, calendar = _read(response)
    assert "attachment" in response["Content-Disposition"]
    assert calendar.vevent.summary.value == "Dienst Werkplaats Centrum"
    client.force_login(world["bram"])
    assert client.get(reverse("rooster:dienst_ics", args=[dienst.pk])).status_code == 404


@pytest.mark.parametrize("user,status", [("karin", 200), ("anouk", 403), ("kees_kampen", 403)])
def test_werkplaats_feed_for_coordinators(client, world, user, status):
    dienst = dienst_maken(world["centrum"], VOLGENDE_WEEK)
    inschrijving_maken(dienst_id=dienst.pk, user=world["bram"])
    client.force_login(world[user])
    response = client.get(reverse("rooster:werkplaats_ics", args=[world["centrum"].pk]))
    assert response.status_code == status
    if status == 200:
        _text, calendar = _read(response)
        assert calendar.vevent.uid.value == f"dienst-{dienst.pk}@werkplaats"
        assert calendar.vevent.description.value == "Bram"
        assert calendar.contents["x-wr-calname"][0].value == "Rooster Werkplaats Centrum"


def _werkplaats_feed_url(client, user, werkplaats) -> str:
    client.force_login(user)
    page = client.post(reverse("rooster:werkplaats_agenda_uitgeven", args=[werkplaats.pk])).content.decode()
    url = re.search(r'id="werkplaats-agendalink">([^<]+)<', page).group(1)
    client.logout()
    return url.replace("http://testserver", "")


def test_a_coordinator_subscribes_to_the_werkplaats_roster_without_a_session(client, world):
    dienst = dienst_maken(world["centrum"], VOLGENDE_WEEK)
    inschrijving_maken(dienst_id=dienst.pk, user=world["bram"])
    personal = _feed_url(client, world["karin"])
    url = _werkplaats_feed_url(client, world["karin"], world["centrum"])
    # A calendar app has no cookie: the secret link is enough, for GET and HEAD.
    _text, calendar = _read(client.get(url))
    assert calendar.vevent.uid.value == f"dienst-{dienst.pk}@werkplaats"
    assert client.head(url).status_code == 200
    # Stored hashed only; the personal link keeps working beside it.
    from kern.tokens import token_hash as kern_token_hash
    from rooster.models import WerkplaatsAgendaToken

    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    row = WerkplaatsAgendaToken.objects.get()
    assert row.token_hash == kern_token_hash(token) and token not in row.token_hash
    assert client.get(personal).status_code == 200
    # A new link revokes the old one.
    newer = _werkplaats_feed_url(client, world["karin"], world["centrum"])
    assert client.get(url).status_code == 404 and client.get(newer).status_code == 200


def test_the_werkplaats_feed_link_stops_when_the_coordinator_role_ends(client, world):
    from accounts.models import WerkplaatsLidmaatschap

    url = _werkplaats_feed_url(client, world["karin"], world["centrum"])
    assert client.get(url).status_code == 200
    WerkplaatsLidmaatschap.objects.filter(user=world["karin"]).update(rol="vrijwilliger")
    assert client.get(url).status_code == 404
    assert client.get("/agenda/werkplaats/bestaat-niet.ics").status_code == 404


@pytest.mark.parametrize("user", ["anouk", "kees_kampen"])
def test_only_a_coordinator_gets_a_werkplaats_feed_link(client, world, user):
    client.force_login(world[user])
    response = client.post(reverse("rooster:werkplaats_agenda_uitgeven", args=[world["centrum"].pk]))
    assert response.status_code == 403


def test_feed_keeps_wall_clock_hours_across_the_march_clock_change(client, world):
    world["clock"].set(datetime(2027, 3, 20, 8, 0, tzinfo=AMS))
    spreekuur(world["centrum"], 1, "09:00", "12:00")
    diensten_genereren(weken=2)
    for dienst in Dienst.objects.all():
        inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    _text, calendar = _read(client.get(reverse("rooster_agenda", args=[agenda_token_uitgeven(user=world["anouk"])])))
    starts = sorted(e.dtstart.value for e in calendar.vevent_list)
    assert [s.utcoffset() for s in starts] == [timedelta(hours=1), timedelta(hours=2)]
    assert {s.hour for s in starts} == {9}
