"""The first browser test: the home page works on a phone and passes axe-core."""

import pytest
from django.core.management import call_command

from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("seed_demo")


def test_home_page_has_no_serious_accessibility_violations(demo, live_server, phone_page):
    phone_page.goto(live_server.url + "/")
    assert phone_page.locator("h1").inner_text() == "Werkplaats Geldzaken Zwolle"
    assert phone_page.locator("html").get_attribute("lang") == "nl"
    assert axe_violations(phone_page) == []


def test_skip_link_is_the_first_stop_for_keyboard_users(demo, live_server, phone_page):
    phone_page.goto(live_server.url + "/")
    phone_page.keyboard.press("Tab")
    focused = phone_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    phone_page.keyboard.press("Enter")
    assert phone_page.url.endswith("#inhoud")
