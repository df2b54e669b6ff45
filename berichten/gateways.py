"""Gateways that deliver one SMS: Twilio (production), console (demo) and memory (tests).

A gateway returns the provider's id for the message, or raises TijdelijkeFout (try again later:
network, 5xx, 429) or PermanenteFout (trying again will not help: invalid number, opted out, ...).
"""

import logging
from dataclasses import dataclass, field

import requests
from django.conf import settings
from django.urls import reverse
from django.utils.crypto import get_random_string

from kern.telefoon import phone_mask

logger = logging.getLogger(__name__)


class GatewayFout(Exception):
    def __init__(self, message: str, *, code: str = ""):
        super().__init__(message)
        self.code = code


class TijdelijkeFout(GatewayFout):
    """Worth another try later."""


class PermanenteFout(GatewayFout):
    """Another try gives the same answer."""


# Twilio error codes that mean the number cannot get this SMS (https://www.twilio.com/docs/api/errors).
ONBESTELBAAR_CODES = {"21211", "21214", "21217", "21408", "21612", "21614", "30003", "30005", "30006"}
SMS_STOP_CODES = {"21610", "30004"}


class Gateway:
    def send(self, *, telefoonnummer: str, tekst: str) -> str:
        raise NotImplementedError


@dataclass
class MemoryGateway(Gateway):
    """Keeps what it sends in ``verzonden`` for tests and the benchmark to inspect."""

    verzonden: list[dict] = field(default_factory=list)

    def send(self, *, telefoonnummer: str, tekst: str) -> str:
        sid = f"SM{get_random_string(32, allowed_chars='0123456789abcdef')}"
        self.verzonden.append({"telefoonnummer": telefoonnummer, "tekst": tekst, "sid": sid})
        return sid


class ConsoleGateway(Gateway):
    """For the demo: prints the text with the number masked."""

    def send(self, *, telefoonnummer: str, tekst: str) -> str:
        sid = f"CONSOLE{get_random_string(26, allowed_chars='0123456789abcdef')}"
        print(f"[sms naar {phone_mask(telefoonnummer)}] {tekst}", flush=True)  # noqa: T201
        return sid


def twilio_http_client():
    """The SDK's own HTTP client; tests mount a recorded-response adapter on its session."""
    from twilio.http.http_client import TwilioHttpClient

    return TwilioHttpClient(timeout=15)


class TwilioGateway(Gateway):
    def __init__(self, http_client=None):
        from twilio.rest import Client

        self.client = Client(
            settings.TWILIO_ACCOUNT_SID,
            settings.TWILIO_AUTH_TOKEN,
            http_client=http_client or twilio_http_client(),
        )

    @staticmethod
    def status_callback_url() -> str | None:
        base = settings.TWILIO_WEBHOOK_BASE_URL.rstrip("/")
        return f"{base}{reverse('berichten:status')}" if base else None

    def send(self, *, telefoonnummer: str, tekst: str) -> str:
        from twilio.base.exceptions import TwilioRestException

        kwargs = {"to": telefoonnummer, "body": tekst}
        if settings.TWILIO_MESSAGING_SERVICE_SID:
            kwargs["messaging_service_sid"] = settings.TWILIO_MESSAGING_SERVICE_SID
        else:
            # An alphanumeric sender cannot receive replies: STOP and JA/NEE need a real number.
            kwargs["from_"] = settings.TWILIO_FROM_NUMBER
        if callback := self.status_callback_url():
            kwargs["status_callback"] = callback
        try:
            message = self.client.messages.create(**kwargs)
        except requests.RequestException as exc:
            raise TijdelijkeFout(f"netwerkfout: {type(exc).__name__}", code="netwerk") from exc
        except TwilioRestException as exc:
            code = str(exc.code or "")
            if exc.status == 429 or exc.status >= 500:
                raise TijdelijkeFout(f"Twilio HTTP {exc.status}", code=code or str(exc.status)) from exc
            raise PermanenteFout(str(exc.msg)[:250], code=code or str(exc.status)) from exc
        return message.sid


_memory = MemoryGateway()


def memory_gateway() -> MemoryGateway:
    return _memory


def gateway_get() -> Gateway:
    backend = settings.SMS_BACKEND
    if backend == "memory":
        return _memory
    if backend == "console":
        return ConsoleGateway()
    if backend == "twilio":
        return TwilioGateway()
    raise ValueError(f"Unknown SMS_BACKEND {backend!r}: use twilio, console or memory")
