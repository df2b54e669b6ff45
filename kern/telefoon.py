"""Phone numbers: stored in E.164 ("+31612345678") whatever way people type them, masked in logs.

One rule for the whole platform: any valid number may be stored (``phone_normalize``), but SMS only
goes to mobile numbers in the Netherlands or the rest of the EU (``mobile_normalize``), whether the
number belongs to a volunteer, a resident at the kiosk or an outbox row. A mask keeps the country
code and the last two digits: enough to tell numbers apart in a support call, not enough to call.
"""

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
    """For logs and the console: "+31******78"."""
    if not e164:
        return ""
    return f"{e164[:3]}******{e164[-2:]}"


def phone_display(e164: str) -> str:
    """As people write it: "06 12345678" for a Dutch number, "+32 470 12 34 56" for another."""
    number = phonenumbers.parse(e164)
    fmt = phonenumbers.PhoneNumberFormat
    return phonenumbers.format_number(number, fmt.NATIONAL if number.country_code == 31 else fmt.INTERNATIONAL)


# Mobile numbers we send SMS to: the Netherlands and the rest of the EU (volunteers who live across
# the border, or kept their old number).
EU_REGIONS = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
    "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}
_MOBILE_TYPES = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}


def mobile_normalize(value: str) -> str:
    """E.164 for a Dutch or other EU mobile number; ValidationError in plain Dutch otherwise."""
    e164 = phone_normalize(value)
    number = phonenumbers.parse(e164)
    if phonenumbers.region_code_for_number(number) not in EU_REGIONS:
        raise ValidationError(
            _("Wij sturen alleen sms naar mobiele nummers uit Nederland of de rest van de EU."), code="region"
        )
    if phonenumbers.number_type(number) not in _MOBILE_TYPES:
        raise ValidationError(_("Dit is geen mobiel nummer. Vul een 06-nummer in."), code="not_mobile")
    return e164
