"""Spotting personal data in free text (kern.persoonsgegevens)."""

import pytest

from kern.persoonsgegevens import bsn_valid, iban_valid, persoonsgegevens_vinden, waarschuwing


def _soorten(tekst):
    return [v.soort for v in persoonsgegevens_vinden(tekst)]


def test_the_note_from_the_defect_report_is_caught_on_every_count():
    assert _soorten("Mevrouw Jansen, BSN 123456782, tel 06 11223344") == ["naam", "bsn", "telefoonnummer"]


@pytest.mark.parametrize(
    "tekst, soort",
    [
        ("bsn 123.456.782", "bsn"),
        ("bel terug op +31 6 12345678", "telefoonnummer"),
        ("bel 038-4981234 na tweeën", "telefoonnummer"),
        ("mail naar j.jansen@example.nl", "email"),
        ("rekening NL91 ABNA 0417 1643 00 en verder", "iban"),
        ("rekening NL91ABNA0417164300.", "iban"),
        ("dhr. De Vries kwam terug", "naam"),
        ("familie El Amrani", "naam"),
    ],
)
def test_each_kind_is_found(tekst, soort):
    assert soort in _soorten(tekst)


@pytest.mark.parametrize(
    "tekst",
    [
        "Brief van de Belastingdienst over de huurtoeslag 2025, drie formulieren ingevuld",
        "123456789 is geen BSN",  # fails the eleven-test
        "Toeslag van 1250 euro per maand, afspraak om 14:30",
        "NL91 ABNA 0417 1643 01",  # one digit off: no valid IBAN
        "De heer des huizes was er niet",  # no capitalised name after the title
        "",
    ],
)
def test_ordinary_notes_pass(tekst):
    assert persoonsgegevens_vinden(tekst) == []


def test_the_eleven_test_and_mod_97():
    assert bsn_valid("123456782") and not bsn_valid("123456789") and not bsn_valid("000000000")
    assert iban_valid("NL91ABNA0417164300") and not iban_valid("NL91ABNA0417164301")


def test_the_warning_says_what_and_why_in_plain_dutch():
    tekst = waarschuwing(persoonsgegevens_vinden("BSN 123456782 en 06 11223344 en 06 22334455"))
    assert "een BSN (burgerservicenummer), een telefoonnummer staat" in tekst
    assert "anoniem" in tekst
