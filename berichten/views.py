"""Twilio's webhooks: delivery status callbacks and inbound SMS. Thin: check the signature, call a service."""

import functools
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from twilio.request_validator import RequestValidator

from berichten.replies import antwoord_receive
from berichten.services import bericht_status_update

logger = logging.getLogger(__name__)


def _public_url(request) -> str:
    """The URL as Twilio signed it: behind a proxy Django sees another host or scheme."""
    base = settings.TWILIO_WEBHOOK_BASE_URL.rstrip("/")
    if not base:
        return request.build_absolute_uri()
    query = request.META.get("QUERY_STRING", "")
    return f"{base}{request.path}" + (f"?{query}" if query else "")


def twilio_signed(view):
    """403 unless X-Twilio-Signature matches; without an auth token (the demo) every request is refused."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        token = settings.TWILIO_AUTH_TOKEN
        signature = request.headers.get("X-Twilio-Signature", "")
        if not token or not signature:
            return HttpResponseForbidden()
        if not RequestValidator(token).validate(_public_url(request), request.POST, signature):
            logger.warning("Twilio webhook with a wrong signature refused (%s)", request.path)
            return HttpResponseForbidden()
        return view(request, *args, **kwargs)

    return wrapper


@csrf_exempt
@require_POST
@twilio_signed
def status_callback(request):
    bericht_status_update(
        provider_sid=request.POST.get("MessageSid", ""),
        twilio_status=request.POST.get("MessageStatus", ""),
        foutcode=request.POST.get("ErrorCode", ""),
    )
    return HttpResponse(status=204)


@csrf_exempt
@require_POST
@twilio_signed
def inkomend(request):
    antwoord_receive(
        message_sid=request.POST.get("MessageSid", ""),
        van=request.POST.get("From", ""),
        tekst=request.POST.get("Body", ""),
    )
    # Replies go out through the outbox, not as TwiML, so an empty answer tells Twilio to send nothing.
    return HttpResponse('<?xml version="1.0" encoding="UTF-8"?><Response/>', content_type="text/xml")
