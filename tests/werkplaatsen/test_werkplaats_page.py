"""A werkplaats page: what a resident reads, and the JSON-LD a search engine reads (via pyld)."""

from datetime import date, datetime, time

import pytest

from tests.factories import gemeente_create, werkplaats_create
from tests.factories import spreekuur_create as spreekuur
from tests.jsonld import RDF_TYPE, SCHEMA, blocks_in, objects, triples
from werkplaatsen.models import Sluiting
from werkplaatsen.openingstijden import AMSTERDAM

pytestmark = pytest.mark.django_db


@pytest.fixture
def werkplaats(clock):
    clock.set(datetime(2026, 12, 21, 10, 0, tzinfo=AMSTERDAM))  # Monday before Christmas
    page = werkplaats_create(
        gemeente_create(), title="Werkplaats Binnenstad", slug="binnenstad", talen=["nl", "ar"],
        onderwerpen=["post", "toeslagen"], rolstoeltoegankelijk=True, telefoon="038 123 45 67",
        inleiding="Vragen over geld of post? Loop binnen.",
    )
    spreekuur(page, 0, "09:00", "12:00")
    spreekuur(page, 4, "13:00", "16:00", aanwezig="Ook een sociaal raadslid aanwezig")
    spreekuur(page, 5, "10:00", "12:00", frequentie="om_de_n_weken", interval=2, geldig_vanaf=date(2026, 12, 19))
    Sluiting.objects.create(werkplaats=page, van=date(2026, 12, 28), tot=date(2027, 1, 3), reden="Kerstvakantie")
    Sluiting.objects.create(
        werkplaats=page, van=date(2026, 12, 24), tot=date(2026, 12, 24), reden="Kerstavond", opent=time(9), sluit=time(11)
    )
    return page


def test_the_page_shows_status_hours_exceptions_and_what_to_know(client, werkplaats):
    html = client.get("/werkplaatsen/binnenstad/").content.decode()
    assert "Nu open tot 12:00" in html
    assert "Maandag" in html and "09:00–12:00" in html
    assert "Ook een sociaal raadslid aanwezig" in html
    assert "om de 2 weken" in html
    assert "Kerstvakantie" in html and "Kerstavond" in html and "open van 09:00 tot 11:00" in html
    assert "Eerste Kerstdag" not in html, "Christmas Day is a Friday with a spreekuur: listed as Kerstdag"
    assert "Toeslagen en uitkeringen" in html and "Arabisch" in html and "Rolstoeltoegankelijk." in html
    assert 'href="/werkplaatsen/binnenstad/openingstijden.ics"' in html


def test_public_holidays_on_a_spreekuur_day_are_announced(client, werkplaats):
    # Friday 25 December (Eerste kerstdag) would have the Friday spreekuur.
    html = client.get("/werkplaatsen/binnenstad/").content.decode()
    assert "Eerste kerstdag" in html


def test_json_ld_reads_back_as_a_government_office_with_its_hours(client, werkplaats):
    (document,) = blocks_in(client.get("/werkplaatsen/binnenstad/").content.decode())
    graph = triples(document)
    (office,) = [s for s, p, o in graph if p == RDF_TYPE and o == SCHEMA + "GovernmentOffice"]
    assert objects(graph, office, "name") == ["Werkplaats Binnenstad"]
    (address,) = objects(graph, office, "address")
    assert objects(graph, address, "postalCode") == ["8011 MC"]
    assert objects(graph, office, "telephone") == ["038 123 45 67"]
    regular = objects(graph, office, "openingHoursSpecification")
    days = sorted(o for spec in regular for o in objects(graph, spec, "dayOfWeek"))
    assert days == ["https://schema.org/Friday", "https://schema.org/Monday"], "the fortnightly Saturday is no weekly rule"
    special = objects(graph, office, "specialOpeningHoursSpecification")
    by_date = {objects(graph, spec, "validFrom")[0]: spec for spec in special}
    christmas_eve = by_date["2026-12-24"]
    assert objects(graph, christmas_eve, "opens") == ["09:00"] and objects(graph, christmas_eve, "closes") == ["11:00"]
    holiday = by_date["2026-12-28"]
    assert objects(graph, holiday, "validThrough") == ["2027-01-03"]
    assert objects(graph, holiday, "opens") == ["00:00"] == objects(graph, holiday, "closes")
    assert "2026-12-26" not in by_date or objects(graph, by_date["2026-12-26"], "opens") == ["00:00"], (
        "the fortnightly Saturday on Tweede Kerstdag is closed"
    )
    assert objects(graph, by_date["2026-12-19"] if "2026-12-19" in by_date else by_date["2027-01-16"], "opens") == ["10:00"]


def test_json_ld_cannot_be_broken_out_of_by_an_editors_text(client, werkplaats):
    werkplaats.inleiding = "Kom langs </script><script>alert(1)</script>"
    werkplaats.save_revision().publish()
    html = client.get("/werkplaatsen/binnenstad/").content.decode()
    assert "<script>alert(1)" not in html
    (document,) = blocks_in(html)
    assert document["description"] == "Kom langs </script><script>alert(1)</script>"


@pytest.mark.parametrize("size", [5, 200])
def test_werkplaats_page_query_count_does_not_grow(client, clock, size, django_assert_max_num_queries):
    gemeente = gemeente_create()
    for n in range(size):
        page = werkplaats_create(gemeente, title=f"Werkplaats {n}", slug=f"w{n}")
        spreekuur(page, n % 5, "09:00", "12:00")
    client.get("/werkplaatsen/w1/")
    with django_assert_max_num_queries(10):
        assert client.get("/werkplaatsen/w1/").status_code == 200


def test_editors_get_the_hours_panels_in_dutch(admin_client, werkplaats):
    response = admin_client.get(f"/beheer/pages/{werkplaats.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Openingstijden (spreekuren)" in html
    assert "Sluitingen en andere tijden" in html
    assert "Publiceren" in html, "Wagtail's own buttons are Dutch too"


def test_an_editor_cannot_save_a_spreekuur_that_closes_before_it_opens(werkplaats):
    from django.core.exceptions import ValidationError

    from werkplaatsen.models import Spreekuur

    wrong = Spreekuur(werkplaats=werkplaats, weekdag=2, opent=time(12), sluit=time(9))
    with pytest.raises(ValidationError) as error:
        wrong.full_clean()
    assert error.value.message_dict == {"sluit": ["De sluitingstijd moet na de openingstijd liggen."]}


def test_coordinates_left_empty_are_looked_up_from_the_postcode(pdok):
    from decimal import Decimal

    pdok.answers["8032 GN"] = "pdok_postcode_8032gn.json"
    page = werkplaats_create(gemeente_create(), postcode="8032gn", latitude=None, longitude=None)
    page.full_clean()
    assert (page.latitude, page.longitude) == (Decimal("52.536993"), Decimal("6.100842"))
    # Coordinates an editor entered are kept.
    page.latitude, page.longitude = Decimal("52.5"), Decimal("6.1")
    page.full_clean()
    assert (page.latitude, page.longitude) == (Decimal("52.5"), Decimal("6.1"))
