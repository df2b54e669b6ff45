"""The finder as a resident uses it: postcode, place or location in; nearest and open first out."""

from datetime import datetime
from decimal import Decimal

import pytest

from tests.factories import gemeente_create, werkplaats_create
from tests.factories import spreekuur_create as spreekuur
from tests.helpers import queries_for
from werkplaatsen.geocoding_models import Postcodegebied
from werkplaatsen.openingstijden import AMSTERDAM

pytestmark = pytest.mark.django_db

TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=AMSTERDAM)
WEDNESDAY_14 = datetime(2026, 11, 25, 14, 0, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def _pc4():
    Postcodegebied.objects.bulk_create(
        [
            Postcodegebied(pc4="8011", plaats="Zwolle", latitude=52.5126, longitude=6.0936),
            Postcodegebied(pc4="8043", plaats="Zwolle", latitude=52.5310, longitude=6.0560),
            Postcodegebied(pc4="8032", plaats="Zwolle", latitude=52.5360, longitude=6.0990),
        ]
    )


def titles_in_list(html: str) -> list[str]:
    """The werkplaats names in the result list, in order."""
    import re

    section = html.split('id="lijst-kop"', 1)[1]
    return re.findall(r'<h3 class="utrecht-heading-3"><a class="utrecht-link" href="[^"]+">([^<]+)</a>', section)


def best(html: str) -> str:
    import re

    return re.search(r'id="beste-kop">([^<]+)</h2>\s*<p class="utrecht-paragraph">[^<]*<a[^>]*>([^<]+)</a>', html).groups()


@pytest.mark.parametrize("typed", ["8043AA", "8043 aa", " 8043  AA ", "8043"])
def test_a_postcode_in_any_spelling_lists_the_nearest_first(client, netwerk, clock, typed):
    clock.set(TUESDAY_10)
    html = client.get("/werkplaatsen/", {"q": typed}).content.decode()
    assert titles_in_list(html) == ["Werkplaats Stadshagen", "Werkplaats Aa-landen", "Werkplaats Binnenstad"]
    assert "de dichtstbijzijnde eerst" in html
    assert best(html) == ("Nu open en het dichtstbij", "Werkplaats Stadshagen")
    assert "Afstand: 0 m" in html or "Afstand: 10 m" in html or "Afstand: 20 m" in html
    assert "Nu open tot 12:30" in html


def test_the_api_s_postcode_parameter_works_on_the_finder_too(client, netwerk, clock):
    clock.set(TUESDAY_10)
    by_postcode = client.get("/werkplaatsen/", {"postcode": "8043 AA"}).content.decode()
    assert titles_in_list(by_postcode) == ["Werkplaats Stadshagen", "Werkplaats Aa-landen", "Werkplaats Binnenstad"]
    assert 'value="8043 AA"' in by_postcode, "what was asked shows in the search box"


@pytest.mark.parametrize(
    ("params", "named"),
    [({"lat": "noord", "lon": "6.1"}, "uw locatie"), ({"dag": "9"}, "Open op"), ({"taal": "xx"}, "Taal")],
)
def test_what_the_finder_cannot_read_is_named_and_all_werkplaatsen_shown(client, netwerk, clock, params, named):
    html = client.get("/werkplaatsen/", params).content.decode()
    assert f"Dit konden we niet lezen: {named}. Daarom staan hieronder alle werkplaatsen." in html
    assert len(titles_in_list(html)) == 3
    if "lat" not in params:
        assert '<details class="finder__filters" open>' in html, "the field with the message is shown"


def test_the_nearest_open_werkplaats_comes_first_even_when_a_closed_one_is_nearer(client, netwerk, clock):
    # Tuesday morning from 8032 (Aa-landen's postcode): Aa-landen is nearest but shut; Binnenstad is open.
    clock.set(TUESDAY_10)
    html = client.get("/werkplaatsen/", {"q": "8032"}).content.decode()
    assert titles_in_list(html)[0] == "Werkplaats Aa-landen"
    assert best(html) == ("Nu open en het dichtstbij", "Werkplaats Binnenstad")


def test_when_nothing_is_open_it_says_which_opens_first(client, netwerk, clock):
    clock.set(datetime(2026, 11, 25, 17, 0, tzinfo=AMSTERDAM))  # Wednesday evening
    html = client.get("/werkplaatsen/", {"q": "8011"}).content.decode()
    assert best(html) == ("Nu is er geen werkplaats open", "Werkplaats Aa-landen")
    assert "Morgen open van 13:00 tot 16:00" in html


def test_a_place_name_works_too(client, netwerk, clock):
    html = client.get("/werkplaatsen/", {"q": "Zwolle"}).content.decode()
    assert "Werkplaatsen bij Zwolle, de dichtstbijzijnde eerst." in html
    assert len(titles_in_list(html)) == 3


@pytest.mark.parametrize("typed", ["9999 ZZ", "Atlantis"])
def test_an_unknown_postcode_or_place_gets_a_message_and_the_full_list(client, netwerk, clock, typed):
    response = client.get("/werkplaatsen/", {"q": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"We kunnen „{typed}” niet vinden." in html
    assert sorted(titles_in_list(html)) == ["Werkplaats Aa-landen", "Werkplaats Binnenstad", "Werkplaats Stadshagen"]
    assert 'value="' + typed + '"' in html, "what the resident typed stays in the box"


@pytest.mark.parametrize(
    "params",
    [{"q": "x" * 500}, {"lat": "noord", "lon": "6.1"}, {"lat": "99", "lon": "6.1"}, {"dag": "9"}, {"taal": "xx"}],
)
def test_bad_input_never_breaks_the_page(client, netwerk, clock, params):
    response = client.get("/werkplaatsen/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Niet alles klopt" in html
    assert len(titles_in_list(html)) == 3


def test_use_my_location_sorts_by_the_coordinates_the_browser_gave(client, netwerk, clock):
    clock.set(TUESDAY_10)
    html = client.get("/werkplaatsen/", {"lat": "52.5370", "lon": "6.1010"}).content.decode()
    assert "Werkplaatsen bij uw locatie, de dichtstbijzijnde eerst." in html
    assert titles_in_list(html)[0] == "Werkplaats Aa-landen"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"taal": "ar"}, ["Werkplaats Aa-landen"]),
        ({"rolstoel": "on"}, ["Werkplaats Aa-landen"]),
        ({"dag": "3"}, ["Werkplaats Aa-landen"]),
        ({"open_vandaag": "on"}, ["Werkplaats Binnenstad", "Werkplaats Stadshagen"]),
        ({"onderwerp": "post", "dag": "1"}, ["Werkplaats Binnenstad", "Werkplaats Stadshagen"]),
    ],
)
def test_filters(client, netwerk, clock, params, expected):
    clock.set(TUESDAY_10)
    html = client.get("/werkplaatsen/", params).content.decode()
    assert titles_in_list(html) == expected
    assert "<details class=\"finder__filters\" open>" in html, "used filters stay visible"


def test_filters_that_leave_nothing_offer_a_way_back(client, netwerk, clock):
    html = client.get("/werkplaatsen/", {"q": "8011", "taal": "pap"}).content.decode()
    assert "Geen werkplaats past bij deze filters." in html
    assert 'href="/werkplaatsen/?q=8011"' in html


def test_unpublished_werkplaatsen_and_other_gemeenten_stay_out(client, netwerk, clock):
    _gemeente, pages = netwerk
    pages["stadshagen"].unpublish()
    kampen = gemeente_create(naam="Kampen", cbs_code="GM0166")
    werkplaats_create(kampen, title="Werkplaats Kampen", slug="kampen")
    html = client.get("/werkplaatsen/").content.decode()
    assert titles_in_list(html) == ["Werkplaats Aa-landen", "Werkplaats Binnenstad"]
    kampen_html = client.get("/werkplaatsen/", HTTP_HOST="kampen.localhost").content.decode()
    assert titles_in_list(kampen_html) == ["Werkplaats Kampen"]


def test_the_map_gets_the_same_werkplaatsen_as_the_list(client, netwerk, clock):
    import json
    import re

    html = client.get("/werkplaatsen/", {"q": "8043"}).content.decode()
    data = json.loads(re.search(r'<script id="kaart-data" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert [p["naam"] for p in data] == titles_in_list(html)
    assert data[0]["url"] == "/werkplaatsen/stadshagen/"


def _network_of(size: int):
    gemeente = gemeente_create()
    for n in range(size):
        page = werkplaats_create(
            gemeente, title=f"Werkplaats {n:03d}", slug=f"w{n}", latitude=Decimal("52.5") + Decimal(n) / 1000,
            longitude=Decimal("6.09"), talen=["nl"],
        )
        spreekuur(page, n % 5, "09:00", "12:00")
        spreekuur(page, (n + 2) % 5, "13:00", "16:00")


@pytest.mark.parametrize("size", [5, 200])
def test_finder_query_count_does_not_grow_with_the_werkplaatsen(client, clock, size, django_assert_max_num_queries):
    _network_of(size)
    client.get("/werkplaatsen/")  # the first request of a fresh process fills Wagtail's own caches
    # The first request after a publish rebuilds the gemeente's snapshot: three queries more, once.
    from werkplaatsen.models import Gemeente
    from werkplaatsen.snapshot import invalidate

    invalidate(Gemeente.objects.get().site_id)
    # One of them lists the footer's menu pages (FAQ, "Over de werkplaatsen").
    with django_assert_max_num_queries(12):
        client.get("/werkplaatsen/", {"q": "8043"})
    # Afterwards: a postcode nobody searched before (so geocoding is not cached) still takes at most 11.
    with django_assert_max_num_queries(11):
        response = client.get("/werkplaatsen/", {"q": "8011 MC", "open_vandaag": "on"})
    assert response.status_code == 200
    assert len(titles_in_list(response.content.decode())) > 0


def test_finder_query_count_is_the_same_for_5_and_200(client, clock):
    _network_of(5)
    client.get("/werkplaatsen/")
    few = queries_for(lambda: client.get("/werkplaatsen/", {"q": "8011"}))
    gemeente_create(naam="Kampen", cbs_code="GM0166")  # noise elsewhere changes nothing
    from werkplaatsen.models import Gemeente

    zwolle = Gemeente.objects.get(naam="Zwolle")
    for n in range(195):
        werkplaats_create(zwolle, title=f"Extra {n}", slug=f"extra-{n}")
    client.get("/werkplaatsen/")  # the new pages invalidated the snapshot: build it once
    many = queries_for(lambda: client.get("/werkplaatsen/", {"q": "8032"}))
    assert many == few


def test_publishing_a_change_refreshes_the_cached_finder(client, netwerk, clock):
    _gemeente, pages = netwerk
    assert "Werkplaats Binnenstad" in client.get("/werkplaatsen/").content.decode()
    page = pages["binnenstad"]
    page.title = "Werkplaats Centrum"
    page.save_revision().publish()
    html = client.get("/werkplaatsen/").content.decode()
    assert "Werkplaats Centrum" in html and "Werkplaats Binnenstad" not in html


def test_a_new_closure_shows_at_once(client, netwerk, clock):
    from werkplaatsen.models import Sluiting

    clock.set(TUESDAY_10)
    _gemeente, pages = netwerk
    assert "Nu open tot 12:00" in client.get("/werkplaatsen/", {"q": "8011"}).content.decode()
    Sluiting.objects.create(werkplaats=pages["binnenstad"], van=TUESDAY_10.date(), tot=TUESDAY_10.date(), reden="Storing")
    html = client.get("/werkplaatsen/", {"q": "8011"}).content.decode()
    assert "Nu open tot 12:00" not in html
