"""Each content page type is created as an editor would and renders for a resident."""

import pytest
from wagtail.rich_text import RichText

from content.blocks import ActieBlock
from content.models import HomePage, StandaardPagina, ToegankelijkheidStatus
from tests.content.helpers import (
    assert_headings_in_order,
    faq_create,
    image_create,
    privacy_create,
    read_html,
    toegankelijkheid_create,
)
from tests.factories import gemeente_create
from werkplaatsen.models import WerkplaatsIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente():
    return gemeente_create()


@pytest.fixture
def home(gemeente):
    return HomePage.objects.get(pk=gemeente.site.root_page_id)


def test_home_page_has_a_finder_form_that_goes_to_the_werkplaatsen_index(client, home):
    index = WerkplaatsIndexPage.objects.child_of(home).get()
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'action="{index.url}"' in html
    assert 'method="get"' in html
    # The input is labelled and sends ?q= as the finder expects.
    assert '<label class="utrecht-form-label" for="home-zoek-q">Uw postcode of woonplaats</label>' in html
    assert 'id="home-zoek-q" name="q"' in html
    assert_headings_in_order(response.content)


def test_home_page_hides_the_finder_when_the_index_is_not_published(client, home):
    WerkplaatsIndexPage.objects.child_of(home).get().unpublish()
    html = client.get("/").content.decode()
    assert 'name="q"' not in html


def test_home_page_lists_the_topics_editors_fill_in(client, home):
    home.onderwerpen = [
        ("onderwerp", {"titel": "Post en brieven", "uitleg": "Brieven die u niet begrijpt."}),
        ("onderwerp", {"titel": "Toeslagen", "uitleg": ""}),
    ]
    home.save_revision().publish()
    response = client.get("/")
    html = response.content.decode()
    assert '<h2 class="utrecht-heading-2" id="onderwerpen-kop">Waarvoor kunt u komen?</h2>' in html
    assert (
        html.index("Post en brieven") < html.index("Brieven die u niet begrijpt.") < html.index("Toeslagen")
    )
    assert_headings_in_order(response.content)


def test_home_page_without_topics_shows_no_empty_heading(client, home):
    assert "Waarvoor kunt u komen?" not in client.get("/").content.decode()


def test_standaard_pagina_renders_every_block(client, home, tmp_path, settings):
    image = image_create(tmp_path, settings)
    faq = faq_create(home, vragen=[("Wat kost het?", "<p>Niets.</p>")])
    page = home.add_child(
        instance=StandaardPagina(
            title="Over de werkplaatsen",
            slug="over",
            intro="Wie we zijn.",
            body=[
                ("kop", "Wat is een werkplaats?"),
                ("tekst", RichText("<p>Een plek in uw <b>wijk</b>.</p>")),
                (
                    "afbeelding",
                    {
                        "afbeelding": {
                            "image": image,
                            "alt_text": "Vrijwilligers aan tafel",
                            "decorative": False,
                        },
                        "onderschrift": "De werkplaats in de binnenstad",
                    },
                ),
                ("actie", {"tekst": "Lees de veelgestelde vragen", "pagina": faq, "url": ""}),
                (
                    "actie",
                    {
                        "tekst": "Naar het Juridisch Loket",
                        "pagina": None,
                        "url": "https://www.juridischloket.nl/",
                    },
                ),
                ("let_op", {"titel": "Let op", "tekst": RichText("<p>Kom meteen bij een afsluiting.</p>")}),
            ],
        )
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 class="utrecht-heading-2">Wat is een werkplaats?</h2>' in html
    assert "Een plek in uw <b>wijk</b>." in html
    assert 'alt="Vrijwilligers aan tafel"' in html
    assert "De werkplaats in de binnenstad</figcaption>" in html
    links = dict((text, href) for href, text in read_html(html).links)
    assert links["Lees de veelgestelde vragen"] == faq.url
    assert links["Naar het Juridisch Loket"] == "https://www.juridischloket.nl/"
    assert 'class="utrecht-alert utrecht-alert--warning"' in html and "Kom meteen bij een afsluiting." in html
    assert_headings_in_order(html)


@pytest.mark.parametrize(
    "value",
    [
        {"tekst": "Verder", "pagina": None, "url": ""},
        {"tekst": "Verder", "pagina": "FAQ", "url": "https://example.nl/"},
    ],
    ids=["neither", "both"],
)
def test_call_to_action_needs_exactly_one_target(home, value):
    from django.core.exceptions import ValidationError

    if value["pagina"] == "FAQ":
        value["pagina"] = faq_create(home, vragen=[("Vraag?", "<p>Antwoord.</p>")])
    block = ActieBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({**value, "pagina": value["pagina"].pk if value["pagina"] else None}))


def test_faq_page_shows_questions_as_details_that_work_without_javascript(client, home):
    page = faq_create(
        home,
        vragen=[
            ("Moet ik een afspraak maken?", "<p>Nee, loop gewoon binnen.</p>"),
            ("Wat kost het?", "<p>Niets.</p>"),
        ],
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<details") == 2
    assert '<summary class="faq__samenvatting">Moet ik een afspraak maken?</summary>' in html
    assert "Nee, loop gewoon binnen." in html
    assert "<script src" not in html, "the FAQ needs no JavaScript"
    assert_headings_in_order(html)


def test_toegankelijkheidsverklaring_shows_status_check_date_issues_and_contact(client, home):
    page = toegankelijkheid_create(
        home,
        status=ToegankelijkheidStatus.C,
        bekende_problemen=[
            (
                "probleem",
                {
                    "probleem": "De kaart werkt niet met het toetsenbord.",
                    "gevolg": "Gebruik de lijst.",
                    "oplossing": "Klaar in maart 2027.",
                },
            )
        ],
        contact_telefoon="14 038",
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "C – eerste maatregelen genomen" in html
    assert '<time datetime="2026-10-15">15 oktober 2026</time>' in html
    assert '<h3 class="utrecht-heading-3">De kaart werkt niet met het toetsenbord.</h3>' in html
    assert "Klaar in maart 2027." in html
    assert 'href="mailto:toegankelijk@example.nl"' in html and 'href="tel:14038"' in html
    assert_headings_in_order(html)


def test_toegankelijkheidsverklaring_without_issues_says_so(client, home):
    page = toegankelijkheid_create(home)
    assert "Wij weten op dit moment van geen problemen." in client.get(page.url).content.decode()


def test_privacyverklaring_shows_every_section(client, home):
    page = privacy_create(
        home,
        functionaris_gegevensbescherming="fg@example.nl",
        klacht="<p>Bij de Autoriteit Persoonsgegevens.</p>",
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    for kop in [
        "Welke gegevens gebruiken wij?",
        "Waarom gebruiken wij uw gegevens?",
        "Hoe lang bewaren wij uw gegevens?",
        "Uw rechten",
        "Een klacht indienen",
    ]:
        assert f'<h2 class="utrecht-heading-2">{kop}</h2>' in html
    assert "Met wie delen wij" not in html, "an empty optional section has no heading"
    assert "fg@example.nl" in html and "Autoriteit Persoonsgegevens" in html
    assert '<html lang="nl"' in html
    assert_headings_in_order(html)
