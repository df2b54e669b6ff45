"""Phone numbers are stored in E.164 ("+31612345678") whatever way people type them."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "NL"


def phone_normalize(value: str, *, region: str = DEFAULT_REGION) -> str:
    """Return the number in E.164, or raise ValidationError with a message fit for the user."""
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("Dit is geen telefoonnummer. Typ het bijvoorbeeld zo: 06 12345678."), code="invalid"
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("Dit telefoonnummer bestaat niet. Controleer de cijfers."), code="invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_mask(e164: str) -> str:
    """For logs: enough to tell numbers apart in a support call, not enough to call anyone."""
    if not e164:
        return ""
    return f"{e164[:3]}******{e164[-2:]}"
