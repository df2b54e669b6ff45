"""Every public page and every /mijn/ page is valid HTML by the W3C Nu HTML checker.

The pages are rendered on the demo data (tests/site/demo_pages.py), written to a folder, and checked
by one run of vnu.jar (one JVM start, a few seconds).
"""

import json
import os
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.urls import get_resolver

from tests.conftest import VNU_PATH
from tests.site.demo_pages import demo_pages_render

pytestmark = [pytest.mark.htmlcheck, pytest.mark.django_db]


def _vnu(folder: Path) -> list[dict]:
    run = subprocess.run(
        ["java", "-Xss1024k", "-jar", str(VNU_PATH), "--errors-only", "--format", "json", "--skip-non-html", str(folder)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stderr)["messages"]


def test_every_page_passes_the_w3c_html_checker(client, rf, settings, tmp_path):
    pages = demo_pages_render(client, settings)
    # The error pages that no demo URL shows: a server error and a form posted without its token.
    pages["500"] = ("", get_resolver().resolve_error_handler(500)(rf.get("/")).content.decode())
    expired = Client(enforce_csrf_checks=True).post("/mijn/inloggen/", {"username": "x", "password": "y"})
    pages["403-formulier-verlopen"] = ("", expired.content.decode())
    for name, (_part, html) in pages.items():
        (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
    errors = [
        f"{os.path.basename(m.get('url', ''))}:{m.get('lastLine', '?')}: {m['message']}"
        + (f"  [{m.get('extract', '').strip()[:120]}]" if m.get("extract") else "")
        for m in _vnu(tmp_path)
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors)
