"""The demo content: real questions, both statements, topics and footer links, made once."""

import pytest
from django.apps import apps

from content.demo import content_demo_seed
from content.models import (
    PrivacyverklaringPagina,
    SiteInstellingen,
    StandaardPagina,
    ToegankelijkheidsverklaringPagina,
    VeelgesteldeVragenPagina,
)
from tests.factories import gemeente_create

pytestmark = pytest.mark.django_db


def _row_counts() -> dict[str, int]:
    return {
        m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.managed and not m._meta.proxy
    }


def test_content_demo_seed_builds_the_pages_and_settings(client):
    home = gemeente_create().site.root_page.specific
    content_demo_seed(home)

    faq = VeelgesteldeVragenPagina.objects.child_of(home).live().get()
    vragen = [block.value["vraag"] for block in faq.vragen]
    assert 6 <= len(vragen) <= 8
    assert "Moet ik een afspraak maken?" in vragen and "Wat kost het?" in vragen
    assert StandaardPagina.objects.child_of(home).live().get().title == "Over de werkplaatsen"
    home.refresh_from_db()
    assert len(home.onderwerpen) >= 4
    instellingen = SiteInstellingen.for_site(home.get_site())
    assert instellingen.privacyverklaring == PrivacyverklaringPagina.objects.get()
    assert instellingen.toegankelijkheidsverklaring == ToegankelijkheidsverklaringPagina.objects.get()
    for page in [faq, instellingen.privacyverklaring, instellingen.toegankelijkheidsverklaring, home]:
        assert client.get(page.url).status_code == 200


def test_content_demo_seed_twice_changes_nothing():
    home = gemeente_create().site.root_page.specific
    content_demo_seed(home)
    first = _row_counts()
    content_demo_seed(home)
    assert _row_counts() == first
