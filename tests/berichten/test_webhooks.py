"""Twilio's webhooks: signed or refused, idempotent, never moving a status backwards."""

import pytest
from twilio.request_validator import RequestValidator

from berichten.models import Antwoord, Bericht, BerichtStatus, SmsStop
from berichten.outbox import berichten_dispatch
from berichten.replies import reply_handler_register, reply_handler_unregister
from berichten.services import bericht_send
from kern.clock import now as clock_now
from tests.berichten.conftest import MOBIEL

pytestmark = pytest.mark.django_db

TOKEN = "12345678901234567890123456789012"
BASE = "https://werkplaats.example.nl"


@pytest.fixture(autouse=True)
def twilio_settings(settings):
    settings.TWILIO_AUTH_TOKEN = TOKEN
    settings.TWILIO_WEBHOOK_BASE_URL = BASE


def post(client, path, data, *, token=TOKEN, url=None):
    signature = RequestValidator(token).compute_signature(url or f"{BASE}{path}", data)
    return client.post(path, data, HTTP_X_TWILIO_SIGNATURE=signature)


def status(client, sid, value, **extra):
    data = {"MessageSid": sid, "MessageStatus": value, "AccountSid": "AC0123", **extra}
    return post(client, "/sms/status/", data)


def inbound(client, body, sid="SMin0001", van=MOBIEL):
    data = {"MessageSid": sid, "From": van, "To": "+3197010000000", "Body": body, "NumSegments": "1"}
    return post(client, "/sms/inkomend/", data)


@pytest.fixture
def sent(verzonden):
    bericht = bericht_send(
        telefoonnummer=MOBIEL, tekst="Morgen 10:00 dienst. Kunt u?", soort="dienst", sleutel="d:1"
    )
    berichten_dispatch()
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.SENT
    return bericht


def test_a_forged_callback_is_refused_and_changes_nothing(client, sent):
    data = {"MessageSid": sent.provider_sid, "MessageStatus": "failed", "ErrorCode": "30003"}
    forged = post(client, "/sms/status/", data, token="not-the-real-token")
    unsigned = client.post("/sms/status/", data)
    other_url = post(client, "/sms/status/", data, url="https://evil.example.com/sms/status/")
    assert [forged.status_code, unsigned.status_code, other_url.status_code] == [403, 403, 403]
    sent.refresh_from_db()
    assert sent.status == BerichtStatus.SENT


def test_a_body_changed_after_signing_is_refused(client, sent):
    data = {"MessageSid": sent.provider_sid, "MessageStatus": "delivered"}
    signature = RequestValidator(TOKEN).compute_signature(f"{BASE}/sms/status/", data)
    response = client.post(
        "/sms/status/", {**data, "MessageStatus": "failed"}, HTTP_X_TWILIO_SIGNATURE=signature
    )
    assert response.status_code == 403


def test_without_an_auth_token_every_request_is_refused(client, settings, sent):
    settings.TWILIO_AUTH_TOKEN = ""
    response = post(
        client, "/sms/status/", {"MessageSid": sent.provider_sid, "MessageStatus": "delivered"}, token="x"
    )
    assert response.status_code == 403
    assert inbound(client, "STOP").status_code == 403
    assert not SmsStop.objects.exists()


def test_webhooks_need_no_csrf_token_but_only_take_post(client, sent):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    assert status(csrf_client, sent.provider_sid, "delivered").status_code == 204
    assert client.get("/sms/status/").status_code == 405


def test_status_moves_forward_once_and_never_back(client, sent):
    assert status(client, sent.provider_sid, "sent").status_code == 204
    assert status(client, sent.provider_sid, "delivered").status_code == 204
    sent.refresh_from_db()
    delivered_at = sent.afgeleverd_op
    assert sent.status == BerichtStatus.DELIVERED and delivered_at

    # Twilio repeats callbacks and they arrive out of order.
    for value in ("delivered", "sent", "sending", "queued", "undelivered"):
        assert status(client, sent.provider_sid, value).status_code == 204
    sent.refresh_from_db()
    assert sent.status == BerichtStatus.DELIVERED
    assert sent.afgeleverd_op == delivered_at


def test_an_undelivered_callback_records_the_error(client, sent):
    status(client, sent.provider_sid, "undelivered", ErrorCode="30003")
    sent.refresh_from_db()
    assert (sent.status, sent.foutcode) == (BerichtStatus.UNDELIVERABLE, "30003")


def test_a_callback_for_an_unknown_message_is_harmless(client, sent):
    assert status(client, "SMunknown", "delivered").status_code == 204
    sent.refresh_from_db()
    assert sent.status == BerichtStatus.SENT


def test_the_public_url_behind_a_proxy_is_what_is_signed(client, settings, sent):
    # Django sees http://testserver; Twilio signed https://werkplaats.example.nl.
    settings.TWILIO_WEBHOOK_BASE_URL = ""
    data = {"MessageSid": sent.provider_sid, "MessageStatus": "delivered"}
    assert post(client, "/sms/status/", data).status_code == 403
    assert post(client, "/sms/status/", data, url="http://testserver/sms/status/").status_code == 204


@pytest.mark.parametrize("woord", ["STOP", " stop ", "Stoppen", "afmelden"])
def test_stop_opts_out_confirmed_by_one_sms_even_when_twilio_repeats_it(client, verzonden, woord):
    for _ in range(2):
        response = inbound(client, woord, sid="SMstop1")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/xml")
    berichten_dispatch()
    assert SmsStop.objects.filter(telefoonnummer=MOBIEL).exists()
    assert [m["tekst"] for m in verzonden] == [
        "U krijgt geen sms meer van de werkplaats. Wilt u weer sms krijgen? Stuur START."
    ]
    assert Antwoord.objects.count() == 1


def test_start_opts_back_in_and_messages_flow_again(client, verzonden):
    inbound(client, "STOP", sid="SM1")
    geblokkeerd = bericht_send(telefoonnummer=MOBIEL, tekst="Dienst morgen.", soort="dienst", sleutel="d:2")
    inbound(client, "start", sid="SM2")
    weer = bericht_send(telefoonnummer=MOBIEL, tekst="Dienst overmorgen.", soort="dienst", sleutel="d:3")
    berichten_dispatch()
    assert geblokkeerd.status == BerichtStatus.BLOCKED
    assert not SmsStop.objects.exists()
    assert [m["tekst"] for m in verzonden][-1] == "Dienst overmorgen."
    assert len([m for m in verzonden if "Stuur STOP" in m["tekst"]]) == 1
    weer.refresh_from_db()
    assert weer.status == BerichtStatus.SENT


def test_stop_blocks_messages_that_were_still_waiting(client, verzonden):
    from datetime import timedelta


    later = bericht_send(
        telefoonnummer=MOBIEL,
        tekst="Dienst volgende week.",
        soort="dienst",
        sleutel="d:9",
        niet_voor=clock_now() + timedelta(days=2),
    )
    inbound(client, "STOP")
    later.refresh_from_db()
    assert later.status == BerichtStatus.BLOCKED


def test_a_reply_goes_to_the_handler_of_the_last_message_and_its_answer_is_sent_once(client, sent, verzonden):
    calls = []

    def dienst_antwoord(bericht, antwoord):
        calls.append((bericht.pk, antwoord))
        return "Dank u, u staat ingeschreven." if antwoord.upper() == "JA" else None

    reply_handler_register("dienst", dienst_antwoord)
    try:
        inbound(client, " ja ", sid="SMja")
        inbound(client, " ja ", sid="SMja")  # Twilio repeats the webhook
        berichten_dispatch()
    finally:
        reply_handler_unregister("dienst")
    assert calls == [(sent.pk, "ja")]
    antwoorden = [m["tekst"] for m in verzonden[1:]]
    assert antwoorden == ["Dank u, u staat ingeschreven."]
    assert Antwoord.objects.get().bericht == sent
    assert Bericht.objects.get(sleutel="antwoord:SMja").soort == "antwoord"


def test_unknown_replies_get_a_help_text_at_most_once_a_day(client, sent, verzonden):
    for number in range(3):
        inbound(client, "Hallo?", sid=f"SMq{number}")
    berichten_dispatch()
    hulp = [m for m in verzonden if "begrijpt uw bericht niet" in m["tekst"]]
    assert len(hulp) == 1
    assert Antwoord.objects.count() == 3
