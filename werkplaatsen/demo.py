"""Demo werkplaatsen for the fictional Zwolle network: addresses, hours, a closure, PC4 centroids.

Idempotent: a page is looked up by its slug before it is made, so a second run adds nothing.
"""

from datetime import time, timedelta
from decimal import Decimal
from pathlib import Path

from kern import clock
from werkplaatsen.models import Sluiting, Spreekuur, WerkplaatsIndexPage, WerkplaatsPage
from werkplaatsen.services import postcodegebieden_import

PC4_DEMO = Path(__file__).parent / "data" / "pc4_demo.csv"
ALLE_ONDERWERPEN = ["post", "achterstanden", "energie_water", "huur", "toeslagen", "belasting", "budget", "schulden", "digid"]
MEENEMEN = (
    "<ul><li>De brief of rekening waar u een vraag over heeft</li>"
    "<li>Uw DigiD, als u die heeft</li><li>Uw bankpas of een overzicht van uw bankrekening</li></ul>"
)


def _weekly(weekdag: int, opent: str, sluit: str, aanwezig: str = "") -> Spreekuur:
    return Spreekuur(weekdag=weekdag, opent=time.fromisoformat(opent), sluit=time.fromisoformat(sluit), aanwezig=aanwezig)


def _spreekuren(slug: str, today) -> list[Spreekuur]:
    next_saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    return {
        "binnenstad": [
            _weekly(0, "09:30", "12:30"),
            _weekly(2, "13:30", "16:30", "Ook een sociaal raadslid aanwezig"),
            _weekly(4, "09:30", "12:30"),
        ],
        # Two spreekuren on one day.
        "diezerpoort": [_weekly(1, "09:00", "12:00"), _weekly(3, "09:00", "12:00"), _weekly(3, "13:00", "15:00")],
        "holtenbroek": [
            _weekly(2, "09:00", "12:00", "Ook een budgetcoach aanwezig"),
            # Every other Saturday.
            Spreekuur(weekdag=5, opent=time(10), sluit=time(12), frequentie="om_de_n_weken", interval=2,
                      geldig_vanaf=next_saturday),
        ],
        "aa-landen": [
            _weekly(0, "13:00", "16:00"),
            _weekly(3, "13:00", "16:00"),
            # The first Saturday of the month.
            Spreekuur(weekdag=5, opent=time(10), sluit=time(12), frequentie="maandelijks", week_van_de_maand=1),
        ],
        "stadshagen": [_weekly(1, "13:00", "16:00"), _weekly(4, "13:00", "16:00")],
        "zwolle-zuid": [_weekly(2, "09:00", "12:00"), _weekly(3, "18:30", "20:30", "Avondspreekuur")],
    }[slug]


WERKPLAATSEN = [
    # slug, name, street, postcode, wijk, latitude, longitude, talen, rolstoel
    ("binnenstad", "Werkplaats Binnenstad", "Melkmarkt 20", "8011 MC", "Binnenstad", "52.512700", "6.093600", ["nl", "en"], True),
    ("diezerpoort", "Werkplaats Diezerpoort", "Schuurmanstraat 10", "8021 AH", "Diezerpoort", "52.518500", "6.103000", ["nl", "ar", "tr"], True),
    ("holtenbroek", "Werkplaats Holtenbroek", "Dobbe 80", "8031 ET", "Holtenbroek", "52.529800", "6.087500", ["nl", "tr", "pl"], False),
    ("aa-landen", "Werkplaats Aa-landen", "Eemstraat 2", "8032 GN", "Aa-landen", "52.536900", "6.101200", ["nl", "ti", "ar"], True),
    ("stadshagen", "Werkplaats Stadshagen", "Stadshagenplein 1", "8043 AA", "Stadshagen", "52.531000", "6.056000", ["nl", "uk", "en"], True),
    ("zwolle-zuid", "Werkplaats Zwolle-Zuid", "Ittersumallee 500", "8025 BW", "Zwolle-Zuid", "52.496000", "6.115000", ["nl", "pap"], False),
]


def werkplaatsen_demo_seed(home) -> list[WerkplaatsPage]:
    postcodegebieden_import(path=PC4_DEMO)
    today = clock.today()
    index = WerkplaatsIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=WerkplaatsIndexPage(
                title="Werkplaatsen",
                slug="werkplaatsen",
                intro="Zoek de werkplaats die het dichtst bij u is en nu open is. U hoeft geen afspraak te maken.",
            )
        )
    pages = []
    for slug, title, straat, postcode, wijk, lat, lon, talen, rolstoel in WERKPLAATSEN:
        page = WerkplaatsPage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            page = WerkplaatsPage(
                title=title, slug=slug, straat=straat, postcode=postcode, plaats="Zwolle", wijk=wijk,
                latitude=Decimal(lat), longitude=Decimal(lon), talen=talen, rolstoeltoegankelijk=rolstoel,
                stilteruimte=slug in {"binnenstad", "aa-landen"}, onderwerpen=ALLE_ONDERWERPEN, meenemen=MEENEMEN,
                inleiding=f"Vragen over geld of post? Loop binnen in {wijk}. Gratis en zonder afspraak.",
                spreekuren=_spreekuren(slug, today),
            )
            if slug == "stadshagen":
                page.sluitingen = [
                    Sluiting(van=today + timedelta(days=10), tot=today + timedelta(days=16), reden="Verbouwing"),
                ]
            index.add_child(instance=page)
        pages.append(page)
    return pages
