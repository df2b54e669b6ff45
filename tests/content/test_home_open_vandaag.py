"""The home page says which werkplaatsen are still open today; the theme colour stays readable."""

import re
from datetime import datetime

import pytest
from django.core.exceptions import ValidationError

from content.models import SiteInstellingen, contrast_with_white
from werkplaatsen.openingstijden import AMSTERDAM

pytestmark = pytest.mark.django_db


def test_home_lists_what_is_still_open_today_soonest_first(client, netwerk, clock):
    clock.set(datetime(2026, 11, 24, 9, 15, tzinfo=AMSTERDAM))  # Tuesday: Binnenstad 9–12, Stadshagen 9:30–12:30
    html = client.get("/").content.decode()
    section = html.split('id="open-vandaag-kop"', 1)[1]
    assert section.index("Werkplaats Binnenstad") < section.index("Werkplaats Stadshagen")
    assert "Nu open tot 12:00" in section and "Vandaag open van 09:30 tot 12:30" in section
    assert "Werkplaats Aa-landen" not in section, "Aa-landen opens on Thursday"


def test_home_says_when_nothing_is_open_any_more_today(client, netwerk, clock):
    clock.set(datetime(2026, 11, 24, 13, 0, tzinfo=AMSTERDAM))
    html = client.get("/").content.decode()
    assert "Vandaag is er geen werkplaats meer open." in html
    assert "Kijk wanneer ze weer open zijn" in html


@pytest.mark.parametrize(("colour", "readable"), [("#01689b", True), ("#000000", True), ("#ffcc00", False), ("#e17000", False)])
def test_a_theme_colour_white_text_cannot_be_read_on_is_refused(netwerk, colour, readable):
    gemeente, _pages = netwerk
    instellingen = SiteInstellingen.for_site(gemeente.site)
    instellingen.huisstijlkleur = colour
    if readable:
        instellingen.full_clean()
        assert contrast_with_white(colour) >= 4.5
    else:
        with pytest.raises(ValidationError, match="te licht"):
            instellingen.full_clean()


def test_home_says_so_when_no_werkplaats_opens_today_at_all(client, netwerk, clock):
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=AMSTERDAM))  # Monday: nothing opens on Mondays
    html = client.get("/").content.decode()
    assert "Vandaag is er geen werkplaats open." in html
    assert "geen werkplaats meer open" not in html
    assert "Kijk wanneer ze weer open zijn" in html


def test_the_page_title_names_the_site_once(client, netwerk):
    gemeente, pages = netwerk
    site = gemeente.site
    site.site_name = site.root_page.title
    site.save()
    html = client.get("/").content.decode()
    title = re.search(r"<title>([^<]*)</title>", html).group(1)
    assert title == site.site_name
    html = client.get(pages["binnenstad"].url).content.decode()
    title = re.search(r"<title>([^<]*)</title>", html).group(1)
    assert title == f"Werkplaats Binnenstad – {site.site_name}"
    assert title.count(site.site_name) == 1


def test_the_faq_and_information_pages_are_linked_from_every_page(client, netwerk):
    from content.models import StandaardPagina
    from tests.content.helpers import faq_create

    gemeente, pages = netwerk
    home = gemeente.site.root_page
    faq = faq_create(home, vragen=[("Wat kost het?", "<p>Niets.</p>")])
    over = home.add_child(instance=StandaardPagina(title="Over de werkplaatsen", slug="over"))
    over.save_revision().publish()
    verborgen = home.add_child(instance=StandaardPagina(title="Proefpagina", slug="proef", show_in_menus=False))
    verborgen.save_revision().publish()
    for url in ["/", pages["binnenstad"].url, "/werkplaatsen/"]:
        footer = client.get(url).content.decode().split('class="site-footer"', 1)[1]
        assert f'href="{faq.url}"' in footer and "Veelgestelde vragen" in footer, url
        assert f'href="{over.url}"' in footer and "Over de werkplaatsen" in footer, url
        assert "Proefpagina" not in footer
