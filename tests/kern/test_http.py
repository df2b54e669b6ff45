"""kern.http: an uncaught domain error becomes its status, as JSON for programs and a Dutch page for people."""

import pytest

from kern.fouten import DomeinFout, Soort

pytestmark = [pytest.mark.urls("tests.kern.urls_fout"), pytest.mark.django_db]

STATUS = {Soort.GEWEIGERD: 403, Soort.NIET_GEVONDEN: 404, Soort.CONFLICT: 409, Soort.ONGELDIG: 422}


@pytest.mark.parametrize("soort", list(Soort))
def test_a_person_gets_a_dutch_page_with_the_message_and_a_way_back(client, soort):
    response = client.get(f"/mijn/{soort.value}/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert response.status_code == STATUS[soort]
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Dit lukt niet" in page and "Dit mag u hier niet doen." in page
    assert 'href="/">Ga terug</a>' in page


@pytest.mark.parametrize("soort", list(Soort))
def test_a_program_asking_for_json_gets_the_code_and_the_message(client, soort):
    response = client.get(f"/mijn/{soort.value}/", HTTP_ACCEPT="application/json")
    assert response.status_code == STATUS[soort]
    assert response.json() == {"code": f"test_{soort.value}", "message": "Dit mag u hier niet doen."}


def test_an_api_path_answers_json_whatever_the_accept_header(client):
    response = client.get("/api/v1/conflict/", HTTP_ACCEPT="*/*")
    assert response.status_code == 409
    assert response.json()["code"] == "test_conflict"


def test_a_browser_accepting_anything_gets_html(client):
    response = client.get("/mijn/ongeldig/", HTTP_ACCEPT="*/*")
    assert response.status_code == 422 and response["Content-Type"].startswith("text/html")


def test_back_goes_to_the_page_the_user_came_from_but_never_to_another_site(client):
    same = client.get("/mijn/conflict/", HTTP_REFERER="http://testserver/mijn/rooster/")
    assert 'href="http://testserver/mijn/rooster/"' in same.content.decode()
    other = client.get("/mijn/conflict/", HTTP_REFERER="https://elders.example/")
    assert "elders.example" not in other.content.decode()


def test_other_errors_are_left_to_django(client):
    client.raise_request_exception = True
    with pytest.raises(ValueError):
        client.get("/mijn/kapot/")


def test_status_follows_the_soort_and_a_subclass_may_set_its_own():
    class Invoerfout(DomeinFout):
        soort = Soort.ONGELDIG

    assert DomeinFout("x", "y").status == 409
    assert Invoerfout("x", "y").status == 422
    assert Invoerfout("x", "y", soort=Soort.GEWEIGERD).status == 403
