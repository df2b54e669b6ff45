"""Placing a postcode or a town: offline PC4 table first, PDOK (recorded answers) after, all cached."""

import logging
from pathlib import Path

import pytest
import requests
from django.core.management import CommandError, call_command

from werkplaatsen import geocoding
from werkplaatsen.geocoding_models import GeocodeAntwoord, Postcodegebied

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [("8032gn", "8032 GN"), (" 8032 GN ", "8032 GN"), ("8032  gn", "8032 GN"), ("8032", "8032"),
     ("  Zwolle ", "zwolle"), ("'s-Hertogenbosch", "'s-hertogenbosch")],
)
def test_queries_are_normalized_so_each_place_is_asked_once(typed, normalized):
    assert geocoding.normalize_query(typed) == normalized


def test_a_six_character_postcode_goes_to_pdok_once_then_comes_from_the_database(pdok):
    pdok.answers["8032 GN"] = "pdok_postcode_8032gn.json"
    first = geocoding.locate("8032gn")
    assert (round(first.latitude, 4), round(first.longitude, 4)) == (52.537, 6.1008)
    assert first.naam == "Eemstraat, 8032GN Zwolle"
    assert pdok.calls[0]["params"]["fq"] == "type:(postcode OR woonplaats)"
    assert pdok.calls[0]["timeout"] == 2
    assert geocoding.locate("8032 GN") == first
    assert len(pdok.calls) == 1, "the second search is answered from the database"


def test_a_town_is_found_through_pdok(pdok):
    pdok.answers["kampen"] = "pdok_woonplaats_kampen.json"
    found = geocoding.locate("Kampen")
    assert found.naam == "Kampen, Kampen, Overijssel"
    assert 52.5 < found.latitude < 52.6 and 5.8 < found.longitude < 6.0


def test_not_found_is_remembered_too(pdok):
    assert geocoding.locate("Atlantis") is None
    assert geocoding.locate("atlantis ") is None
    assert len(pdok.calls) == 1
    assert GeocodeAntwoord.objects.get(zoekterm="atlantis").gevonden is False


@pytest.mark.parametrize("failure", [500, requests.Timeout, requests.ConnectionError])
def test_pdok_failing_gives_no_answer_and_is_not_remembered(pdok, failure, caplog):
    pdok.answers["8032 GN"] = failure
    with caplog.at_level(logging.WARNING):
        assert geocoding.locate("8032GN") is None
    assert not GeocodeAntwoord.objects.exists(), "a failure is asked again next time"
    assert "8032" not in caplog.text, "what the resident typed stays out of the logs"
    pdok.answers["8032 GN"] = "pdok_postcode_8032gn.json"
    assert geocoding.locate("8032GN") is not None


def test_the_pc4_table_answers_without_the_network(pdok):
    Postcodegebied.objects.create(pc4="8032", plaats="Zwolle", latitude=52.536, longitude=6.099)
    assert geocoding.locate("8032").naam == "8032, Zwolle"
    assert geocoding.locate("8032 XY").latitude == 52.536
    assert pdok.calls == []


def test_a_town_in_the_pc4_table_is_the_middle_of_its_areas(pdok):
    Postcodegebied.objects.create(pc4="8011", plaats="Zwolle", latitude=52.50, longitude=6.00)
    Postcodegebied.objects.create(pc4="8043", plaats="Zwolle", latitude=52.54, longitude=6.10)
    found = geocoding.locate("zwolle")
    assert (round(found.latitude, 2), round(found.longitude, 2)) == (52.52, 6.05)
    assert pdok.calls == []


def test_switched_off_pdok_is_never_asked(pdok, settings):
    settings.PDOK_ENABLED = False
    assert geocoding.locate("Kampen") is None
    assert pdok.calls == []


def test_distance_between_two_werkplaatsen_in_zwolle():
    # Binnenstad to Stadshagen is about 3.3 km as the crow flies.
    assert 3200 < geocoding.distance_m(52.5127, 6.0936, 52.5310, 6.0560) < 3400
    assert geocoding.distance_m(52.5, 6.1, 52.5, 6.1) == 0


def test_import_pc4_reads_a_csv_and_updates_on_a_second_run(tmp_path: Path):
    csv = tmp_path / "pc4.csv"
    csv.write_text("pc4,plaats,latitude,longitude\n8011,Zwolle,52.5126,6.0936\n8261,Kampen,52.555,5.915\n")
    call_command("import_pc4", str(csv))
    csv.write_text("pc4,plaats,latitude,longitude\n8011,Zwolle,52.5130,6.0940\n")
    call_command("import_pc4", str(csv))
    assert Postcodegebied.objects.count() == 2
    assert Postcodegebied.objects.get(pc4="8011").latitude == 52.513


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("postcode,plaats\n8011,Zwolle\n", "Kolommen ontbreken: latitude, longitude, pc4"),
        ("pc4,plaats,latitude,longitude\n8011,Zwolle,52.5,6.1\n801,Zwolle,52.5,6.1\n", "Regel 3"),
        ("pc4,plaats,latitude,longitude\n8011,Zwolle,noord,6.1\n", "Regel 2: breedte- of lengtegraad"),
        ("pc4,plaats,latitude,longitude\n8011,Zwolle,48.85,2.35\n", "niet in Nederland"),
    ],
)
def test_a_bad_csv_is_refused_whole_with_the_line_that_is_wrong(tmp_path: Path, content, message):
    csv = tmp_path / "pc4.csv"
    csv.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_pc4", str(csv))
    assert not Postcodegebied.objects.exists(), "nothing half-imported"


def test_import_pc4_says_when_the_file_is_missing(tmp_path: Path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("import_pc4", str(tmp_path / "weg.csv"))
