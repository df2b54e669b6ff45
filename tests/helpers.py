"""Small helpers the suites share."""

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(action: Callable[[], object]) -> int:
    """How many SQL queries ``action`` runs; compare two data sizes to prove a ceiling holds."""
    with CaptureQueriesContext(connection) as context:
        action()
    return len(context.captured_queries)


def wagtail_baseline_restore() -> None:
    """Give a flushed database back what migrations made: a locale, the page tree root and a site.

    Transactional tests (browser tests, real parallel transactions) flush the database after each
    test; Wagtail's migrations created these rows, so a flushed database lacks them.
    """
    from wagtail.models import Locale, Page, Site

    locale = Locale.objects.first() or Locale.objects.create(language_code="nl")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)
