"""The QR code on the two-step set-up page is an image a browser draws, and the key is there as text."""

import base64
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from accounts.models import WerkplaatsRol
from tests.factories import UserFactory, gemeente_create, lidmaatschap_create, werkplaats_create

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def test_qr_code_is_a_drawable_svg_image_with_a_text_alternative(client, settings):
    settings.TWO_FACTOR_REQUIRED = True
    coordinator = UserFactory()
    lidmaatschap_create(coordinator, werkplaats_create(gemeente_create()), WerkplaatsRol.COORDINATOR)
    client.force_login(coordinator)
    page = client.get("/mijn/tweestaps/instellen/").content.decode()

    # An XML declaration or svg:-prefixed elements inside HTML draw nothing.
    assert "<?xml" not in page and "<svg:" not in page
    parser = _Images()
    parser.feed(page)
    qr = [img for img in parser.images if img.get("alt", "").startswith("QR-code")]
    assert len(qr) == 1, parser.images
    prefix = "data:image/svg+xml;base64,"
    assert qr[0]["src"].startswith(prefix)
    svg = ET.fromstring(base64.b64decode(qr[0]["src"][len(prefix):]))  # noqa: S314 (our own output)
    assert svg.tag == f"{SVG}svg" and svg.get("viewBox")
    drawn = [el for el in svg.iter() if el.tag in (f"{SVG}path", f"{SVG}rect")]
    # A QR code of an otpauth URL has hundreds of dark modules.
    assert sum(len(re.findall(r"[Mm]", el.get("d", "M"))) for el in drawn) > 200
    assert re.search(r"<code[^>]*>([A-Z2-7]{4} ){3,}", page), "the key to type over is shown as text"
