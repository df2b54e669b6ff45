"""Volunteers log in with their phone: a one-time SMS code, or a coordinator's invitation link."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.audit import AuditRegel
from accounts.models import Inlogcode, Uitnodiging, User, WerkplaatsLidmaatschap, WerkplaatsRol
from berichten.models import Bericht
from kern.clock import now as clock_now
from kern.tokens import keyed_hash, token_hash
from tests.factories import UserFactory, gemeente_create, lidmaatschap_create, werkplaats_create

pytestmark = pytest.mark.django_db

NUMMER = "+31612345678"


@pytest.fixture
def werkplaats():
    return werkplaats_create(gemeente_create())


@pytest.fixture
def anouk(werkplaats):
    user = UserFactory(username="anouk", first_name="Anouk", telefoonnummer=NUMMER)
    lidmaatschap_create(user, werkplaats)
    return user


def sent_code() -> str:
    bericht = Bericht.objects.filter(soort="inloggen").latest("id")
    return re.search(r"\b(\d{6})\b", bericht.tekst).group(1)


def ask_code(client, nummer="06 12345678"):
    return client.post("/mijn/inloggen/sms/", {"telefoonnummer": nummer})


def test_a_volunteer_logs_in_with_a_code_from_an_sms(client, anouk):
    response = ask_code(client)
    assert response.status_code == 302 and response["Location"].startswith("/mijn/inloggen/sms/code/")
    bericht = Bericht.objects.get(soort="inloggen")
    assert bericht.telefoonnummer == NUMMER and bericht.urgent
    assert "Deel hem met niemand" in bericht.tekst
    assert Inlogcode.objects.get().code_hash != sent_code(), "only a hash of the code is stored"
    response = client.post("/mijn/inloggen/sms/code/", {"code": sent_code()})
    assert response.status_code == 302 and response["Location"] == "/mijn/"
    assert "Welkom, Anouk" in client.get("/mijn/").content.decode()
    assert AuditRegel.objects.filter(actie="inloggen", actor=anouk, resultaat="gelukt").exists()


def test_an_unknown_number_gets_the_same_answer_and_no_sms(client, anouk):
    response = ask_code(client, "06 87654321")
    assert response.status_code == 302 and response["Location"].startswith("/mijn/inloggen/sms/code/")
    assert not Bericht.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Als dit nummer bij ons bekend is" in page


@pytest.mark.parametrize(
    ("nummer", "message"),
    [
        ("038 123 4567", "Dit is geen mobiel nummer"),
        ("+1 202 555 0123", "alleen sms naar mobiele nummers uit Nederland of de rest van de EU"),
        ("hallo", "Dit is geen telefoonnummer"),
    ],
)
def test_a_number_we_cannot_text_is_explained_and_kept_in_the_form(client, anouk, nummer, message):
    response = ask_code(client, nummer)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and f'value="{nummer}"' in html
    assert not Bericht.objects.exists()


def test_a_code_works_once(client, anouk):
    ask_code(client)
    code = sent_code()
    client.post("/mijn/inloggen/sms/code/", {"code": code})
    client.logout()
    ask_code(client)  # a fresh session, the old code again
    Bericht.objects.all().delete()
    response = client.post("/mijn/inloggen/sms/code/", {"code": code})
    assert "Deze code klopt niet of is verlopen" in response.content.decode()


def test_five_wrong_tries_and_the_code_is_dead(client, anouk):
    ask_code(client)
    code = sent_code()
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        response = client.post("/mijn/inloggen/sms/code/", {"code": wrong})
        assert "Deze code klopt niet" in response.content.decode()
    response = client.post("/mijn/inloggen/sms/code/", {"code": code})
    assert "Deze code klopt niet" in response.content.decode(), "the right code no longer helps"
    assert "_auth_user_id" not in client.session
    assert AuditRegel.objects.filter(actie="inloggen.smscode.controle", resultaat="geweigerd").count() == 6


def test_an_expired_code_is_refused(client, anouk):
    ask_code(client)
    Inlogcode.objects.update(verloopt=clock_now() - timedelta(seconds=1))
    response = client.post("/mijn/inloggen/sms/code/", {"code": sent_code()})
    assert response.status_code == 422
    assert "Deze code klopt niet of is verlopen" in response.content.decode()


def test_no_flood_of_codes(client, anouk):
    for _ in range(3):
        ask_code(client)
    response = ask_code(client)
    assert response.status_code == 409
    assert "Wacht een kwartier" in response.content.decode()
    assert Bericht.objects.filter(soort="inloggen").count() == 3


def test_a_known_and_an_unknown_number_get_the_same_answers_and_the_same_work(client, anouk):
    """The fourth request used to be refused for a known number only, and only a known number cost
    a database write: both told who volunteers here."""
    bekend, onbekend = [], []
    for _ in range(6):
        for nummer, antwoorden in (("06 12345678", bekend), ("06 87654321", onbekend)):
            response = ask_code(client, nummer)
            # The page shows what was typed and a fresh CSRF token; everything else must be equal.
            body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
            antwoorden.append((response.status_code, response.get("Location"), body.replace(f'value="{nummer}"', "")))
    assert bekend == onbekend
    assert [status for status, _location, _body in bekend] == [302, 302, 302, 409, 409, 409]
    assert Bericht.objects.filter(soort="inloggen").count() == 3
    # The same rows for both, and neither holds the number itself.
    assert Inlogcode.objects.filter(user=anouk).count() == Inlogcode.objects.filter(user=None).count() == 3
    assert not Inlogcode.objects.filter(nummer_hash__contains="612345678").exists()


def test_the_code_page_without_a_number_sends_you_back(client):
    assert client.get("/mijn/inloggen/sms/code/")["Location"] == "/mijn/inloggen/sms/"


@pytest.fixture
def karin(werkplaats):
    coordinator = UserFactory(username="karin")
    lidmaatschap_create(coordinator, werkplaats, WerkplaatsRol.COORDINATOR)
    return coordinator


def invite(client, werkplaats, nummer="06 11122233", voornaam="Dirk"):
    return client.post("/mijn/uitnodigen/", {"voornaam": voornaam, "telefoonnummer": nummer, "werkplaats": werkplaats.pk})


def test_a_coordinator_invites_a_volunteer_who_logs_in_with_the_link(client, werkplaats, karin):
    client.force_login(karin)
    response = invite(client, werkplaats)
    assert response.status_code == 302
    dirk = User.objects.get(telefoonnummer="+31611122233")
    assert dirk.first_name == "Dirk" and not dirk.has_usable_password()
    # Not a member until the invitation is accepted: otherwise a new number and a known one would
    # differ in the coordinator's list.
    assert not WerkplaatsLidmaatschap.objects.filter(user=dirk).exists()
    tekst = Bericht.objects.get(soort="inloggen").tekst
    link = re.search(r"http://testserver(/mijn/uitnodiging/[^/]+/)", tekst).group(1)
    client.logout()

    page = client.get(link)
    assert page.status_code == 200 and "Welkom, Dirk" in page.content.decode()
    assert Uitnodiging.objects.get().gebruikt is None, "opening the link (a link preview) does not use it up"
    response = client.post(link)
    assert response.status_code == 302
    assert "Welkom, Dirk" in client.get("/mijn/").content.decode()
    assert WerkplaatsLidmaatschap.objects.filter(user=dirk, werkplaats=werkplaats, rol=WerkplaatsRol.VRIJWILLIGER).exists()
    client.logout()
    assert client.post(link).status_code == 410, "the link works once"
    assert client.get(link).status_code == 410


def test_an_invitation_stores_only_the_hash_of_its_token_and_an_older_hmac_one_still_works(
    client, werkplaats, karin
):
    client.force_login(karin)
    invite(client, werkplaats)
    token = re.search(r"/mijn/uitnodiging/([^/]+)/", Bericht.objects.get().tekst).group(1)
    assert Uitnodiging.objects.get().token_hash == token_hash(token) != token
    # An invitation sent before the tokens came from kern.tokens: stored as the HMAC of the token.
    oud = "oude-uitnodiging-" + "x" * 32
    Uitnodiging.objects.update(token_hash=keyed_hash(oud))
    client.logout()
    assert client.post(f"/mijn/uitnodiging/{oud}/").status_code == 302


def test_an_expired_invitation_says_how_to_log_in_instead(client, werkplaats, karin):
    client.force_login(karin)
    invite(client, werkplaats)
    link = re.search(r"http://testserver(\S+)", Bericht.objects.get().tekst).group(1)
    Uitnodiging.objects.update(verloopt=clock_now() - timedelta(minutes=1))
    client.logout()
    response = client.get(link)
    assert response.status_code == 410
    assert "Log in met uw telefoonnummer en een sms-code" in response.content.decode()


def test_only_coordinators_invite_and_only_for_their_own_werkplaats(client, werkplaats, karin, anouk):
    client.force_login(anouk)
    assert client.get("/mijn/uitnodigen/").status_code == 403
    elsewhere = werkplaats_create(gemeente_create(naam="Kampen", cbs_code="GM0166"), title="Werkplaats Kampen")
    client.force_login(karin)
    response = invite(client, elsewhere)
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Bericht.objects.exists() and not User.objects.filter(telefoonnummer="+31611122233").exists()


def test_inviting_an_existing_volunteer_does_not_make_a_second_account(client, werkplaats, karin, anouk):
    client.force_login(karin)
    invite(client, werkplaats, nummer="06 12345678", voornaam="Anouk")
    assert User.objects.filter(telefoonnummer=NUMMER).count() == 1
    assert Uitnodiging.objects.get().user == anouk


def test_an_invitation_to_a_landline_is_refused_with_a_clear_message(client, werkplaats, karin):
    client.force_login(karin)
    response = invite(client, werkplaats, nummer="038 123 4567")
    assert response.status_code == 200
    assert "Dit is geen mobiel nummer" in response.content.decode()
    assert not Uitnodiging.objects.exists()


def _answer(client, response) -> str:
    assert response.status_code == 302
    return [str(m) for m in client.get(response["Location"]).context["messages"]][0]


def test_an_invitation_to_an_account_of_another_gemeente_joins_nobody_until_accepted_and_shows_no_name(
    client, werkplaats, karin
):
    kampen = werkplaats_create(gemeente_create(naam="Kampen", cbs_code="GM0166"), title="Werkplaats Kampen")
    zeynep = UserFactory(username="zeynep", first_name="Zeynep", telefoonnummer="+31655566677")
    lidmaatschap_create(zeynep, kampen)
    client.force_login(karin)

    nieuw = _answer(client, invite(client, werkplaats, nummer="06 11122233", voornaam="Dirk"))
    bestaand = invite(client, werkplaats, nummer="06 55566677", voornaam="Piet")
    assert _answer(client, bestaand) == nieuw.replace("06 11122233", "06 55566677")
    assert nieuw == "Uitnodiging verstuurd naar 06 11122233."
    assert not WerkplaatsLidmaatschap.objects.filter(user=zeynep, werkplaats=werkplaats).exists()
    assert "Zeynep" not in client.get(reverse("rooster:coordinator", args=[werkplaats.pk])).content.decode()
    assert "Zeynep" not in client.get("/mijn/uitnodigen/").content.decode()

    # Zeynep decides: the SMS asks her, the link adds her.
    bericht = Bericht.objects.filter(telefoonnummer="+31655566677").get()
    link = re.search(r"http://testserver(/mijn/uitnodiging/[^/]+/)", bericht.tekst).group(1)
    client.logout()
    assert client.post(link).status_code == 302
    assert WerkplaatsLidmaatschap.objects.filter(
        user=zeynep, werkplaats=werkplaats, rol=WerkplaatsRol.VRIJWILLIGER
    ).exists()
    assert zeynep.first_name == User.objects.get(pk=zeynep.pk).first_name  # not renamed to "Piet"


def test_an_invitation_to_an_inactive_account_gets_the_same_answer_and_changes_nothing(client, werkplaats, karin):
    UserFactory(username="oud", first_name="Oud", telefoonnummer="+31655566677", is_active=False)
    client.force_login(karin)
    assert _answer(client, invite(client, werkplaats, nummer="06 55566677")) == "Uitnodiging verstuurd naar 06 55566677."
    assert not WerkplaatsLidmaatschap.objects.filter(user__telefoonnummer="+31655566677").exists()
    assert not Bericht.objects.filter(telefoonnummer="+31655566677").exists()
