"""The rules a text and a number must meet before they may go out, and the quiet hours.

Numbers follow kern.telefoon, the platform's one rule for phone numbers.
"""

import re
import unicodedata
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kern import clock
from kern.fouten import DomeinFout, Soort
from kern.telefoon import mobile_normalize


class BerichtFout(DomeinFout):
    """A message that may not be sent as asked; the message is fit to show to the user."""

    # Always the caller's input: the number or the text cannot be used as given.
    soort = Soort.ONGELDIG


# Words that tell a reader (a housemate, a colleague glancing at the screen) why someone is in contact
# with a werkplaats: debt, and money itself, since a werkplaats named "Geldzaken" or "Financiën" says
# the same. Matched as stems anywhere in a word, accents folded, so "schulden", "schuldhulpverlening",
# "Financiën" and "betalingsachterstand" are caught too.
VERBODEN_STAMMEN = (
    "schuld",
    "geld",
    "financ",
    "budget",
    "betaal",
    "betaling",
    "krediet",
    "lening",
    "afloss",
    "incasso",
    "deurwaarder",
    "beslag",
    "achterstand",
    "afsluiting",
    "afgesloten",
    "uitzetting",
    "bewind",
    "wsnp",
    "faillis",
    "aanmaning",
    "sociaal raadslid",
    "huurachter",
    "armoede",
    "toeslag",
    "bijstand",
    "uitkering",
    "belastingdienst",
    "cjib",
)
# Ordinary words and place names that contain a stem above but say nothing about money. Each is a
# whole word (with the endings listed), so "geldt" never hides "geldtekort" and "ongeldig" never hides
# the "betaling" beside it.
ONSCHULDIGE_WOORDEN = (
    r"\w*verontschuldig\w*",
    r"onschuld\w*",
    r"(on)?geldig\w*",
    r"geldt",
    r"gelden",
    r"gelder\w*",  # Gelderland, Gelderse, Geldermalsen
    r"geldrop\w*",
    r"(dienst|hulp)?verlening\w*",  # not "schuldhulpverlening": the whole word must match
)
_ONSCHULDIG = re.compile(r"\b(?:" + "|".join(ONSCHULDIGE_WOORDEN) + r")\b")
# A link the platform writes carries a random token that may spell a stem by chance; it tells a reader
# nothing, so it is not read as words.
_LINK = re.compile(r"https?://\S+")


def nummer_normalize(value: str) -> str:
    """Return a number an SMS may go to, in E.164 (kern.telefoon's one rule), or raise BerichtFout."""
    try:
        return mobile_normalize(value or "")
    except ValidationError as exc:
        raise BerichtFout(exc.messages[0], code="nummer") from exc


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
    plain = _LINK.sub(" ", _plain(tekst))
    woorden = [w for w in re.split(r"[^\w]+", plain) if w and not _ONSCHULDIG.fullmatch(w)]
    plain = " ".join(woorden)
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
    return clock.at(day, time(hour))


def in_stille_uren(moment: datetime) -> bool:
    begin, einde = settings.BERICHTEN_STILTE_VAN, settings.BERICHTEN_STILTE_TOT
    uur = clock.hour_of(moment)
    return uur >= begin or uur < einde


def na_stille_uren(moment: datetime) -> datetime:
    """The moment itself, or the end of the quiet hours it falls in (08:00 Amsterdam, DST included)."""
    if not in_stille_uren(moment):
        return moment
    local = clock.local(moment)
    einde = settings.BERICHTEN_STILTE_TOT
    day = local.date() if local.hour < einde else local.date() + timedelta(days=1)
    return _local_at(day, einde)
