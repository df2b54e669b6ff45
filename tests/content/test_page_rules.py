"""Where editors may create each page type: parents, children and once-per-site statements."""

import pytest
from django.contrib.contenttypes.models import ContentType

from accounts.models import User
from content.models import (
    HomePage,
    PrivacyverklaringPagina,
    StandaardPagina,
    ToegankelijkheidsverklaringPagina,
    VeelgesteldeVragenPagina,
)
from tests.content.helpers import faq_create, privacy_create, toegankelijkheid_create
from tests.factories import gemeente_create
from werkplaatsen.models import WerkplaatsIndexPage

pytestmark = pytest.mark.django_db

STATEMENTS = [
    (PrivacyverklaringPagina, privacy_create),
    (ToegankelijkheidsverklaringPagina, toegankelijkheid_create),
]


@pytest.fixture
def home():
    return gemeente_create().site.root_page.specific


@pytest.mark.parametrize(("model", "create"), STATEMENTS, ids=["privacy", "toegankelijkheid"])
def test_a_statement_can_be_made_once_per_site(home, model, create):
    assert model.can_create_at(home)
    create(home)
    assert not model.can_create_at(home), "a second statement on the same site"
    other_home = gemeente_create(naam="Kampen", cbs_code="GM0166").site.root_page.specific
    assert model.can_create_at(other_home), "another gemeente still gets its own"


@pytest.mark.parametrize(("model", "create"), STATEMENTS, ids=["privacy", "toegankelijkheid"])
def test_a_statement_lives_directly_under_the_home_page(home, model, create):
    standaard = home.add_child(instance=StandaardPagina(title="Over ons", slug="over"))
    index = WerkplaatsIndexPage.objects.child_of(home).get()
    assert not model.can_create_at(standaard)
    assert not model.can_create_at(index)
    statement = create(home)
    assert not StandaardPagina.can_create_at(statement), "statements have no subpages"


def test_standard_and_faq_pages_go_under_home_or_a_standard_page(home):
    standaard = home.add_child(instance=StandaardPagina(title="Over ons", slug="over"))
    for model in (StandaardPagina, VeelgesteldeVragenPagina):
        assert model.can_create_at(home)
        assert model.can_create_at(standaard)
        assert not model.can_create_at(WerkplaatsIndexPage.objects.child_of(home).get())
    faq = faq_create(home, vragen=[("Vraag?", "<p>Antwoord.</p>")])
    assert not StandaardPagina.can_create_at(faq)


def test_a_home_page_only_sits_at_the_root_of_the_tree(home):
    assert not HomePage.can_create_at(home)
    assert not HomePage.can_create_at(WerkplaatsIndexPage.objects.child_of(home).get())
    # One per gemeente, all side by side under the root: a second gemeente needs its own.
    assert HomePage.can_create_at(home.get_parent())


def test_the_admin_offers_only_the_allowed_page_types(client, settings, home):
    settings.TWO_FACTOR_REQUIRED = False
    editor = User.objects.create_superuser(username="redacteur", password="correct-paard-batterij")
    client.force_login(editor)
    privacy_create(home)

    html = client.get(f"/beheer/pages/{home.pk}/add_subpage/").content.decode()

    def offered(model):
        ct = ContentType.objects.get_for_model(model)
        return f"/beheer/pages/add/{ct.app_label}/{ct.model}/{home.pk}/" in html

    assert offered(StandaardPagina)
    assert offered(VeelgesteldeVragenPagina)
    assert offered(ToegankelijkheidsverklaringPagina)
    assert not offered(PrivacyverklaringPagina), "already has one"
    assert not offered(HomePage)

    ct = ContentType.objects.get_for_model(PrivacyverklaringPagina)
    url = f"/beheer/pages/add/{ct.app_label}/{ct.model}/{home.pk}/"
    # Wagtail answers "no permission" by sending the editor back to the dashboard with a message.
    assert client.get(url)["Location"] == "/beheer/"
    response = client.post(
        url, {"title": "Tweede privacyverklaring", "slug": "privacy-2", "action-publish": "publish"}
    )
    assert response.status_code == 302 and response["Location"] == "/beheer/"
    assert PrivacyverklaringPagina.objects.count() == 1
