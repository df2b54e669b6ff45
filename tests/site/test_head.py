"""HEAD is answered wherever GET is: monitors, proxies and calendar apps ask HEAD first."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from rooster.services import agenda_token_uitgeven
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_head_on_health_feeds_and_api(client, netwerk):
    token = agenda_token_uitgeven(user=UserFactory())
    for url in [
        "/healthz",
        "/werkplaatsen/binnenstad/openingstijden.ics",
        "/api/v1/werkplaatsen",
        "/api/v1/services",
        reverse("rooster_agenda", args=[token]),
        "/werkplaatsen/",
        "/",
    ]:
        response = client.head(url)
        assert response.status_code == 200, url
        assert response.content == b"", url


def test_no_view_allows_get_without_head():
    """require_GET and a GET list without HEAD answer HEAD with 405; require_safe is the decorator."""
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts or "node_modules" in path.parts:
            continue
        text = path.read_text()
        if re.search(r"\brequire_GET\b", text):
            offenders.append(f"{path.relative_to(ROOT)}: require_GET")
        for methods in re.findall(r"require_http_methods\(\[([^\]]*)\]\)", text):
            if '"GET"' in methods and '"HEAD"' not in methods:
                offenders.append(f"{path.relative_to(ROOT)}: require_http_methods([{methods}])")
    assert offenders == []
