"""The rules a text and a number must meet before they may go out, and the quiet hours.

berichten does not import accounts (see ARCHITECTURE.md), so it normalises numbers itself.
"""

import re
import unicodedata
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DEFAULT_REGION = "NL"


class BerichtFout(ValidationError):
    """A message that may not be sent as asked; the message is fit to show to the user."""


# Words that tell a reader (a housemate, a colleague glancing at the screen) why someone is in contact
# with a werkplaats. Matched as stems, so "schulden", "schuldhulpverlening" and "betalingsachterstand"
# are caught too.
VERBODEN_STAMMEN = (
    "schuld",
    "incasso",
    "deurwaarder",
    "beslag",
    "achterstand",
    "afsluiting",
    "afgesloten",
    "uitzetting",
    "bewind",
    "budgetcoach",
    "budgetbeheer",
    "kredietbank",
    "wsnp",
    "faillis",
    "aanmaning",
    "sociaal raadslid",
    "geldzorg",
    "betalingsregeling",
    "huurachter",
    "energiearmoede",
)
# Ordinary words that contain a stem above but say nothing about money.
ONSCHULDIGE_WOORDEN = ("verontschuldig", "onschuld")


def nummer_normalize(value: str) -> str:
    """Return a mobile number in E.164, or raise BerichtFout."""
    try:
        number = phonenumbers.parse(value or "", DEFAULT_REGION)
    except phonenumbers.NumberParseException as exc:
        raise BerichtFout(_("Dit is geen telefoonnummer."), code="nummer") from exc
    if not phonenumbers.is_valid_number(number):
        raise BerichtFout(_("Dit telefoonnummer bestaat niet."), code="nummer")
    if phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise BerichtFout(_("Dit is geen mobiel nummer; een sms kan er niet heen."), code="nummer")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def nummer_mask(e164: str) -> str:
    """For logs and the console: enough to tell numbers apart, not enough to call anyone."""
    if not e164:
        return ""
    return f"{e164[:4]}******{e164[-2:]}"


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tekst_check(tekst: str) -> str:
    """Return the text stripped, or raise BerichtFout when it is empty, too long or reveals why."""
    tekst = (tekst or "").strip()
    if not tekst:
        raise BerichtFout(_("Het bericht is leeg."), code="leeg")
    maximum = settings.BERICHTEN_MAX_TEKENS
    if len(tekst) > maximum:
        raise BerichtFout(
            _("Het bericht is %(lengte)d tekens; het mag hoogstens %(max)d tekens zijn.")
            % {"lengte": len(tekst), "max": maximum},
            code="lang",
        )
    plain = _plain(tekst)
    for woord in ONSCHULDIGE_WOORDEN:
        plain = plain.replace(woord, " ")
    plain = re.sub(r"\s+", " ", plain)
    for stam in VERBODEN_STAMMEN:
        if stam in plain:
            raise BerichtFout(
                _(
                    "Dit bericht noemt “%(woord)s”. Een sms mag niet laten zien waarom iemand contact "
                    "heeft met de werkplaats: iemand anders kan het lezen. Haal dit woord weg."
                )
                % {"woord": stam},
                code="inhoud",
            )
    return tekst


def _local_at(day, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=AMSTERDAM)


def in_stille_uren(moment: datetime) -> bool:
    begin, einde = settings.BERICHTEN_STILTE_VAN, settings.BERICHTEN_STILTE_TOT
    uur = moment.astimezone(AMSTERDAM).hour
    return uur >= begin or uur < einde


def na_stille_uren(moment: datetime) -> datetime:
    """The moment itself, or the end of the quiet hours it falls in (08:00 Amsterdam, DST included)."""
    if not in_stille_uren(moment):
        return moment
    local = moment.astimezone(AMSTERDAM)
    einde = settings.BERICHTEN_STILTE_TOT
    day = local.date() if local.hour < einde else local.date() + timedelta(days=1)
    return _local_at(day, einde)
