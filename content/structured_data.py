"""schema.org structured data for content pages, built as Python data and serialised with json.dumps."""

import html
import json
import re
from collections.abc import Iterable

from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

# Inside <script> the HTML parser ends the element at "</script" whatever JSON thinks of it, so the
# characters that can start markup are written as JSON unicode escapes (JSON parsers read them back).
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def plain_text(rich_html: str) -> str:
    """Rich text as one line of readable text: tags dropped, entities decoded, spaces collapsed."""
    text = html.unescape(strip_tags(re.sub(r"</(p|li|h[1-6])>|<br\s*/?>", " ", rich_html)))
    return re.sub(r"\s+", " ", text).strip()


def faq_page(*, url: str, name: str, language: str, vragen: Iterable[tuple[str, str]]) -> dict:
    """A schema.org FAQPage with one Question (and its accepted Answer) per (question, answer) pair."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "@id": url,
        "url": url,
        "name": name,
        "inLanguage": language,
        "mainEntity": [
            {
                "@type": "Question",
                "name": vraag,
                "acceptedAnswer": {"@type": "Answer", "text": antwoord},
            }
            for vraag, antwoord in vragen
        ],
    }


def json_ld_script(data: dict) -> SafeString:
    """A <script type="application/ld+json"> element holding ``data``, safe to place in any page."""
    payload = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":")).translate(
        _SCRIPT_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 - escaped above
