"""Browser tests for the content pages: axe-core on the FAQ and both statements, and a keyboard-only FAQ."""

import pytest
from django.core.management import call_command

from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("seed_demo")


@pytest.mark.parametrize(
    ("path", "h1"),
    [
        ("/veelgestelde-vragen/", "Veelgestelde vragen"),
        ("/toegankelijkheid/", "Toegankelijkheidsverklaring"),
        ("/privacy/", "Privacyverklaring"),
    ],
)
def test_content_page_has_no_serious_accessibility_violations(demo, live_server, phone_page, path, h1):
    phone_page.goto(live_server.url + path)
    assert phone_page.locator("h1").inner_text() == h1
    assert phone_page.locator("html").get_attribute("lang") == "nl"
    assert axe_violations(phone_page) == []


@pytest.mark.parametrize(
    "path", ["/", "/veelgestelde-vragen/", "/toegankelijkheid/", "/privacy/", "/over-de-werkplaatsen/"]
)
def test_content_page_fits_a_320px_screen_without_sideways_scrolling(demo, live_server, browser, path):
    # WCAG 1.4.10 (reflow): long Dutch words must wrap, not push the page wider than the screen.
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


def test_faq_page_passes_axe_with_an_answer_open(demo, live_server, phone_page):
    phone_page.goto(live_server.url + "/veelgestelde-vragen/")
    phone_page.locator("summary").first.click()
    assert axe_violations(phone_page) == []


def test_faq_answers_open_and_close_with_the_keyboard(demo, live_server, phone_page):
    phone_page.goto(live_server.url + "/veelgestelde-vragen/")
    first = phone_page.locator("details").first
    answer = first.locator(".faq__antwoord")
    assert not answer.is_visible()

    # Tab from the top of the page, as a keyboard user does, until the first question has focus.
    for _ in range(20):
        phone_page.keyboard.press("Tab")
        if phone_page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert phone_page.evaluate("document.activeElement.textContent.trim()") == "Moet ik een afspraak maken?"

    phone_page.keyboard.press("Enter")
    assert first.get_attribute("open") is not None
    assert answer.is_visible()
    assert answer.inner_text().startswith("Nee.")

    phone_page.keyboard.press("Enter")
    assert first.get_attribute("open") is None
    assert not answer.is_visible()


def test_footer_links_lead_to_the_statements(demo, live_server, phone_page):
    phone_page.goto(live_server.url + "/")
    phone_page.locator("footer").get_by_role("link", name="Privacy").click()
    assert phone_page.locator("h1").inner_text() == "Privacyverklaring"
    phone_page.locator("footer").get_by_role("link", name="Toegankelijkheid").click()
    assert phone_page.locator("h1").inner_text() == "Toegankelijkheidsverklaring"
