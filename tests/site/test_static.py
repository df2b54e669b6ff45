"""Production's static files: collectstatic with the manifest storage succeeds and pages render with it.

Before this test, ``collectstatic`` aborted on an icon the design tokens' CSS names but the package
does not ship, and with the manifest storage every HTML page was then a 500 while ``check --deploy``
passed.
"""

import json

import pytest
from django.core.management import call_command
from django.test import override_settings

# Production uses WhiteNoise's compressed variant of this storage; the manifest step, which follows
# every url() in every stylesheet, is Django's and is what failed. Compression only adds time here.
MANIFEST_STORAGE = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    from django.conf import settings

    root = tmp_path_factory.mktemp("static")
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


@pytest.fixture
def collected(static_root, settings):
    settings.STATIC_ROOT = static_root
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    return json.loads((static_root / "staticfiles.json").read_text())["paths"]


def test_collectstatic_with_the_production_storage_collects_what_the_pages_use(collected):
    for path in (
        "css/werkplaats.css",
        "vendor/utrecht/index.css",
        "vendor/utrecht-tokens/index.css",
        "vendor/leaflet/leaflet.css",
        "vendor/leaflet/leaflet.js",
    ):
        assert path in collected, path


@pytest.mark.django_db
def test_public_pages_render_with_hashed_static_names(collected, settings, client):
    settings.DEBUG = True  # seed_demo refuses to run on a production-like site
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False
    for url in ("/", "/werkplaatsen/?q=8043AA", "/mijn/inloggen/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert collected["vendor/utrecht/index.css"] in response.content.decode(), url
