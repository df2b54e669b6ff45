"""Open data (HSDS 3.0 shape, checked with a JSON Schema) and the iCalendar feed (read with vobject)."""

from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

import jsonschema
import pytest
import vobject

from tests.factories import gemeente_create, werkplaats_create
from tests.factories import spreekuur_create as spreekuur
from werkplaatsen.geocoding_models import Postcodegebied
from werkplaatsen.models import Sluiting
from werkplaatsen.openingstijden import AMSTERDAM

pytestmark = pytest.mark.django_db

# The objects this API publishes, written by hand from Open Referral HSDS 3.0 (the schema files of
# openreferral/specification: service, organization, schedule, service_at_location, location, address,
# accessibility, language; and the API reference's paged response), field by field: the types and
# formats the specification gives, its `required` lists, and never a null (HSDS has no nullable field:
# a value we do not have is left out). additionalProperties is off so that a field the specification
# does not define (or a typo) fails here; distance_m is our one documented extension.
UUID = {"type": "string", "format": "uuid"}
STRING = {"type": "string"}
DATE = {"type": "string", "format": "date"}
URI = {"type": "string", "format": "uri"}
HH_MM = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}


def _object(required: list[str], properties: dict) -> dict:
    assert set(required) <= set(properties)
    return {"type": "object", "required": required, "properties": properties, "additionalProperties": False}


ORGANIZATION = _object(
    ["id", "name", "description"],
    {"id": UUID, "name": STRING, "description": STRING, "website": URI, "email": STRING},
)
SCHEDULE = _object(
    ["id"],
    {
        "id": UUID,
        "service_id": UUID,
        "valid_from": DATE,
        "valid_to": DATE,
        "dtstart": DATE,
        "freq": {"type": "string", "enum": ["WEEKLY", "MONTHLY"]},
        "interval": {"type": "number", "minimum": 1},
        "byday": {"type": "string", "pattern": "^(-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU)$"},
        "opens_at": HH_MM,
        "closes_at": HH_MM,
        "description": STRING,
        "attending_type": STRING,
        "notes": STRING,
    },
)
ADDRESS = _object(
    ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
    {
        "id": UUID,
        "location_id": UUID,
        "address_1": STRING,
        "city": STRING,
        "region": STRING,
        "state_province": STRING,
        "postal_code": STRING,
        "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "address_type": {"type": "string", "enum": ["physical", "postal", "virtual"]},
    },
)
ACCESSIBILITY = _object(["id"], {"id": UUID, "location_id": UUID, "description": STRING})
LANGUAGE = _object(["id"], {"id": UUID, "location_id": UUID, "name": STRING, "code": STRING})
LOCATION = _object(
    ["id", "location_type"],
    {
        "id": UUID,
        "location_type": {"type": "string", "enum": ["physical", "postal", "virtual"]},
        "name": STRING,
        "description": STRING,
        "latitude": {"type": "number", "minimum": -90, "maximum": 90},
        "longitude": {"type": "number", "minimum": -180, "maximum": 180},
        "addresses": {"type": "array", "items": ADDRESS},
        "accessibility": {"type": "array", "items": ACCESSIBILITY},
        "languages": {"type": "array", "items": LANGUAGE},
    },
)
SERVICE_AT_LOCATION = _object(
    ["id"], {"id": UUID, "service_id": UUID, "location_id": UUID, "location": LOCATION}
)
SERVICE = _object(
    ["id", "name", "status"],
    {
        "id": UUID,
        "organization_id": UUID,
        "name": STRING,
        "description": STRING,
        "url": URI,
        "status": {"type": "string", "enum": ["active", "inactive", "defunct", "temporarily closed"]},
        "organization": ORGANIZATION,
        "schedules": {"type": "array", "items": SCHEDULE},
        "service_at_locations": {"type": "array", "items": SERVICE_AT_LOCATION},
        "distance_m": {"type": "integer", "minimum": 0},
    },
)
_COUNT = {"type": "integer", "minimum": 0}
PAGE = _object(
    ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
    {
        "total_items": _COUNT,
        "total_pages": {"type": "integer", "minimum": 1},
        "page_number": {"type": "integer", "minimum": 1},
        "size": _COUNT,
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array", "items": SERVICE},
    },
)

# jsonschema checks "uri" only with an extra package; an absolute http(s) address is what we promise.
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("uri")
def _is_absolute_uri(value) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def hsds_validate(body: dict, schema: dict = PAGE) -> None:
    jsonschema.Draft202012Validator(schema, format_checker=FORMATS).validate(body)


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
    hsds_validate(body)
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


def test_the_test_schema_refuses_what_hsds_refuses(client, api_netwerk):
    """The hand-written schema is strict where the specification is: nulls, missing required fields."""
    body = client.get("/api/v1/werkplaatsen").json()
    service = body["contents"][0]
    broken = [
        {**service, "description": None},
        {**service, "organization": {k: v for k, v in service["organization"].items() if k != "description"}},
        {**service, "schedules": [{**service["schedules"][0], "valid_from": None}]},
        {**service, "schedules": [{**service["schedules"][0], "dtstart": "dinsdag"}]},
        {**service, "url": "/werkplaatsen/binnenstad/"},
        {**service, "id": "binnenstad"},
        {k: v for k, v in service.items() if k != "status"},
    ]
    for bad in broken:
        with pytest.raises(jsonschema.ValidationError):
            hsds_validate(bad, SERVICE)


def test_the_demo_services_are_valid_hsds(client, settings):
    """The six werkplaatsen of the demo, as a visitor of the demo gets them."""
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("seed_demo")
    body = client.get("/api/v1/services", HTTP_HOST="localhost:8000").json()
    hsds_validate(body)
    assert body["total_items"] == 6
    for service in body["contents"]:
        assert service["url"].startswith("http://localhost:8000/"), service["url"]
        assert service["organization"]["description"]


def test_an_every_other_week_schedule_says_where_it_counts_from(client, api_netwerk):
    spreekuur(
        api_netwerk["stadshagen"], 4, "13:00", "15:00", frequentie="om_de_n_weken", interval=2,
        geldig_vanaf=date(2026, 11, 27),
    )
    body = client.get("/api/v1/werkplaatsen").json()
    hsds_validate(body)
    stadshagen = next(s for s in body["contents"] if s["name"] == "Werkplaats Stadshagen")
    fortnightly = next(s for s in stadshagen["schedules"] if s["interval"] == 2)
    assert fortnightly["dtstart"] == fortnightly["valid_from"] == "2026-11-27"
    weekly = next(s for s in stadshagen["schedules"] if s["interval"] == 1)
    assert "valid_from" not in weekly and "dtstart" not in weekly and "description" not in weekly


@pytest.mark.parametrize("path", ["/api/v1/werkplaatsen", "/api/v1/services"])
def test_pages_of_services_as_hsds_describes(client, api_netwerk, path):
    first = client.get(path, {"per_page": 2}).json()
    hsds_validate(first)
    assert (first["total_items"], first["total_pages"], first["page_number"], first["size"]) == (3, 2, 1, 2)
    assert first["first_page"] and not first["last_page"] and not first["empty"]
    second = client.get(path, {"per_page": 2, "page": 2}).json()
    hsds_validate(second)
    assert (second["page_number"], second["size"]) == (2, 1)
    assert second["last_page"] and not second["first_page"]
    ids = [s["id"] for s in first["contents"] + second["contents"]]
    assert len(set(ids)) == 3
    # Past the end: an empty page that says so, never page 1 again.
    beyond = client.get(path, {"page": 999999})
    assert beyond.status_code == 200
    body = beyond.json()
    hsds_validate(body)
    assert body["page_number"] == 999999 and body["empty"] and body["contents"] == [] and body["size"] == 0
    assert body["total_items"] == 3 and body["last_page"]


@pytest.mark.parametrize(
    "params",
    [{"page": "-1"}, {"page": "0"}, {"page": "twee"}, {"page": "1.5"}, {"per_page": "0"}, {"per_page": "x"},
     {"per_page": "1000"}],
)
def test_a_page_that_cannot_be_read_is_refused_with_a_reason(client, api_netwerk, params):
    response = client.get("/api/v1/services", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "page" in response.json()["error"]


def test_one_service_by_its_id(client, api_netwerk):
    listed = client.get("/api/v1/services").json()["contents"]
    aa = next(s for s in listed if s["name"] == "Werkplaats Aa-landen")
    response = client.get(f"/api/v1/services/{aa['id']}")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    hsds_validate(response.json(), SERVICE)
    assert response.json() == aa
    missing = client.get("/api/v1/services/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404 and missing.json()["error"]
    assert client.get("/api/v1/services/geen-id").status_code == 404
    # Another gemeente's site does not serve this gemeente's services.
    gemeente_create(naam="Kampen", cbs_code="GM0166")
    assert client.get(f"/api/v1/services/{aa['id']}", HTTP_HOST="kampen.localhost").status_code == 404


def test_the_q_of_the_finder_works_on_the_api_too(client, api_netwerk):
    by_postcode = client.get("/api/v1/werkplaatsen", {"postcode": "8043 AA"}).json()
    by_q = client.get("/api/v1/werkplaatsen", {"q": "8043 AA"}).json()
    assert by_q == by_postcode and by_q["contents"][0]["name"] == "Werkplaats Stadshagen"


def test_links_in_the_open_data_are_the_site_s_own_address(client, api_netwerk, settings):
    settings.ALLOWED_HOSTS = ["werkplaats.example.nl"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    body = client.get(
        "/api/v1/werkplaatsen", HTTP_HOST="werkplaats.example.nl", HTTP_X_FORWARDED_PROTO="https"
    ).json()
    urls = [s["url"] for s in body["contents"]]
    assert urls and all(u.startswith("https://werkplaats.example.nl/werkplaatsen/") for u in urls), urls


def test_links_in_the_feed_and_json_ld_are_the_site_s_own_address(client, netwerk, settings):
    settings.ALLOWED_HOSTS = ["werkplaats.example.nl"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    headers = {"HTTP_HOST": "werkplaats.example.nl", "HTTP_X_FORWARDED_PROTO": "https"}
    text = client.get("/werkplaatsen/binnenstad/openingstijden.ics", **headers).content.decode()
    assert "localhost" not in text
    assert "URL:https://werkplaats.example.nl/werkplaatsen/binnenstad/" in text.replace("\r\n ", "")
    html = client.get("/werkplaatsen/binnenstad/", **headers).content.decode()
    assert '"url": "https://werkplaats.example.nl/werkplaatsen/binnenstad/"' in html
    assert "localhost" not in html


def test_identifiers_are_stable_between_requests(client, api_netwerk):
    first = client.get("/api/v1/werkplaatsen").json()
    second = client.get("/api/v1/werkplaatsen").json()
    assert [s["id"] for s in first["contents"]] == [s["id"] for s in second["contents"]]


@pytest.mark.parametrize("params", [{"postcode": "8043 AA"}, {"lat": "52.531", "lon": "6.056"}])
def test_open_data_sorted_by_distance(client, api_netwerk, params):
    body = client.get("/api/v1/werkplaatsen", params).json()
    hsds_validate(body)
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
