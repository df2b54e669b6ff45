"""The coördinator's 14-day roster on a phone: gaps marked, a volunteer planned in, axe-core clean."""

from datetime import datetime, timedelta

import pytest

from accounts.models import WerkplaatsRol
from rooster.models import Dienst, Inschrijving
from tests.conftest import axe_violations
from tests.factories import UserFactory, gemeente_create, lidmaatschap_create, werkplaats_create
from werkplaatsen import openingstijden

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BEGIN = datetime(2026, 12, 1, 9, 0, tzinfo=openingstijden.AMSTERDAM)


def test_coordinator_sees_gaps_and_plans_a_volunteer_in(live_server, phone_page, clock, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ROOSTER_AUTOMATISCH = False
    settings.TWO_FACTOR_REQUIRED = False  # the second factor has its own browser test in accounts
    clock.set(BEGIN - timedelta(days=2))
    werkplaats = werkplaats_create(gemeente_create(), title="Werkplaats Centrum")
    lidmaatschap_create(UserFactory(username="karin", first_name="Karin"), werkplaats, WerkplaatsRol.COORDINATOR)
    anouk = UserFactory(username="anouk", first_name="Anouk", last_name="Jansen")
    lidmaatschap_create(anouk, werkplaats)
    dienst = Dienst.objects.create(werkplaats=werkplaats, begin=BEGIN, einde=BEGIN + timedelta(hours=3), minimum=1)

    page = phone_page
    page.goto(live_server.url + f"/mijn/rooster/werkplaats/{werkplaats.pk}/")
    page.get_by_label("Gebruikersnaam").fill("karin")
    page.get_by_label("Wachtwoord").fill("correct-paard-batterij")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"**/mijn/rooster/werkplaats/{werkplaats.pk}/")
    assert page.locator(".dienst--kort").count() == 1
    assert "Te weinig mensen" in page.locator(".dienst--kort").inner_text()
    page.get_by_text("Iemand inplannen of een sms sturen").click()
    assert axe_violations(page) == []
    page.locator(f"#user-{dienst.pk}").select_option(label="Anouk Jansen")
    page.get_by_role("button", name="Inplannen").click()
    assert page.get_by_role("status").first.inner_text() == "De vrijwilliger staat op de dienst."
    assert page.locator(".dienst--kort").count() == 0
    assert Inschrijving.objects.get(dienst=dienst).user == anouk
    assert axe_violations(page) == []
