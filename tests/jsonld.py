"""Read JSON-LD back with an independent processor (pyld), offline.

schema.org's context is served from a small file of our own (tests/schema_org_context.jsonld) that
maps every term into the schema.org vocabulary; any other URL the processor tries to load fails the
test instead of reaching the network.
"""

import json
import re
from pathlib import Path

from pyld import jsonld

SCHEMA = "http://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CONTEXT_FILE = Path(__file__).with_name("schema_org_context.jsonld")
SCHEMA_ORG_URLS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}


def offline_loader(url, options=None):
    if url not in SCHEMA_ORG_URLS:
        raise AssertionError(f"the JSON-LD processor tried to load {url}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": json.loads(CONTEXT_FILE.read_text()),
    }


def blocks_in(html: str) -> list[dict]:
    """Every <script type="application/ld+json"> of a page, parsed."""
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in found]


def triples(document: dict) -> set[tuple[str, str, str]]:
    dataset = jsonld.to_rdf(document, {"documentLoader": offline_loader})
    return {(t["subject"]["value"], t["predicate"]["value"], t["object"]["value"]) for t in dataset["@default"]}


def objects(graph, subject: str, predicate: str) -> list[str]:
    return sorted(o for s, p, o in graph if s == subject and p == SCHEMA + predicate)
