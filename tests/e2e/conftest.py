import pytest
from wagtail.models import Locale, Page, Site


@pytest.fixture(autouse=True)
def wagtail_baseline(request):
    """Give every browser test the database a fresh migrate leaves: a locale, the tree root and a site.

    Browser tests use transactional databases, which are flushed after each test. pytest-django's
    serialized rollback should restore what the migrations created, but in a mixed session its
    snapshot is not always there, so the baseline is rebuilt here instead of relied upon.
    """
    if "live_server" not in request.fixturenames:
        return
    request.getfixturevalue("transactional_db")
    locale = Locale.objects.first() or Locale.objects.create(language_code="nl")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)
