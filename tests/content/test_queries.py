"""Query-count ceilings: the content pages cost the same with little or much content."""

import pytest
from wagtail.rich_text import RichText

from content.models import StandaardPagina
from tests.content.helpers import faq_create, image_create, privacy_create, toegankelijkheid_create
from tests.factories import gemeente_create
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

CEILING = 10


def _home_with(size: int):
    gemeente = gemeente_create()
    home = gemeente.site.root_page.specific
    home.onderwerpen = [("onderwerp", {"titel": f"Onderwerp {n}", "uitleg": "Uitleg."}) for n in range(size)]
    home.save_revision().publish()
    for n in range(size):
        home.add_child(instance=StandaardPagina(title=f"Pagina {n}", slug=f"pagina-{n}"))
    privacy_create(home)
    toegankelijkheid_create(home)
    return home


@pytest.mark.parametrize("size", [2, 40])
def test_home_page_query_count_does_not_grow_with_the_content(client, size):
    _home_with(size)
    client.get("/")  # first request fills Wagtail's site-root cache, as a running site has
    count = queries_for(lambda: client.get("/"))
    assert count <= CEILING, count


def test_home_page_query_count_is_the_same_for_two_data_sizes(client):
    # The parametrised test above gives the ceiling; this pins that both sizes cost exactly the same.
    home = _home_with(2)
    client.get("/")
    small = queries_for(lambda: client.get("/"))
    home.onderwerpen = [("onderwerp", {"titel": f"Onderwerp {n}", "uitleg": ""}) for n in range(40)]
    home.save_revision().publish()
    for n in range(2, 40):
        home.add_child(instance=StandaardPagina(title=f"Pagina {n}", slug=f"pagina-{n}"))
    client.get("/")  # publishing clears the site-root cache; refill it as the next visitor would
    large = queries_for(lambda: client.get("/"))
    assert small == large


def test_faq_page_query_count_is_the_same_for_3_and_40_questions(client):
    home = gemeente_create().site.root_page
    small = faq_create(home, slug="weinig", vragen=[(f"Vraag {n}?", "<p>Antwoord.</p>") for n in range(3)])
    large = faq_create(home, slug="veel", vragen=[(f"Vraag {n}?", "<p>Antwoord.</p>") for n in range(40)])
    client.get(small.url)
    assert queries_for(lambda: client.get(small.url)) == queries_for(lambda: client.get(large.url)) <= CEILING


def test_standaard_pagina_query_count_is_the_same_for_few_and_many_blocks(client):
    home = gemeente_create().site.root_page
    pages = []
    for size in (2, 40):
        body = [
            ("kop", f"Kop {n}") if n % 2 else ("tekst", RichText(f"<p>Tekst {n}.</p>")) for n in range(size)
        ]
        pages.append(
            home.add_child(instance=StandaardPagina(title=f"Pagina {size}", slug=f"p{size}", body=body))
        )
    client.get(pages[0].url)
    assert (
        queries_for(lambda: client.get(pages[0].url))
        == queries_for(lambda: client.get(pages[1].url))
        <= CEILING
    )


def test_standaard_pagina_query_count_is_the_same_for_one_and_six_images(client, tmp_path, settings):
    # Images are loaded in one query for the whole body, and renditions come from the cache once made.
    home = gemeente_create().site.root_page
    images = [image_create(tmp_path, settings) for _ in range(6)]
    pages = []
    for size in (1, 6):
        body = [
            (
                "afbeelding",
                {"afbeelding": {"image": image, "alt_text": "Foto", "decorative": False}, "onderschrift": ""},
            )
            for image in images[:size]
        ]
        pages.append(
            home.add_child(instance=StandaardPagina(title=f"Foto's {size}", slug=f"fotos-{size}", body=body))
        )
    for page in pages:
        client.get(page.url)  # the first visit makes the renditions
    counts = [queries_for(lambda page=page: client.get(page.url)) for page in pages]
    assert counts[0] == counts[1] <= CEILING, counts
