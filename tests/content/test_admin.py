"""Editors in the Wagtail admin: every form opens, pages publish, bad input is refused in Dutch."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.models import User
from content.models import (
    PrivacyverklaringPagina,
    SiteInstellingen,
    StandaardPagina,
    ToegankelijkheidsverklaringPagina,
    VeelgesteldeVragenPagina,
)
from tests.content.helpers import json_ld_blocks
from tests.factories import gemeente_create

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    StandaardPagina,
    VeelgesteldeVragenPagina,
    ToegankelijkheidsverklaringPagina,
    PrivacyverklaringPagina,
]


@pytest.fixture
def home():
    return gemeente_create().site.root_page.specific


@pytest.fixture
def editor(client, settings):
    settings.TWO_FACTOR_REQUIRED = False
    user = User.objects.create_superuser(username="redacteur", password="correct-paard-batterij")
    client.force_login(user)
    return user


def add_url(model, parent) -> str:
    ct = ContentType.objects.get_for_model(model)
    return f"/beheer/pages/add/{ct.app_label}/{ct.model}/{parent.pk}/"


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_the_add_form_of_each_page_type_opens_for_an_editor(client, editor, home, model):
    response = client.get(add_url(model, home))
    assert response.status_code == 200
    assert "help" in response.content.decode().lower()


def test_an_editor_publishes_a_faq_page_and_residents_get_its_structured_data(client, editor, home):
    data = nested_form_data(
        {
            "title": "Veelgestelde vragen",
            "slug": "vragen",
            "intro": "",
            "vragen": streamfield(
                [
                    ("vraag", {"vraag": "Moet ik een afspraak maken?", "antwoord": rich_text("<p>Nee.</p>")}),
                    ("vraag", {"vraag": "Wat kost het?", "antwoord": rich_text("<p>Niets.</p>")}),
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = client.post(add_url(VeelgesteldeVragenPagina, home), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = VeelgesteldeVragenPagina.objects.child_of(home).live().get()
    (document,) = json_ld_blocks(client.get(page.url).content)
    assert [q["name"] for q in document["mainEntity"]] == ["Moet ik een afspraak maken?", "Wat kost het?"]


def test_publishing_a_privacy_statement_in_the_admin_links_it_in_the_footer(client, editor, home):
    data = nested_form_data(
        {
            "title": "Privacyverklaring",
            "slug": "privacy",
            "verantwoordelijke": "Gemeente Zwolle",
            "laatst_gewijzigd": "2026-11-01",
            "intro": rich_text(""),
            "welke_gegevens": rich_text("<p>Het onderwerp van uw vraag.</p>"),
            "doelen": rich_text("<p>Om u te helpen.</p>"),
            "bewaartermijnen": rich_text("<p>Eén jaar.</p>"),
            "delen_met": rich_text(""),
            "rechten": rich_text("<p>Inzien en wissen.</p>"),
            "contact_email": "privacy@zwolle.example",
            "functionaris_gegevensbescherming": "",
            "klacht": rich_text(""),
            "action-publish": "publish",
        }
    )
    response = client.post(add_url(PrivacyverklaringPagina, home), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = PrivacyverklaringPagina.objects.get()
    assert SiteInstellingen.for_site(home.get_site()).privacyverklaring_id == page.pk
    client.logout()
    assert 'href="/privacy/">Privacy</a>' in client.get("/").content.decode()


def test_site_settings_refuse_a_colour_that_is_not_rrggbb_with_a_dutch_message(client, editor, home):
    site = home.get_site()
    url = f"/beheer/settings/content/siteinstellingen/{site.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"huisstijlkleur": "blauw", "accentkleur": "#e17000"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vul een kleur in als #RRGGBB" in html
    assert 'value="blauw"' in html, "what the editor typed is kept"
    assert SiteInstellingen.for_site(site).huisstijlkleur == "#01689b"

    response = client.post(url, {"huisstijlkleur": "#004488", "accentkleur": "#e17000"})
    assert response.status_code == 302
    assert SiteInstellingen.for_site(site).huisstijlkleur == "#004488"


def test_an_editor_of_one_gemeente_cannot_change_another_gemeentes_site_settings(client, settings):
    # SiteInstellingen uses Wagtail's per-site permission policy: a group gets "change" for one site.
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupSitePermission

    settings.TWO_FACTOR_REQUIRED = False
    zwolle = gemeente_create().site
    kampen = gemeente_create(naam="Kampen", cbs_code="GM0166").site
    group = Group.objects.create(name="Redacteuren Zwolle")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupSitePermission.objects.create(
        group=group, site=zwolle, permission=Permission.objects.get(codename="change_siteinstellingen")
    )
    editor = User.objects.create_user(username="redacteur-zwolle", password="correct-paard-batterij")
    editor.groups.add(group)
    client.force_login(editor)

    own = f"/beheer/settings/content/siteinstellingen/{zwolle.pk}/"
    other = f"/beheer/settings/content/siteinstellingen/{kampen.pk}/"
    assert client.get(own).status_code == 200
    assert client.post(own, {"huisstijlkleur": "#004488", "accentkleur": "#e17000"}).status_code == 302
    assert SiteInstellingen.for_site(zwolle).huisstijlkleur == "#004488"

    assert client.get(other).status_code in (302, 403)
    client.post(other, {"huisstijlkleur": "#ff0000", "accentkleur": "#e17000"})
    assert SiteInstellingen.for_site(kampen).huisstijlkleur == "#01689b", "the other gemeente is untouched"
