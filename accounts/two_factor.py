"""The second factor (TOTP, via django-otp) for everyone who can see other people's data."""

import base64

import qrcode
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathImage

from accounts.audit import AuditResultaat, audit_log

DEVICE_NAME = "Authenticator-app"


def totp_device_pending(*, user) -> TOTPDevice:
    """The unconfirmed device a user is setting up; one at a time, so reloading shows the same code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def totp_qr_data_uri(device: TOTPDevice) -> str:
    """The QR code as an SVG data URI for an <img>.

    django-otp's own SVG starts with an XML declaration and uses svg:-prefixed elements: pasted into
    HTML that draws nothing. As an image the SVG is parsed as XML, and the <img> carries the alt text.
    """
    svg = qrcode.make(device.config_url, image_factory=SvgPathImage).to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def totp_secret_for_typing(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for people who cannot scan the QR code."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def totp_confirm(*, request, device: TOTPDevice, token: str) -> bool:
    """Confirm a new device with its first code; on success the session counts as verified."""
    if not device.verify_token(token.replace(" ", "")):
        audit_log(
            actie="tweestaps.instellen",
            resultaat=AuditResultaat.GEWEIGERD,
            actor=request.user,
            oorsprong=_origin(request),
        )
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # One working authenticator per person: older confirmed devices stop counting.
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    otp_login(request, device)
    audit_log(actie="tweestaps.instellen", actor=request.user, oorsprong=_origin(request), obj=device)
    return True


def totp_verify(*, request, token: str) -> bool:
    """Check a code against the user's confirmed device; django-otp throttles repeated failures."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    ok = device is not None and device.verify_token(token.replace(" ", ""))
    if ok:
        otp_login(request, device)
    audit_log(
        actie="tweestaps.controle",
        resultaat=AuditResultaat.GELUKT if ok else AuditResultaat.GEWEIGERD,
        actor=request.user,
        oorsprong=_origin(request),
    )
    return ok


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def _origin(request) -> str:
    from accounts.audit import audit_origin

    return audit_origin(request)
