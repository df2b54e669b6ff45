"""Demo content for a gemeente's site: FAQ, statements, an information page, topics and site settings.

Idempotent like the rest of the seed: every page is looked up by its slug under the home page first.
"""

import datetime

from wagtail.models import Page
from wagtail.rich_text import RichText

from content.models import (
    HomePage,
    PrivacyverklaringPagina,
    SiteInstellingen,
    StandaardPagina,
    ToegankelijkheidStatus,
    ToegankelijkheidsverklaringPagina,
    VeelgesteldeVragenPagina,
)

ONDERWERPEN = [
    ("Post en brieven", "Brieven die u niet begrijpt, of post die u niet durft open te maken."),
    ("Rekeningen en betalingsachterstanden", "Rekeningen die u niet kunt betalen, aanmaningen en incasso."),
    ("Toeslagen en regelingen", "Zorgtoeslag, huurtoeslag, bijzondere bijstand en andere regelingen."),
    ("Formulieren invullen", "Samen een formulier invullen, op papier of op de computer."),
    ("Overzicht in uw geld", "Zien wat er binnenkomt en wat eruit gaat, en een plan maken."),
    ("Schulden", "We zoeken samen met u uit welke hulp past, en brengen u in contact."),
]

VRAGEN = [
    (
        "Moet ik een afspraak maken?",
        "<p>Nee. U kunt gewoon binnenlopen als de werkplaats open is. Soms moet u even wachten.</p>",
    ),
    (
        "Wat kost het?",
        "<p>Niets. De hulp in de werkplaats is gratis.</p>",
    ),
    (
        "Wat neem ik mee?",
        "<p>Neem de brieven en papieren mee waar uw vraag over gaat. Bijvoorbeeld een rekening, een "
        "aanmaning of een brief van de Belastingdienst. Heeft u online bankieren? Neem dan ook uw "
        "telefoon mee. Een identiteitsbewijs of BSN is niet nodig.</p>",
    ),
    (
        "Blijft mijn verhaal geheim?",
        "<p>Ja. Wat u vertelt, blijft in de werkplaats. We schrijven uw naam niet op. Alleen als u verdere "
        "hulp wilt en daar toestemming voor geeft, geven we uw gegevens door.</p>",
    ),
    (
        "Mag ik iemand meenemen?",
        "<p>Ja, dat mag. Neem gerust een familielid, vriend of buurvrouw mee.</p>",
    ),
    (
        "Ik spreek niet goed Nederlands. Kan ik toch komen?",
        "<p>Ja. In sommige werkplaatsen spreken vrijwilligers ook andere talen. U kunt ook iemand meenemen "
        "die voor u vertaalt. Op de pagina van elke werkplaats staat welke talen er gesproken worden.</p>",
    ),
    (
        "Wie helpt mij in de werkplaats?",
        "<p>Vrijwilligers. Veel van hen hebben zelf ook geldzorgen gehad. Is er meer hulp nodig? Dan brengen "
        "zij u in contact met bijvoorbeeld een budgetcoach of een sociaal raadslid.</p>",
    ),
    (
        "Ik heb grote schulden. Kan de werkplaats mij ook helpen?",
        "<p>Ja. We kijken samen naar uw situatie. Dreigt u uit uw huis gezet te worden, of wordt uw energie "
        "afgesloten? Zeg het meteen, dan zorgen we dat er snel iemand naar kijkt.</p>",
    ),
]


def _child(home: HomePage, model, slug: str, **fields) -> Page:
    page = model.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = home.add_child(instance=model(slug=slug, **fields))
        # Published through a revision so Wagtail's page_published signal fires as it does for editors.
        page.save_revision().publish()
    return page


def content_demo_seed(home: HomePage) -> None:
    if not home.onderwerpen:
        home.onderwerpen = [
            ("onderwerp", {"titel": titel, "uitleg": uitleg}) for titel, uitleg in ONDERWERPEN
        ]
        home.save()

    _child(
        home,
        VeelgesteldeVragenPagina,
        "veelgestelde-vragen",
        title="Veelgestelde vragen",
        show_in_menus=True,
        intro="Staat uw vraag er niet bij? Loop gewoon binnen, we helpen u graag.",
        vragen=[("vraag", {"vraag": vraag, "antwoord": RichText(antwoord)}) for vraag, antwoord in VRAGEN],
    )
    _child(
        home,
        StandaardPagina,
        "over-de-werkplaatsen",
        title="Over de werkplaatsen",
        show_in_menus=True,
        intro="In de werkplaatsen helpen vrijwilligers u met vragen over geld en post. Gratis en zonder afspraak.",
        body=[
            ("kop", "Wat is een werkplaats?"),
            (
                "tekst",
                RichText(
                    "<p>Een werkplaats is een plek in uw wijk waar u binnen kunt lopen met vragen over geld. "
                    "Bijvoorbeeld over een brief, een rekening of een toeslag. Vrijwilligers kijken samen met u "
                    "wat u kunt doen.</p>"
                ),
            ),
            ("kop", "Wie zijn de vrijwilligers?"),
            (
                "tekst",
                RichText(
                    "<p>Veel vrijwilligers hebben zelf geldzorgen gehad. Zij weten hoe het voelt. Voor moeilijke "
                    "vragen halen zij een budgetcoach of sociaal raadslid erbij.</p>"
                ),
            ),
            (
                "let_op",
                {
                    "titel": "Let op",
                    "tekst": RichText(
                        "<p>Dreigt u uit uw huis gezet te worden of wordt uw energie afgesloten? "
                        "Kom dan meteen. Wacht niet.</p>"
                    ),
                },
            ),
        ],
    )
    toegankelijkheid = _child(
        home,
        ToegankelijkheidsverklaringPagina,
        "toegankelijkheid",
        title="Toegankelijkheidsverklaring",
        geldt_voor="de website van Werkplaats Geldzaken Zwolle (demo)",
        status=ToegankelijkheidStatus.B,
        datum_verklaring=datetime.date(2026, 11, 1),
        datum_onderzoek=datetime.date(2026, 10, 15),
        onderzocht_door="Eigen controle met axe-core en met de hand (demo)",
        toelichting="<p>Wij testen elke nieuwe versie van de website automatisch en met het toetsenbord.</p>",
        bekende_problemen=[
            (
                "probleem",
                {
                    "probleem": "De kaart met werkplaatsen werkt niet goed met het toetsenbord.",
                    "gevolg": "Gebruikt u geen muis? Gebruik dan de lijst onder de kaart. Daarin staat hetzelfde.",
                    "oplossing": "We maken de kaart beter bruikbaar met het toetsenbord.",
                },
            )
        ],
        contact_email="toegankelijkheid@zwolle.example",
        contact_telefoon="14 038",
        klachten="<p>Bent u niet tevreden met ons antwoord? Dan kunt u terecht bij de Nationale ombudsman.</p>",
    )
    privacy = _child(
        home,
        PrivacyverklaringPagina,
        "privacy",
        title="Privacyverklaring",
        verantwoordelijke="Gemeente Zwolle (demo)",
        laatst_gewijzigd=datetime.date(2026, 11, 1),
        intro="<p>Wij gaan zorgvuldig om met uw gegevens. Hier leest u welke gegevens wij gebruiken en waarom.</p>",
        welke_gegevens="<p>Als u binnenloopt, schrijven we alleen op waar uw vraag over gaat. Niet uw naam en niet "
        "uw BSN. Wilt u verdere hulp? Dan vragen we uw naam en telefoonnummer, alleen met uw toestemming.</p>",
        doelen="<p>We gebruiken uw gegevens om u te helpen, en om te tellen hoeveel mensen we helpen. "
        "Die tellingen bevatten geen namen.</p>",
        bewaartermijnen="<p>Uw naam en telefoonnummer wissen we als de hulp klaar is, uiterlijk na één jaar.</p>",
        delen_met="<p>Alleen met de hulpverlener die u verder helpt, en alleen als u dat goed vindt.</p>",
        rechten="<p>U mag altijd vragen welke gegevens wij van u hebben. U mag ze laten verbeteren of "
        "laten wissen. Stuur ons een e-mail.</p>",
        contact_email="privacy@zwolle.example",
        functionaris_gegevensbescherming="fg@zwolle.example",
        klacht="<p>Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de "
        "Autoriteit Persoonsgegevens.</p>",
    )

    site = home.get_site()
    if site is not None:
        instellingen = SiteInstellingen.for_site(site)
        instellingen.privacyverklaring = instellingen.privacyverklaring or privacy
        instellingen.toegankelijkheidsverklaring = (
            instellingen.toegankelijkheidsverklaring or toegankelijkheid
        )
        instellingen.save()
