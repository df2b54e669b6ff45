"""The gateway is chosen by SMS_BACKEND; the demo's console never prints a whole number."""

import pytest

from berichten.gateways import ConsoleGateway, MemoryGateway, TwilioGateway, gateway_get
from tests.berichten.conftest import MOBIEL


def test_the_backend_setting_chooses_the_gateway(settings):
    settings.SMS_BACKEND = "memory"
    assert isinstance(gateway_get(), MemoryGateway)
    settings.SMS_BACKEND = "console"
    assert isinstance(gateway_get(), ConsoleGateway)
    settings.SMS_BACKEND = "twilio"
    settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN = "AC0123", "token"
    assert isinstance(gateway_get(), TwilioGateway)
    settings.SMS_BACKEND = "carrier-pigeon"
    with pytest.raises(ValueError, match="carrier-pigeon"):
        gateway_get()


def test_the_console_prints_the_text_with_the_number_masked(capsys):
    sid = ConsoleGateway().send(telefoonnummer=MOBIEL, tekst="Morgen dienst.")
    printed = capsys.readouterr().out
    assert "Morgen dienst." in printed
    assert "+31******78" in printed
    assert MOBIEL not in printed
    assert sid.startswith("CONSOLE")


def test_no_status_callback_url_without_a_public_base_url(settings):
    settings.TWILIO_WEBHOOK_BASE_URL = ""
    assert TwilioGateway.status_callback_url() is None
    settings.TWILIO_WEBHOOK_BASE_URL = "https://werkplaats.example.nl/"
    assert TwilioGateway.status_callback_url() == "https://werkplaats.example.nl/sms/status/"
