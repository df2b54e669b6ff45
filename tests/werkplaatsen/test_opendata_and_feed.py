"""Open data (HSDS 3.0 shape, checked with a JSON Schema) and the iCalendar feed (read with vobject)."""

from datetime import date, datetime, time, timedelta

import jsonschema
import pytest
import vobject

from tests.factories import gemeente_create, werkplaats_create
from tests.factories import spreekuur_create as spreekuur
from werkplaatsen.geocoding_models import Postcodegebied
from werkplaatsen.models import Sluiting
from werkplaatsen.openingstijden import AMSTERDAM

pytestmark = pytest.mark.django_db

# The parts of HSDS 3.0 (Open Referral) this API publishes, written from the specification's field
# list: a paged response of services, each with schedules and one location with addresses.
_STR_OR_NULL = {"type": ["string", "null"]}
SCHEDULE = {
    "type": "object",
    "required": ["id", "service_id", "freq", "byday", "opens_at", "closes_at"],
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "service_id": {"type": "string"},
        "valid_from": {"type": ["string", "null"], "format": "date"},
        "valid_to": {"type": ["string", "null"], "format": "date"},
        "freq": {"enum": ["WEEKLY", "MONTHLY"]},
        "interval": {"type": "integer", "minimum": 1},
        "byday": {"type": "string", "pattern": "^(-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU)$"},
        "opens_at": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"},
        "closes_at": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"},
        "description": _STR_OR_NULL,
    },
}
LOCATION = {
    "type": "object",
    "required": ["id", "location_type", "name", "latitude", "longitude", "addresses"],
    "properties": {
        "location_type": {"enum": ["physical", "postal", "virtual"]},
        "latitude": {"type": "number"},
        "longitude": {"type": "number"},
        "addresses": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "address_1", "city", "postal_code", "country", "address_type"],
                "properties": {"country": {"type": "string", "pattern": "^[A-Z]{2}$"}},
            },
        },
        "languages": {"type": "array", "items": {"required": ["name", "code"]}},
    },
}
SERVICE = {
    "type": "object",
    "required": ["id", "name", "status", "schedules", "service_at_locations"],
    "properties": {
        "status": {"enum": ["active", "inactive", "defunct", "temporarily closed"]},
        "schedules": {"type": "array", "items": SCHEDULE},
        "service_at_locations": {
            "type": "array",
            "items": {"type": "object", "required": ["id", "location"], "properties": {"location": LOCATION}},
        },
        "distance_m": {"type": "integer", "minimum": 0},
    },
}
PAGE = {
    "type": "object",
    "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
    "properties": {"contents": {"type": "array", "items": SERVICE}},
}


@pytest.fixture
def api_netwerk(netwerk):
    _gemeente, pages = netwerk
    spreekuur(pages["aa-landen"], 5, "10:00", "12:00", frequentie="maandelijks", week_van_de_maand=-1)
    Postcodegebied.objects.create(pc4="8043", plaats="Zwolle", latitude=52.5310, longitude=6.0560)
    return pages


def test_open_data_is_hsds_shaped_and_validates(client, api_netwerk):
    response = client.get("/api/v1/werkplaatsen")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    jsonschema.validate(body, PAGE, format_checker=jsonschema.FormatChecker())
    assert body["total_items"] == 3
    aa = next(s for s in body["contents"] if s["name"] == "Werkplaats Aa-landen")
    assert {(s["freq"], s["byday"], s["opens_at"]) for s in aa["schedules"]} == {
        ("WEEKLY", "TH", "13:00"),
        ("MONTHLY", "-1SA", "10:00"),
    }
    location = aa["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == "8032 GN"
    assert {lang["code"] for lang in location["languages"]} == {"nl", "ar"}
    assert "distance_m" not in aa


def test_identifiers_are_stable_between_requests(client, api_netwerk):
    first = client.get("/api/v1/werkplaatsen").json()
    second = client.get("/api/v1/werkplaatsen").json()
    assert [s["id"] for s in first["contents"]] == [s["id"] for s in second["contents"]]


@pytest.mark.parametrize("params", [{"postcode": "8043 AA"}, {"lat": "52.531", "lon": "6.056"}])
def test_open_data_sorted_by_distance(client, api_netwerk, params):
    body = client.get("/api/v1/werkplaatsen", params).json()
    jsonschema.validate(body, PAGE)
    distances = [s["distance_m"] for s in body["contents"]]
    assert distances == sorted(distances) and distances[0] < 100
    assert body["contents"][0]["name"] == "Werkplaats Stadshagen"


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"postcode": "ABCD"}, 400, "Dit is geen postcode"),
        ({"lat": "52.5"}, 400, "Geef lat en lon allebei"),
        ({"lat": "noord", "lon": "6"}, 400, "Geef lat en lon allebei"),
        ({"lat": "152", "lon": "6"}, 400, "buiten de aarde"),
        ({"postcode": "9999 ZZ"}, 422, "Deze postcode kennen we niet"),
    ],
)
def test_open_data_explains_bad_input(client, api_netwerk, params, status, message):
    response = client.get("/api/v1/werkplaatsen", params)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_open_data_is_per_gemeente_site(client, api_netwerk):
    kampen = gemeente_create(naam="Kampen", cbs_code="GM0166")
    werkplaats_create(kampen, title="Werkplaats Kampen", slug="kampen")
    names = [s["name"] for s in client.get("/api/v1/werkplaatsen", HTTP_HOST="kampen.localhost").json()["contents"]]
    assert names == ["Werkplaats Kampen"]


def _feed(client, slug="binnenstad"):
    response = client.get(f"/werkplaatsen/{slug}/openingstijden.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, vobject.readOne(response.content.decode())


def test_the_feed_has_twelve_weeks_of_spreekuren_without_closures(client, clock, netwerk):
    _gemeente, pages = netwerk
    clock.set(datetime(2026, 12, 14, 8, 0, tzinfo=AMSTERDAM))  # Monday
    Sluiting.objects.create(werkplaats=pages["binnenstad"], van=date(2026, 12, 28), tot=date(2027, 1, 3), reden="Kerst")
    _response, calendar = _feed(client)
    starts = sorted(event.dtstart.value for event in calendar.vevent_list)
    # Every Tuesday from 15 December for 12 weeks, minus the Christmas week.
    expected = [
        datetime(2026, 12, 15, 9, tzinfo=AMSTERDAM) + timedelta(weeks=n) for n in range(12)
        if n != 2
    ]
    assert starts == expected
    assert all(event.dtend.value - event.dtstart.value == timedelta(hours=3) for event in calendar.vevent_list)
    assert calendar.vevent_list[0].location.value == "Melkmarkt 20, 8011 MC Zwolle"


def test_the_feed_keeps_wall_clock_hours_across_the_clock_change(client, clock, netwerk):
    clock.set(datetime(2027, 3, 15, 8, 0, tzinfo=AMSTERDAM))
    _response, calendar = _feed(client)
    by_day = {e.dtstart.value.date(): e.dtstart.value for e in calendar.vevent_list}
    assert by_day[date(2027, 3, 23)].utcoffset() == timedelta(hours=1)
    assert by_day[date(2027, 3, 30)].utcoffset() == timedelta(hours=2)
    assert by_day[date(2027, 3, 30)].time() == time(9) == by_day[date(2027, 3, 23)].time()


def test_the_feed_is_a_subscribable_calendar(client, clock, netwerk):
    response, calendar = _feed(client)
    text = response.content.decode()
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Amsterdam" in text
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in text or "REFRESH-INTERVAL:PT12H" in text
    assert "X-PUBLISHED-TTL:PT12H" in text
    assert calendar.contents["x-wr-calname"][0].value == "Openingstijden Werkplaats Binnenstad"
    uids = [e.uid.value for e in calendar.vevent_list]
    assert len(uids) == len(set(uids))
    _again, calendar_again = _feed(client)
    assert [e.uid.value for e in calendar_again.vevent_list] == uids, "UIDs are stable"


def test_no_feed_for_a_page_that_is_no_werkplaats_or_not_published(client, netwerk):
    _gemeente, pages = netwerk
    assert client.get("/werkplaatsen/openingstijden.ics").status_code == 404
    pages["stadshagen"].unpublish()
    assert client.get("/werkplaatsen/stadshagen/openingstijden.ics").status_code == 404
    assert client.get("/werkplaatsen/bestaat-niet/openingstijden.ics").status_code == 404
