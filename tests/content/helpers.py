"""Builders and HTML readers for the content suites."""

import datetime
import io
import json
from html.parser import HTMLParser

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.rich_text import RichText

from content.models import (
    PrivacyverklaringPagina,
    ToegankelijkheidStatus,
    ToegankelijkheidsverklaringPagina,
    VeelgesteldeVragenPagina,
)


def image_create(tmp_path, settings) -> Image:
    """A small real PNG in the Wagtail image library, stored under the test's own media folder."""
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#01689b").save(buffer, format="PNG")
    return Image.objects.create(title="Werkplaats", file=ImageFile(buffer, name="werkplaats.png"))


def faq_create(parent, *, vragen, slug="veelgestelde-vragen", title="Veelgestelde vragen"):
    page = parent.add_child(
        instance=VeelgesteldeVragenPagina(
            title=title,
            slug=slug,
            vragen=[("vraag", {"vraag": v, "antwoord": RichText(a)}) for v, a in vragen],
        )
    )
    page.save_revision().publish()
    return page


def toegankelijkheid_create(parent, **fields):
    values = {
        "title": "Toegankelijkheidsverklaring",
        "slug": "toegankelijkheid",
        "geldt_voor": "werkplaats.example.nl",
        "status": ToegankelijkheidStatus.B,
        "datum_verklaring": datetime.date(2026, 11, 1),
        "datum_onderzoek": datetime.date(2026, 10, 15),
        "onderzocht_door": "Toegankelijkheidsbureau Test",
        "contact_email": "toegankelijk@example.nl",
    }
    values.update(fields)
    page = parent.add_child(instance=ToegankelijkheidsverklaringPagina(**values))
    page.save_revision().publish()
    return page


def privacy_create(parent, **fields):
    values = {
        "title": "Privacyverklaring",
        "slug": "privacy",
        "verantwoordelijke": "Gemeente Test",
        "laatst_gewijzigd": datetime.date(2026, 11, 1),
        "welke_gegevens": "<p>Alleen het onderwerp van uw vraag.</p>",
        "doelen": "<p>Om u te helpen.</p>",
        "bewaartermijnen": "<p>Eén jaar.</p>",
        "rechten": "<p>U mag uw gegevens inzien.</p>",
        "contact_email": "privacy@example.nl",
    }
    values.update(fields)
    page = parent.add_child(instance=PrivacyverklaringPagina(**values))
    page.save_revision().publish()
    return page


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.ld_json: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._script = None
        self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag == "script":
            self._script = [] if attrs.get("type") == "application/ld+json" else None
        if tag == "a":
            self._link = [attrs.get("href"), ""]

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.ld_json.append("".join(self._script))
            self._script = None
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], self._link[1].strip()))
            self._link = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        if self._link is not None:
            self._link[1] += data


def read_html(content: bytes | str) -> _Reader:
    reader = _Reader()
    reader.feed(content.decode() if isinstance(content, bytes) else content)
    return reader


def json_ld_blocks(content) -> list[dict]:
    return [json.loads(block) for block in read_html(content).ld_json]


def assert_headings_in_order(content) -> None:
    """One h1, first; no level skipped on the way down (h2 → h4 would be a skip)."""
    levels = read_html(content).headings
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, f"heading jumps from h{previous} to h{current}: {levels}"
