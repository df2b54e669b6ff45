"""A volunteer logs in on a phone; the login and two-factor pages pass axe-core."""

import io

import pytest
from PIL import Image

from accounts.models import WerkplaatsRol
from tests.conftest import axe_violations
from tests.factories import UserFactory, gemeente_create, lidmaatschap_create, werkplaats_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_volunteer_logs_in_on_a_phone(live_server, phone_page):
    werkplaats = werkplaats_create(gemeente_create())
    lidmaatschap_create(UserFactory(username="anouk", first_name="Anouk"), werkplaats)
    phone_page.goto(live_server.url + "/mijn/")
    phone_page.wait_for_url("**/mijn/inloggen/**")
    assert axe_violations(phone_page) == []
    phone_page.get_by_label("Gebruikersnaam").fill("anouk")
    phone_page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    phone_page.get_by_role("button", name="Inloggen").click()
    assert (
        phone_page.get_by_role("alert")
        .inner_text()
        .startswith("De gebruikersnaam of het wachtwoord klopt niet")
    )
    assert axe_violations(phone_page) == []
    phone_page.get_by_label("Wachtwoord").fill("correct-paard-batterij")
    phone_page.get_by_role("button", name="Inloggen").click()
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Welkom, Anouk"
    assert axe_violations(phone_page) == []


def test_two_factor_setup_page_is_accessible(live_server, phone_page, settings):
    settings.TWO_FACTOR_REQUIRED = True
    werkplaats = werkplaats_create(gemeente_create())
    lidmaatschap_create(UserFactory(username="karin"), werkplaats, WerkplaatsRol.COORDINATOR)
    phone_page.goto(live_server.url + "/mijn/inloggen/")
    phone_page.get_by_label("Gebruikersnaam").fill("karin")
    phone_page.get_by_label("Wachtwoord").fill("correct-paard-batterij")
    phone_page.get_by_role("button", name="Inloggen").click()
    phone_page.wait_for_url("**/mijn/tweestaps/instellen/**")
    qr = phone_page.get_by_role("img", name="QR-code voor uw authenticator-app")
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box["width"] >= 150 and box["height"] >= 150
    # Drawn, not blank: a QR code is about half dark modules on a light background.
    image = Image.open(io.BytesIO(qr.screenshot())).convert("L")
    counts = image.histogram()  # 256 grey levels
    total = sum(counts)
    dark, light = sum(counts[:64]) / total, sum(counts[193:]) / total
    assert 0.2 < dark < 0.7 and light > 0.3, (dark, light)
    assert axe_violations(phone_page) == []
