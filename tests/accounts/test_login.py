"""The /mijn/ entrance: password login, the second factor for those who need it, and the audit trail."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.audit import AuditRegel, audit_chain_verify
from accounts.models import WerkplaatsRol
from tests.factories import UserFactory, gemeente_create, lidmaatschap_create, werkplaats_create
from tests.helpers import queries_for

PASSWORD = "correct-paard-batterij"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _two_factor_on(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def werkplaats():
    return werkplaats_create(gemeente_create())


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _login(client, user, next_url="/mijn/"):
    return client.post("/mijn/inloggen/", {"username": user.username, "password": PASSWORD, "next": next_url})


def test_volunteer_logs_in_with_a_password_and_sees_their_roles(client, werkplaats):
    volunteer = UserFactory(first_name="Anouk")
    lidmaatschap_create(volunteer, werkplaats)
    response = _login(client, volunteer)
    assert response.status_code == 302 and response["Location"] == "/mijn/"
    page = client.get("/mijn/").content.decode()
    assert "Welkom, Anouk" in page
    assert "Vrijwilliger – Werkplaats Centrum" in page


def test_wrong_password_gets_a_dutch_message_and_is_audited(client, werkplaats):
    volunteer = UserFactory()
    response = client.post("/mijn/inloggen/", {"username": volunteer.username, "password": "fout"})
    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()
    row = AuditRegel.objects.get(actie="inloggen")
    assert row.resultaat == "geweigerd" and row.actor is None


def test_workspace_requires_login(client):
    response = client.get("/mijn/")
    assert response.status_code == 302
    assert response["Location"].startswith("/mijn/inloggen/?next=/mijn/")


def test_coordinator_must_set_up_a_second_factor_before_the_workspace(client, werkplaats, settings):
    # django-otp makes a wrong code cost a growing wait; this test retries at once, like a person who waited.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    coordinator = UserFactory()
    lidmaatschap_create(coordinator, werkplaats, WerkplaatsRol.COORDINATOR)
    _login(client, coordinator)
    response = client.get("/mijn/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/mijn/tweestaps/instellen/")
    assert "data:image/svg+xml;base64," in response.content.decode()

    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    wrong = client.post("/mijn/tweestaps/instellen/", {"code": "000000", "next": "/mijn/"})
    assert "klopt niet" in wrong.content.decode()
    assert client.get("/mijn/").status_code == 302

    ok = client.post("/mijn/tweestaps/instellen/", {"code": _code(device), "next": "/mijn/"})
    assert ok.status_code == 302 and ok["Location"] == "/mijn/"
    assert client.get("/mijn/").status_code == 200
    assert audit_chain_verify().intact


def test_next_login_asks_for_the_code_and_a_wrong_code_keeps_them_out(client, werkplaats):
    coordinator = UserFactory()
    lidmaatschap_create(coordinator, werkplaats, WerkplaatsRol.COORDINATOR)
    device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    _login(client, coordinator)
    assert client.get("/mijn/")["Location"].startswith("/mijn/tweestaps/")
    bad = client.post("/mijn/tweestaps/", {"code": "12345", "next": "/mijn/"})
    assert "zes cijfers" in bad.content.decode()
    assert client.get("/mijn/").status_code == 302
    good = client.post("/mijn/tweestaps/", {"code": _code(device), "next": "/mijn/"})
    assert good["Location"] == "/mijn/"
    assert client.get("/mijn/").status_code == 200


def test_someone_with_a_device_cannot_replace_it_with_only_a_password(client, werkplaats):
    coordinator = UserFactory()
    lidmaatschap_create(coordinator, werkplaats, WerkplaatsRol.COORDINATOR)
    TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    _login(client, coordinator)
    response = client.get("/mijn/tweestaps/instellen/")
    assert response["Location"].startswith("/mijn/tweestaps/?")
    assert not TOTPDevice.objects.filter(user=coordinator, confirmed=False).exists()


def test_staff_need_the_second_factor_for_the_wagtail_admin(client):
    editor = UserFactory(is_staff=True, is_superuser=True)
    _login(client, editor, next_url="/beheer/")
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/mijn/tweestaps/")


def test_next_parameter_cannot_send_people_to_another_site(client, werkplaats):
    coordinator = UserFactory()
    lidmaatschap_create(coordinator, werkplaats, WerkplaatsRol.COORDINATOR)
    device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    _login(client, coordinator)
    response = client.post(
        "/mijn/tweestaps/", {"code": _code(device), "next": "https://kwaadwillend.example/"}
    )
    assert response["Location"] == "/mijn/"


def test_logout_is_a_post_and_is_audited(client, werkplaats):
    volunteer = UserFactory()
    lidmaatschap_create(volunteer, werkplaats)
    _login(client, volunteer)
    assert client.post("/mijn/uitloggen/").status_code == 302
    assert client.get("/mijn/").status_code == 302
    assert list(AuditRegel.objects.values_list("actie", "resultaat")) == [
        ("inloggen", "gelukt"),
        ("uitloggen", "gelukt"),
    ]


def test_workspace_overview_query_count_does_not_grow_with_roles(
    client, werkplaats, django_assert_max_num_queries
):
    volunteer = UserFactory()
    lidmaatschap_create(volunteer, werkplaats)
    client.force_login(volunteer)
    client.get("/mijn/")  # fills the per-process caches (Wagtail's site root paths) like any first request
    few = queries_for(lambda: client.get("/mijn/"))
    gemeente = werkplaats.gemeente
    for i in range(10):
        lidmaatschap_create(volunteer, werkplaats_create(gemeente, title=f"Werkplaats {i}"))
    many = queries_for(lambda: client.get("/mijn/"))
    assert many == few
    with django_assert_max_num_queries(12):
        client.get("/mijn/")


def test_demo_mode_without_two_factor_lets_a_coordinator_straight_in(client, werkplaats, settings):
    settings.TWO_FACTOR_REQUIRED = False
    coordinator = UserFactory()
    lidmaatschap_create(coordinator, werkplaats, WerkplaatsRol.COORDINATOR)
    _login(client, coordinator)
    assert client.get("/mijn/").status_code == 200


def test_the_workspace_menu_leads_to_roster_and_walk_ins(client, werkplaats):
    volunteer = UserFactory()
    lidmaatschap_create(volunteer, werkplaats)
    client.force_login(volunteer)
    html = client.get("/mijn/").content.decode()
    assert 'href="/mijn/rooster/"' in html and 'href="/mijn/inloop/"' in html
    assert 'href="/mijn/" aria-current="page"' in html
    rooster = client.get("/mijn/rooster/").content.decode()
    assert 'href="/mijn/rooster/" aria-current="page"' in rooster and 'href="/mijn/" aria-current' not in rooster
    assert 'aria-label="Mijn werkplaats"' not in client.get("/").content.decode(), "not on the public site"


def test_the_site_declares_which_paths_need_the_second_factor(client, werkplaats, settings):
    # The prefixes are the site's URL layout: accounts takes them from the settings, not from itself.
    coordinator = UserFactory()
    lidmaatschap_create(coordinator, werkplaats, WerkplaatsRol.COORDINATOR)
    _login(client, coordinator)
    settings.TWO_FACTOR_PROTECTED_PREFIXES = ("/beheer/",)
    assert client.get("/mijn/").status_code == 200
    settings.TWO_FACTOR_PROTECTED_PREFIXES = ("/mijn/",)
    settings.TWO_FACTOR_EXEMPT_PREFIXES = ("/mijn/rooster/",)
    assert client.get("/mijn/")["Location"].startswith("/mijn/tweestaps/")
    assert client.get("/mijn/rooster/").status_code == 200
