"""A resident takes a number at the kiosk, a volunteer calls it and logs the visit, the coordinator sees it.

axe-core checks the kiosk, the screen, the queue, the log form and the report on the way.
"""

import pytest

from accounts.models import WerkplaatsRol
from inloop.services import kiosk_uitgeven
from tests.conftest import axe_violations
from tests.factories import (
    UserFactory,
    gemeente_create,
    lidmaatschap_create,
    spreekuur_create,
    werkplaats_create,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _login(page, base, username):
    page.goto(base + "/mijn/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("correct-paard-batterij")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn/")


def test_kiosk_to_report(live_server, phone_page, browser):
    werkplaats = werkplaats_create(gemeente_create())
    spreekuur_create(werkplaats, 1, "09:00", "17:00")  # open on the clock's Tuesday morning
    lidmaatschap_create(UserFactory(username="anouk", first_name="Anouk"), werkplaats)
    lidmaatschap_create(UserFactory(username="karin", first_name="Karin"), werkplaats, WerkplaatsRol.COORDINATOR)
    links = kiosk_uitgeven(werkplaats=werkplaats)
    base = live_server.url

    kiosk = browser.new_context(viewport={"width": 1024, "height": 768}, locale="nl-NL").new_page()
    kiosk.goto(f"{base}/inloop/kiosk/{links.kiosk}/")
    assert axe_violations(kiosk) == []
    kiosk.get_by_role("button", name="Neem een nummer").click()
    assert kiosk.locator(".kiosk__nummer").inner_text() == "1"
    assert axe_violations(kiosk) == []

    screen_context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")
    screen = screen_context.new_page()
    screen.goto(f"{base}/inloop/scherm/{links.scherm}/")
    assert "1 persoon wacht" in screen.locator("#info").inner_text()
    assert axe_violations(screen) == []

    _login(phone_page, base, "anouk")
    phone_page.goto(f"{base}/mijn/inloop/{werkplaats.pk}/wachtrij/")
    assert axe_violations(phone_page) == []
    phone_page.get_by_role("button", name="Roep het volgende nummer").click()
    assert "U heeft nummer 1 geroepen" in phone_page.get_by_role("status").first.inner_text()
    # The screen in the room shows it within 5 seconds, without anyone touching it.
    screen.locator("#geroepen .scherm__nummer", has_text="1").wait_for(timeout=5000)

    phone_page.get_by_role("button", name="Nummer 1 geholpen").click()
    phone_page.wait_for_url("**/bezoek/?wachtnummer=*")
    assert axe_violations(phone_page) == []
    phone_page.get_by_label("Belastingaangifte").check()
    phone_page.get_by_role("button", name="Bezoek opslaan").click()
    phone_page.wait_for_url(f"**/mijn/inloop/{werkplaats.pk}/wachtrij/")
    assert "Het bezoek is vastgelegd" in phone_page.get_by_role("status").first.inner_text()

    coordinator = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    _login(coordinator, base, "karin")
    coordinator.goto(f"{base}/mijn/inloop/rapportage/")
    topics = coordinator.get_by_role("table", name="Onderwerpen (een bezoek kan over meer onderwerpen gaan) (tabel)")
    row = topics.get_by_role("row", name="Belastingaangifte")
    assert row.get_by_role("cell").last.inner_text() == "1"
    assert axe_violations(coordinator) == []
    screen_context.close()


def test_log_form_errors_are_accessible(live_server, phone_page):
    werkplaats = werkplaats_create(gemeente_create())
    spreekuur_create(werkplaats, 1, "09:00", "17:00")  # open on the clock's Tuesday morning
    lidmaatschap_create(UserFactory(username="anouk", first_name="Anouk"), werkplaats)
    _login(phone_page, live_server.url, "anouk")
    phone_page.goto(f"{live_server.url}/mijn/inloop/{werkplaats.pk}/bezoek/")
    assert axe_violations(phone_page) == []
    phone_page.get_by_role("button", name="Bezoek opslaan").click()
    assert "Kies minstens één onderwerp." in phone_page.inner_text("body")
    assert axe_violations(phone_page) == []
