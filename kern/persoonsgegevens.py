"""Spotting personal data in free text, so a form can warn before it is saved.

Visits, signals and other records meant to be anonymous have a note field, and people type what is
on their mind: "Mevrouw Jansen, BSN 123456782, tel 06 11223344". Each finder here is deliberately
specific (a BSN must pass the eleven-test, an IBAN its mod-97 check, a phone number must be a valid
number for phonenumbers) so a warning is worth reading; none of them is a guarantee.
"""

import re
from dataclasses import dataclass

import phonenumbers
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Vondst:
    soort: str  # bsn, telefoonnummer, email, iban, naam
    tekst: str  # what was found, to point at it


WAAROM = {
    "bsn": _("een BSN (burgerservicenummer)"),
    "telefoonnummer": _("een telefoonnummer"),
    "email": _("een e-mailadres"),
    "iban": _("een bankrekeningnummer (IBAN)"),
    "naam": _("een naam"),
}

_BSN = re.compile(r"(?<![\d.])(\d[ .]?){8}\d(?![\d.])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_IBAN_START = re.compile(r"\b[A-Za-z]{2}\d{2}")
# A title or form of address followed by a capitalised word: "mevrouw Jansen", "dhr. De Vries".
_NAAM = re.compile(
    r"\b(?i:mevrouw|meneer|mevr\.?|mw\.?|dhr\.?|de heer|mr\.?|mrs\.?|ms\.?|juffrouw|familie|fam\.)\s+"
    r"(?:(?:van|de|der|den|ter|ten|van der|van den)\s+)?[A-Z][a-zà-ÿ'-]+"
)


def bsn_valid(digits: str) -> bool:
    """The eleven-test for a BSN: 9 digits, 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def iban_valid(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def _iban_at(tekst: str, start: int) -> str | None:
    """The IBAN starting at ``start`` (written with or without spaces), if a valid one does."""
    compact, end, position = "", start, start
    while position < len(tekst) and len(compact) < 34:
        ch = tekst[position]
        if ch.isalnum() and ch.isascii():
            compact += ch
            end = position + 1
            # The words after an IBAN ("NL91 ABNA 0417 1643 00 en ...") must not spoil it: try every length.
            if len(compact) >= 15 and iban_valid(compact) and not tekst[end : end + 1].isalnum():
                return tekst[start:end]
        elif ch != " ":
            break
        position += 1
    return None


def persoonsgegevens_vinden(tekst: str) -> list[Vondst]:
    """What in ``tekst`` looks like personal data, in the order it appears."""
    tekst = tekst or ""
    found: list[tuple[int, Vondst]] = []
    for match in _BSN.finditer(tekst):
        if bsn_valid(re.sub(r"\D", "", match.group())):
            found.append((match.start(), Vondst("bsn", match.group())))
    for match in _IBAN_START.finditer(tekst):
        iban = _iban_at(tekst, match.start())
        if iban:
            found.append((match.start(), Vondst("iban", iban)))
    for match in _EMAIL.finditer(tekst):
        found.append((match.start(), Vondst("email", match.group())))
    bsn_spans = [(start, start + len(v.tekst)) for start, v in found if v.soort in ("bsn", "iban")]
    for match in phonenumbers.PhoneNumberMatcher(tekst, "NL", leniency=phonenumbers.Leniency.VALID):
        if not any(a <= match.start < b for a, b in bsn_spans):
            found.append((match.start, Vondst("telefoonnummer", match.raw_string)))
    for match in _NAAM.finditer(tekst):
        found.append((match.start(), Vondst("naam", match.group())))
    return [v for _, v in sorted(found, key=lambda item: item[0])]


def waarschuwing(vondsten: list[Vondst]) -> str:
    """One plain sentence for the person who typed it: what we saw and why it matters."""
    soorten = []
    for v in vondsten:
        if WAAROM[v.soort] not in soorten:
            soorten.append(WAAROM[v.soort])
    wat = ", ".join(str(s) for s in soorten)
    return str(
        _(
            "Het lijkt erop dat hier %(wat)s staat. Deze gegevens zijn anoniem: schrijf geen gegevens "
            "op waaraan iemand te herkennen is. Haal het weg, of vink hieronder aan dat het geen "
            "persoonsgegevens zijn."
        )
    ) % {"wat": wat}
