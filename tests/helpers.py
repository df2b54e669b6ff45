"""Small helpers the suites share."""

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(action: Callable[[], object]) -> int:
    """How many SQL queries ``action`` runs; compare two data sizes to prove a ceiling holds."""
    with CaptureQueriesContext(connection) as context:
        action()
    return len(context.captured_queries)
