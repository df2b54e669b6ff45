"""A resident on a phone finds the nearest open werkplaats; every page passes axe-core; keyboard only."""

from datetime import datetime, timedelta

import pytest
from django.core.management import call_command

from tests.conftest import axe_violations
from werkplaatsen import openingstijden

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _next_working_tuesday_at_ten(clock) -> datetime:
    day = clock.moment.astimezone(openingstijden.AMSTERDAM).date() + timedelta(days=1)
    while day.weekday() != 1 or openingstijden.feestdag(day):
        day += timedelta(days=1)
    return datetime.combine(day, datetime.min.time().replace(hour=10), tzinfo=openingstijden.AMSTERDAM)


@pytest.fixture
def demo(settings, clock):
    """The Zwolle demo on a Tuesday at 10:00: Diezerpoort is open, Stadshagen (Tue 13–16) is not yet."""
    settings.DEBUG = True
    moment = _next_working_tuesday_at_ten(clock)
    clock.set(moment, running=True)
    call_command("seed_demo")
    # The live server runs in a thread of this process, so it reads the same clock.
    clock.set(moment)
    return moment


def test_resident_types_a_postcode_and_gets_the_nearest_open_werkplaats_first(demo, live_server, phone_page):
    phone_page.goto(live_server.url + "/")
    phone_page.get_by_label("Uw postcode of woonplaats").fill("8043aa")
    phone_page.get_by_role("button", name="Zoeken").click()
    phone_page.wait_for_url("**/werkplaatsen/?q=8043aa")
    best = phone_page.locator(".finder__beste")
    assert best.get_by_role("heading").inner_text() == "Nu open en het dichtstbij"
    assert best.get_by_role("link").inner_text() == "Werkplaats Diezerpoort"
    assert "Nu open tot 12:00" in best.inner_text()
    # The list itself is sorted by distance: Stadshagen is around the corner but opens this afternoon.
    first = phone_page.locator(".werkplaats-kaart").first
    assert first.get_by_role("link").inner_text() == "Werkplaats Stadshagen"
    assert "Vandaag open van 13:00 tot 16:00" in first.inner_text()
    assert "Afstand:" in first.inner_text()
    # The best answer is visible without scrolling on a phone.
    box = best.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844
    assert axe_violations(phone_page) == []


def test_unknown_postcode_gets_a_clear_message_and_every_werkplaats(demo, live_server, phone_page):
    phone_page.goto(live_server.url + "/werkplaatsen/?q=9999ZZ")
    assert "We kunnen „9999ZZ” niet vinden" in phone_page.locator(".finder__uitkomst").inner_text()
    assert phone_page.locator(".werkplaats-kaart").count() == 6
    assert axe_violations(phone_page) == []


def test_werkplaats_page_and_home_pass_axe(demo, live_server, phone_page):
    for path in ("/", "/werkplaatsen/", "/werkplaatsen/holtenbroek/"):
        phone_page.goto(live_server.url + path)
        assert axe_violations(phone_page) == [], path
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Werkplaats Holtenbroek"
    assert phone_page.get_by_role("table").is_visible()


def test_the_finder_works_with_the_keyboard_alone(demo, live_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(live_server.url + "/werkplaatsen/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Naar de inhoud"
        page.keyboard.press("Enter")
        # From the main content, the next stop is the search box.
        for _ in range(5):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.name") == "q":
                break
        assert page.evaluate("document.activeElement.name") == "q"
        page.keyboard.type("8021 AH")
        page.keyboard.press("Enter")
        page.wait_for_url("**/werkplaatsen/?q=8021+AH**")
        # Tab through to the first result and open it with Enter.
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.closest('.werkplaats-kaart') !== null"):
                break
        assert page.evaluate("document.activeElement.textContent.trim()") == "Werkplaats Diezerpoort"
        focus_style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert focus_style != "none", "keyboard users see where they are"
        page.keyboard.press("Enter")
        page.wait_for_url("**/werkplaatsen/diezerpoort/")
        assert page.get_by_role("heading", level=1).inner_text() == "Werkplaats Diezerpoort"
    finally:
        context.close()


def test_use_my_location_with_browser_geolocation(demo, live_server, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="nl-NL",
        geolocation={"latitude": 52.5369, "longitude": 6.1012}, permissions=["geolocation"],
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(live_server.url + "/werkplaatsen/")
        page.get_by_role("button", name="Gebruik mijn locatie").click()
        page.wait_for_url("**lat=52.53690**")
        assert page.locator(".werkplaats-kaart").first.get_by_role("link").inner_text() == "Werkplaats Aa-landen"
        assert "Werkplaatsen bij uw locatie" in page.locator(".finder__uitkomst").inner_text()
    finally:
        context.close()
