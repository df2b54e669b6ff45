"""A volunteer on a phone: log in by SMS code, take a shift, see it in the feed, sign in at the tablet."""

import re
from datetime import datetime, timedelta

import pytest
import vobject

from berichten.models import Bericht
from rooster.models import Dienst, Inschrijving
from rooster.tablet import tablet_uitgeven
from tests.conftest import axe_violations
from tests.factories import UserFactory, gemeente_create, lidmaatschap_create, werkplaats_create
from werkplaatsen import openingstijden

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BEGIN = datetime(2026, 12, 1, 9, 0, tzinfo=openingstijden.AMSTERDAM)


def test_volunteer_signs_up_sees_the_feed_and_signs_in_at_the_tablet(live_server, phone_page, clock, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ROOSTER_AUTOMATISCH = False
    clock.set(BEGIN - timedelta(minutes=10))
    werkplaats = werkplaats_create(gemeente_create(), title="Werkplaats Centrum")
    anouk = UserFactory(username="anouk", first_name="Anouk", telefoonnummer="+31612345678")
    bram = UserFactory(username="bram", first_name="Bram")
    for user in (anouk, bram):
        lidmaatschap_create(user, werkplaats)
    dienst = Dienst.objects.create(werkplaats=werkplaats, begin=BEGIN, einde=BEGIN + timedelta(hours=3), maximum=2)
    Inschrijving.objects.create(dienst=dienst, user=bram, status="ingeschreven", ingeschreven_op=BEGIN - timedelta(days=3))

    page = phone_page
    page.goto(live_server.url + "/mijn/rooster/")
    page.wait_for_url("**/mijn/inloggen/**")
    page.get_by_role("link", name="Vrijwilliger? Log in met een sms-code").click()
    page.get_by_label("Uw mobiele nummer").fill("06 12 34 56 78")
    page.get_by_role("button", name="Stuur mij een code").click()
    page.wait_for_url("**/mijn/inloggen/sms/code/**")
    assert axe_violations(page) == []
    # The SMS went through the outbox to the memory gateway; the volunteer reads the code from it.
    sms = Bericht.objects.get(soort="inloggen", telefoonnummer="+31612345678")
    page.get_by_label("Code uit de sms").fill(re.search(r"\b(\d{6})\b", sms.tekst).group(1))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn/rooster/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn rooster"
    assert "1 van 2 plaatsen bezet: Bram" in page.content()
    assert axe_violations(page) == []

    page.get_by_role("button", name="Inschrijven").click()
    assert page.get_by_role("status").first.inner_text() == "U bent ingeschreven. Tot dan!"
    assert Inschrijving.objects.filter(dienst=dienst, user=anouk, status="ingeschreven").exists()
    assert axe_violations(page) == []

    page.get_by_role("button", name="Agendalink maken").click()
    link = page.locator("#agendalink").inner_text().strip()
    feed = page.request.get(link)
    assert feed.status == 200
    calendar = vobject.readOne(feed.text())
    [event] = calendar.vevent_list
    assert event.dtstart.value == BEGIN and event.summary.value == "Dienst Werkplaats Centrum"

    page.get_by_label("Nieuwe pincode (4 cijfers)").fill("4821")
    page.get_by_role("button", name="Pincode opslaan").click()
    assert "Uw pincode is opgeslagen." in page.content()

    tablet_context = page.context.browser.new_context(viewport={"width": 800, "height": 1280}, locale="nl-NL")
    tablet = tablet_context.new_page()
    tablet.goto(live_server.url + f"/mijn/rooster/tablet/{tablet_uitgeven(werkplaats=werkplaats)}/")
    assert axe_violations(tablet) == []
    tablet.get_by_label("Uw voornaam").fill("Anouk")
    tablet.get_by_label("Uw pincode (4 cijfers)").fill("1111")
    tablet.get_by_role("button", name="Inchecken of uitchecken").click()
    assert tablet.get_by_role("alert").inner_text() == "Naam of pincode klopt niet."
    assert axe_violations(tablet) == []
    tablet.get_by_label("Uw pincode (4 cijfers)").fill("4821")
    tablet.get_by_role("button", name="Inchecken of uitchecken").click()
    assert tablet.get_by_role("status").inner_text() == "Welkom, Anouk. U bent ingecheckt."
    tablet.close()
    assert Inschrijving.objects.get(dienst=dienst, user=anouk).status == "aanwezig"
