"""Every page's footer links to its own site's privacy and accessibility statements."""

import pytest

from content.models import SiteInstellingen
from tests.content.helpers import privacy_create, read_html, toegankelijkheid_create
from tests.factories import gemeente_create

pytestmark = pytest.mark.django_db


def footer_links(response) -> dict[str, str]:
    html = response.content.decode()
    footer = html[html.index("<footer") : html.index("</footer>")]
    return {text: href for href, text in read_html(footer).links}


def test_publishing_the_statements_puts_them_in_the_footer_of_every_page(client):
    home = gemeente_create().site.root_page
    assert footer_links(client.get("/")) == {}

    privacy = privacy_create(home)
    toegankelijkheid = toegankelijkheid_create(home)

    for url in ["/", privacy.url, toegankelijkheid.url]:
        assert footer_links(client.get(url)) == {
            "Toegankelijkheid": "/toegankelijkheid/",
            "Privacy": "/privacy/",
        }


def test_an_unpublished_statement_disappears_from_the_footer(client):
    home = gemeente_create().site.root_page
    privacy_create(home)
    toegankelijkheid_create(home).unpublish()
    assert footer_links(client.get("/")) == {"Privacy": "/privacy/"}


def test_each_gemeente_sees_its_own_statements(client):
    zwolle = gemeente_create()
    kampen = gemeente_create(naam="Kampen", cbs_code="GM0166")
    privacy_create(zwolle.site.root_page, slug="privacy-zwolle")
    privacy_create(kampen.site.root_page, slug="privacy-kampen")

    assert footer_links(client.get("/")) == {"Privacy": "/privacy-zwolle/"}
    assert footer_links(client.get("/", HTTP_HOST="kampen.localhost")) == {"Privacy": "/privacy-kampen/"}


def test_an_editors_choice_in_the_site_settings_is_kept_when_another_statement_is_published(client):
    home = gemeente_create().site.root_page
    first = privacy_create(home, slug="privacy")
    instellingen = SiteInstellingen.for_site(home.get_site())
    assert instellingen.privacyverklaring_id == first.pk

    # A draft republished (here: the same page, new revision) leaves the chosen link alone.
    first.title = "Privacy en gegevens"
    first.save_revision().publish()
    instellingen.refresh_from_db()
    assert instellingen.privacyverklaring_id == first.pk
    assert footer_links(client.get("/")) == {"Privacy": "/privacy/"}


def test_the_footer_costs_one_query_per_request(client, django_assert_max_num_queries):
    home = gemeente_create().site.root_page
    privacy_create(home)
    toegankelijkheid_create(home)
    client.get("/")  # warm Wagtail's site-root cache, as in production
    from tests.helpers import queries_for

    with_links = queries_for(lambda: client.get("/"))
    SiteInstellingen.objects.update(privacyverklaring=None, toegankelijkheidsverklaring=None)
    without_links = queries_for(lambda: client.get("/"))
    assert with_links == without_links, "the linked pages come along in the settings query"
