"""The word filter: werkplaats names about money never reach an SMS; ordinary words and the platform's
own fixed texts still pass."""

import pytest

from berichten.regels import BerichtFout, tekst_check
from rooster import sms as rooster_sms
from werkplaatsen.demo import WERKPLAATSEN


class _Werkplaats:
    def __init__(self, title):
        self.title = title


@pytest.mark.parametrize(
    "naam",
    [
        "Werkplaats Financiën XL",
        "Loket Geldzaken",
        "Werkplaats Geldzaken Zwolle",  # the demo's site name
        "Geldloket Noord",
        "Financieel Café",
        "FINANCIEN",
        "Budgetwinkel",
        "Het Betaalpunt",
        "Betalingen & Zo",
        "Schuldenlab",
        "Schuldhulpmaatje Oost",
        "Geldzorgen Spreekuur",
        "Kredietbank Wijkpunt",
        "Toeslagenloket",
        "Aflossingshulp",
        "Armoedepact Zuid",
        "Werkplaats Bijstand",
        "Uitkeringen-inloop",
    ],
)
def test_a_werkplaats_name_about_money_is_replaced_in_sms(naam):
    with pytest.raises(BerichtFout):
        tekst_check(f"Uw dienst bij {naam} is morgen om 10:00.")
    assert rooster_sms.naam(_Werkplaats(naam)) == "de werkplaats"


def test_the_demo_werkplaatsen_keep_their_names_in_sms():
    namen = [row[1] for row in WERKPLAATSEN]
    assert namen  # the seeds' real names, not a copy that could drift
    for naam in namen:
        assert rooster_sms.naam(_Werkplaats(naam)) == naam


@pytest.mark.parametrize(
    "tekst",
    [
        "Welkom bij Werkplaats, Anouk! Log de eerste keer in via deze link (7 dagen geldig): https://x.nl/a",
        "Deze code is ongeldig. Vraag een nieuwe code aan.",
        "Dat geldt ook voor zaterdag.",
        "Onze verontschuldigingen: de dienst van morgen begint om 10:30.",
        "Uw dienst bij Werkplaats Gelderlandplein is morgen om 10:00.",
        "Uw dienst bij Werkplaats Geldrop is morgen om 10:00.",
        "Er is een plaats vrij bij Werkplaats Dienstverlening Oost op dinsdag.",
    ],
)
def test_ordinary_words_and_place_names_pass(tekst):
    assert tekst_check(tekst) == tekst


@pytest.mark.parametrize(
    "tekst",
    [
        "Dat is een geldtekort, kom langs.",  # "geldt" inside a money word does not hide it
        "Uw geldzaken bespreken we morgen.",
        "Ongeldige betaling? Kom langs.",
        "Uw schuldhulpverlening begint morgen.",
        "Vragen over geldverlening?",
    ],
)
def test_an_innocent_word_does_not_hide_a_money_word_beside_or_inside_it(tekst):
    with pytest.raises(BerichtFout):
        tekst_check(tekst)


def test_a_link_the_platform_writes_is_not_read_as_words():
    # A random token may spell a stem by chance; the link says nothing to a reader.
    tekst = "Log in via deze link (7 dagen geldig): https://werkplaats.example/mijn/uitnodiging/xSchuldGeld9/"
    assert tekst_check(tekst) == tekst


def test_the_platforms_own_fixed_texts_pass(settings):
    """Every fixed SMS text of the platform, filled with a harmless name, passes the filter."""
    from django.utils.translation import override

    from accounts import sms_login

    with override("nl"):
        teksten = [
            sms_login._("Uw inlogcode voor Werkplaats is %(code)s. De code werkt %(minuten)d minuten. Deel hem met niemand.")
            % {"code": "123456", "minuten": 10},
            sms_login._(
                "Welkom bij Werkplaats, %(naam)s! Log de eerste keer in via deze link (%(dagen)d dagen geldig): %(link)s"
            )
            % {"naam": "Anouk", "dagen": 7, "link": "https://werkplaats.example/mijn/uitnodiging/abc/"},
        ]
    for tekst in teksten:
        assert tekst_check(tekst) == tekst
