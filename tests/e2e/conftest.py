import pytest

from tests.helpers import wagtail_baseline_restore


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
    wagtail_baseline_restore()
