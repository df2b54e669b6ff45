"""An editor moves a Monday spreekuur from 09:30 to 10:00: sees what that does before publishing, and
the volunteer's shift follows (same shift, new time) instead of being cancelled."""

from datetime import datetime

import pytest

from berichten.models import Bericht
from rooster.generatie import diensten_genereren
from rooster.models import Dienst, Inschrijving, InschrijvingStatus
from rooster.services import inschrijving_maken
from tests.conftest import axe_violations
from tests.factories import (
    UserFactory,
    gemeente_create,
    lidmaatschap_create,
    spreekuur_create,
    werkplaats_create,
)
from werkplaatsen import openingstijden

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AMS = openingstijden.AMSTERDAM


def _login(page, url, username):
    page.goto(url)
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("correct-paard-batterij")
    page.get_by_role("button", name="Inloggen").click()


def test_editor_previews_and_publishes_a_later_time_and_the_volunteer_sees_it(
    live_server, browser, phone_page, clock, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TWO_FACTOR_REQUIRED = False  # the second factor has its own browser test in accounts
    settings.JOBS_ASYNC = False  # the publish regenerates the roster in the request, as in the demo
    werkplaats = werkplaats_create(gemeente_create(), title="Werkplaats Centrum")
    spreekuur_create(werkplaats, 0, "09:30", "12:30")  # Mondays
    diensten_genereren()
    anouk = UserFactory(username="anouk", first_name="Anouk", telefoonnummer="+31612345601")
    anouk.sms_toestemming_geven()
    anouk.save()
    lidmaatschap_create(anouk, werkplaats)
    dienst = Dienst.objects.get(begin=datetime(2026, 11, 30, 9, 30, tzinfo=AMS))
    inschrijving_maken(dienst_id=dienst.pk, user=anouk)
    UserFactory(username="redacteur", is_superuser=True, is_staff=True)

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    editor = context.new_page()
    editor.set_default_timeout(15_000)
    _login(editor, live_server.url + f"/mijn/inloggen/?next=/beheer/pages/{werkplaats.pk}/edit/", "redacteur")
    editor.wait_for_url(f"**/beheer/pages/{werkplaats.pk}/edit/")
    editor.locator("input[name='spreekuren-0-opent']").fill("10:00")
    editor.locator("input[name='spreekuren-0-sluit']").fill("13:00")
    editor.get_by_role("button", name="Bewaar concept").click()
    melding = editor.get_by_text("Als u deze versie publiceert, verandert het rooster")
    melding.wait_for()
    tekst = melding.inner_text()
    assert "8 diensten op maandag schuiven naar 10:00–13:00." in tekst
    assert "1 vrijwilliger krijgt een sms." in tekst
    dienst.refresh_from_db()
    assert dienst.begin.astimezone(AMS).hour == 9, "saving a draft changes nothing yet"

    editor.get_by_role("button", name="Meer acties").click()
    editor.locator("button[name='action-publish']").click()
    editor.wait_for_url("**/beheer/pages/**")
    context.close()

    dienst.refresh_from_db()
    assert (dienst.begin, dienst.sequence) == (datetime(2026, 11, 30, 10, 0, tzinfo=AMS), 1)
    assert Inschrijving.objects.get(dienst=dienst).status == InschrijvingStatus.INGESCHREVEN
    [sms] = Bericht.objects.filter(telefoonnummer=anouk.telefoonnummer).values_list("tekst", flat=True)
    assert "maandag 30 november om 10:00 tot 13:00" in sms and "gaat niet door" not in sms

    page = phone_page
    _login(page, live_server.url + "/mijn/rooster/", "anouk")
    page.wait_for_url("**/mijn/rooster/")
    mijn = page.locator(".dienst").first.inner_text()
    assert "maandag 30 november, 10:00–13:00" in mijn
    assert "Nieuwe tijd" in mijn
    assert axe_violations(page) == []
