"""The Twilio gateway through the real SDK (twilio.rest.Client.messages.create); only the HTTP is recorded."""

from urllib.parse import parse_qs

import pytest
import requests
from twilio.http.http_client import TwilioHttpClient

from berichten import gateways
from berichten.models import Bericht, BerichtStatus, SmsStop
from berichten.outbox import berichten_dispatch
from berichten.services import bericht_send
from tests.berichten.conftest import MOBIEL, RecordedTwilio

pytestmark = pytest.mark.django_db


@pytest.fixture
def twilio(settings, monkeypatch):
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef"
    settings.TWILIO_AUTH_TOKEN = "test-auth-token"
    settings.TWILIO_MESSAGING_SERVICE_SID = "MG0123456789abcdef0123456789abcdef"
    settings.TWILIO_WEBHOOK_BASE_URL = "https://werkplaats.example.nl"
    adapter = RecordedTwilio()

    def http_client():
        client = TwilioHttpClient(timeout=15)
        client.session.mount("https://", adapter)
        return client

    monkeypatch.setattr(gateways, "twilio_http_client", http_client)
    return adapter


def send_one(sleutel="dienst:1"):
    bericht = bericht_send(
        telefoonnummer="0612345678", tekst="Morgen 10:00 dienst. Kunt u?", soort="dienst", sleutel=sleutel
    )
    berichten_dispatch()
    bericht.refresh_from_db()
    return bericht


def test_success_stores_twilio_sid_and_posts_what_twilio_needs(twilio):
    twilio.answers = [(201, "message_201.json")]
    bericht = send_one()

    assert bericht.status == BerichtStatus.SENT
    assert bericht.provider_sid == "SM5f3b2e8c9a1d4e6f8a0b2c4d6e8f0a1b"
    [request] = twilio.requests
    assert request.method == "POST"
    assert request.url == (
        "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json"
    )
    form = parse_qs(request.body if isinstance(request.body, str) else request.body.decode())
    assert form["To"] == [MOBIEL]
    assert form["Body"] == ["Morgen 10:00 dienst. Kunt u?"]
    assert form["MessagingServiceSid"] == ["MG0123456789abcdef0123456789abcdef"]
    assert form["StatusCallback"] == ["https://werkplaats.example.nl/sms/status/"]
    assert "From" not in form


def test_a_sender_number_is_used_without_a_messaging_service(twilio, settings):
    settings.TWILIO_MESSAGING_SERVICE_SID = ""
    settings.TWILIO_FROM_NUMBER = "+3197010000000"
    twilio.answers = [(201, "message_201.json")]
    send_one()
    form = parse_qs(twilio.requests[0].body)
    assert form["From"] == ["+3197010000000"]
    assert "MessagingServiceSid" not in form


def test_invalid_number_21211_is_undeliverable_and_not_retried(twilio, caplog):
    twilio.answers = [(400, "error_400_21211.json")]
    with caplog.at_level("DEBUG"):
        bericht = send_one()
    assert caplog.records, "the refusal is logged"
    assert MOBIEL not in caplog.text  # numbers are masked in logs
    assert MOBIEL not in bericht.foutmelding and "+31******78" in bericht.foutmelding
    assert bericht.status == BerichtStatus.UNDELIVERABLE
    assert bericht.foutcode == "21211"
    assert bericht.pogingen == 1
    berichten_dispatch()  # nothing left to try
    assert len(twilio.requests) == 1


def test_opted_out_at_twilio_21610_blocks_the_row_and_records_the_opt_out(twilio):
    twilio.answers = [(400, "error_400_21610.json")]
    bericht = send_one()
    assert bericht.status == BerichtStatus.BLOCKED
    assert bericht.foutcode == "21610"
    assert SmsStop.objects.filter(telefoonnummer=MOBIEL).exists()
    # The next message to that number never reaches Twilio.
    later = bericht_send(telefoonnummer=MOBIEL, tekst="Nog een bericht.", soort="dienst", sleutel="dienst:2")
    berichten_dispatch()
    assert later.status == BerichtStatus.BLOCKED
    assert len(twilio.requests) == 1


@pytest.mark.parametrize(
    "answer",
    [
        (500, "error_500.json"),
        (429, "error_429_20429.json"),
        requests.exceptions.ReadTimeout("read timed out"),
    ],
    ids=["500", "429", "timeout"],
)
def test_server_errors_and_timeouts_are_retried_then_sent_once(twilio, settings, answer):
    settings.BERICHTEN_QUEUE_TIMEOUT = 0  # the inline mode retries by the next tick
    twilio.answers = [answer, (201, "message_201.json")]
    bericht = send_one()
    assert bericht.status == BerichtStatus.QUEUED
    assert bericht.pogingen == 1
    assert bericht.foutcode in {"20500", "20429", "netwerk"}

    berichten_dispatch()
    berichten_dispatch()
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.SENT
    assert bericht.pogingen == 2
    assert len(twilio.requests) == 2


def test_transient_errors_stop_after_the_configured_attempts(twilio, settings):
    settings.BERICHTEN_QUEUE_TIMEOUT = 0
    twilio.answers = [(500, "error_500.json")] * settings.BERICHTEN_POGINGEN
    bericht = send_one()
    for _ in range(settings.BERICHTEN_POGINGEN + 2):
        berichten_dispatch()
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.FAILED
    assert bericht.pogingen == settings.BERICHTEN_POGINGEN
    assert len(twilio.requests) == settings.BERICHTEN_POGINGEN
    assert Bericht.objects.get().get_status_display() == "mislukt"
