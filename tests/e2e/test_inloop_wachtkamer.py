"""The waiting room, as residents and volunteers meet it (issue 11 item 9), in Chromium.

A closed werkplaats's kiosk says when it opens instead of handing out numbers; the room screen fills
the screen with the numbers; the sign-in tablet says "no shift now" to a right PIN out of hours.
"""

from datetime import datetime, timedelta

import pytest

from inloop.services import kiosk_uitgeven, wachtnummer_roep_volgende, wachtnummer_trekken
from rooster.models import Dienst, Inschrijving
from rooster.tablet import pincode_instellen, tablet_uitgeven
from tests.conftest import axe_violations
from tests.factories import (
    UserFactory,
    gemeente_create,
    lidmaatschap_create,
    spreekuur_create,
    werkplaats_create,
)
from werkplaatsen.openingstijden import AMSTERDAM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DINSDAG = datetime(2026, 11, 24, 10, 0, tzinfo=AMSTERDAM)


@pytest.fixture
def werkplaats(settings):
    settings.ROOSTER_AUTOMATISCH = False
    werkplaats = werkplaats_create(gemeente_create(), title="Werkplaats Centrum")
    spreekuur_create(werkplaats, 1, "09:00", "17:00")
    return werkplaats


def test_a_closed_kiosk_says_when_it_opens_and_hands_out_nothing(live_server, browser, clock, werkplaats):
    clock.set(DINSDAG.replace(hour=19))
    links = kiosk_uitgeven(werkplaats=werkplaats)
    kiosk = browser.new_context(viewport={"width": 1024, "height": 768}, locale="nl-NL").new_page()
    kiosk.goto(f"{live_server.url}/inloop/kiosk/{links.kiosk}/")
    status = kiosk.get_by_role("status").inner_text()
    assert "De werkplaats is nu gesloten" in status and "Open op dinsdag 1 december van 09:00 tot 17:00" in status
    assert kiosk.get_by_role("button", name="Neem een nummer").count() == 0
    assert axe_violations(kiosk) == []


def test_the_room_screen_fills_the_screen_with_the_numbers(live_server, browser, clock, werkplaats):
    clock.set(DINSDAG, running=True)
    volunteer = UserFactory(username="anouk", first_name="Anouk")
    lidmaatschap_create(volunteer, werkplaats)
    links = kiosk_uitgeven(werkplaats=werkplaats)
    for _ in range(3):
        wachtnummer_trekken(werkplaats=werkplaats)
    wachtnummer_roep_volgende(werkplaats=werkplaats, door=volunteer)
    screen = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="nl-NL").new_page()
    screen.goto(f"{live_server.url}/inloop/scherm/{links.scherm}/")
    nummer = screen.locator("#geroepen .scherm__nummer").first
    assert nummer.inner_text() == "1"
    # Readable from five metres: the number is over a fifth of the screen's height.
    assert nummer.bounding_box()["height"] > 1080 / 5
    assert screen.locator("header, footer, nav").count() == 0
    assert axe_violations(screen) == []
    # The kiosk's link is not the screen's, and the screen's opens no kiosk.
    assert screen.goto(f"{live_server.url}/inloop/kiosk/{links.scherm}/").status == 404


def test_the_tablet_tells_a_right_pin_out_of_hours_that_there_is_no_shift_now(live_server, browser, clock, werkplaats):
    clock.set(DINSDAG)
    anouk = UserFactory(username="anouk", first_name="Anouk")
    lidmaatschap_create(anouk, werkplaats)
    pincode_instellen(user=anouk, pin="4821")
    begin = DINSDAG + timedelta(days=7)
    dienst = Dienst.objects.create(werkplaats=werkplaats, begin=begin, einde=begin + timedelta(hours=3), maximum=2)
    Inschrijving.objects.create(dienst=dienst, user=anouk, status="ingeschreven", ingeschreven_op=DINSDAG)
    token = tablet_uitgeven(werkplaats=werkplaats)
    tablet = browser.new_context(viewport={"width": 1024, "height": 768}, locale="nl-NL").new_page()
    tablet.goto(f"{live_server.url}/mijn/rooster/tablet/{token}/")
    tablet.get_by_label("Voornaam").fill("Anouk")
    tablet.get_by_label("Pincode").fill("4821")
    tablet.get_by_role("button").first.click()
    melding = tablet.get_by_role("alert").inner_text()
    assert "u heeft nu geen dienst hier" in melding and "dinsdag 1 december om 10:00" in melding
    assert "klopt niet" not in melding
    assert axe_violations(tablet) == []
