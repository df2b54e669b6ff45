"""With DEBUG off, 400, 403, 404 and 500 are our own pages: Dutch, in the site's look, with a way home."""

import pytest
from django.test import Client
from django.urls import get_resolver

pytestmark = pytest.mark.urls("tests.site.urls_fouten")


def _assert_own_page(response, status, heading):
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert "vendor/utrecht/index.css" in html and 'class="site-header"' in html, "the site's look"
    assert heading in html
    assert 'href="/"' in html and "Naar de homepage" in html


@pytest.fixture
def anonymous(settings):
    settings.DEBUG = False
    return Client(raise_request_exception=False)


@pytest.mark.django_db
def test_404_is_dutch_with_a_link_home(anonymous):
    _assert_own_page(anonymous.get("/bestaat-niet/"), 404, "Deze pagina bestaat niet")


@pytest.mark.django_db
def test_403_says_why_in_dutch(anonymous):
    response = anonymous.get("/test-fout/403/")
    _assert_own_page(response, 403, "U mag deze pagina niet zien")
    assert "Alleen de coördinator van deze werkplaats mag dit zien." in response.content.decode()


@pytest.mark.django_db
def test_400_is_dutch(anonymous):
    _assert_own_page(anonymous.get("/test-fout/400/"), 400, "Dit verzoek konden we niet lezen")


@pytest.mark.django_db
def test_a_request_for_an_unknown_host_gets_the_dutch_400(anonymous):
    _assert_own_page(anonymous.get("/", HTTP_HOST="onbekend.example"), 400, "Dit verzoek konden we niet lezen")


@pytest.mark.django_db
def test_500_is_dutch(anonymous):
    _assert_own_page(anonymous.get("/test-fout/500/"), 500, "Er ging iets mis bij ons")


@pytest.mark.django_db
def test_an_expired_form_gets_a_dutch_403(settings):
    settings.DEBUG = False
    response = Client(enforce_csrf_checks=True).post("/mijn/inloggen/", {"username": "x", "password": "y"})
    _assert_own_page(response, 403, "Dit formulier is verlopen")


def test_500_page_needs_no_database(rf, django_db_blocker, settings):
    """The 500 page shows when the database is down: rendering it must not touch the database."""
    settings.DEBUG = False
    handler = get_resolver().resolve_error_handler(500)
    with django_db_blocker.block():
        response = handler(rf.get("/"))
    _assert_own_page(response, 500, "Er ging iets mis bij ons")

