"""The FAQ page's JSON-LD, read back by an independent JSON-LD processor (pyld) with no network."""

import json

import pytest
from pyld import jsonld

from content import structured_data
from tests.content.helpers import faq_create, json_ld_blocks, read_html
from tests.factories import gemeente_create
from tests.jsonld import RDF_TYPE, SCHEMA, offline_loader, triples

pytestmark = pytest.mark.django_db


def faq_pairs(graph: set[tuple[str, str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """The FAQPage node and its (question, answer) pairs, found by following the triples."""
    (page,) = [s for s, p, o in graph if p == RDF_TYPE and o == SCHEMA + "FAQPage"]

    def objects(subject, predicate):
        return [o for s, p, o in graph if s == subject and p == SCHEMA + predicate]

    pairs = []
    for question in objects(page, "mainEntity"):
        assert (question, RDF_TYPE, SCHEMA + "Question") in graph
        (name,) = objects(question, "name")
        (answer,) = objects(question, "acceptedAnswer")
        assert (answer, RDF_TYPE, SCHEMA + "Answer") in graph
        (text,) = objects(answer, "text")
        pairs.append((name, text))
    return page, pairs


VRAGEN = [
    ("Moet ik een afspraak maken?", "<p>Nee. U kunt gewoon <b>binnenlopen</b>.</p>"),
    ("Wat kost het?", "<p>Niets &amp; niemand vraagt geld.</p>"),
    ("Wat neem ik mee?", "<ul><li>Uw brieven</li><li>Uw bankpas</li></ul>"),
]


def test_faq_json_ld_expands_to_a_faq_page_with_each_question_and_answer(client):
    home = gemeente_create().site.root_page
    page = faq_create(home, vragen=VRAGEN)
    (document,) = json_ld_blocks(client.get(page.url).content)

    node, pairs = faq_pairs(triples(document))

    # The address the visitor used (the test client's), not the Site record's "localhost".
    assert node == "http://testserver" + page.url
    assert sorted(pairs) == sorted(
        [
            ("Moet ik een afspraak maken?", "Nee. U kunt gewoon binnenlopen."),
            ("Wat kost het?", "Niets & niemand vraagt geld."),
            ("Wat neem ik mee?", "Uw brieven Uw bankpas"),
        ]
    )
    assert (node, SCHEMA + "inLanguage", "nl") in triples(document)


def test_markup_in_a_question_cannot_break_out_of_the_script_element(client):
    home = gemeente_create().site.root_page
    hostile = 'Werkt dit?</script><script>alert("x")</script>'
    page = faq_create(home, vragen=[(hostile, "<p>Nee.</p>")])
    html = client.get(page.url).content.decode()

    reader = read_html(html)
    assert len(reader.ld_json) == 1
    assert '<script>alert("x")' not in html
    _, pairs = faq_pairs(triples(json.loads(reader.ld_json[0])))
    assert pairs == [(hostile, "Nee.")], "the text survives the escaping unchanged"


def test_json_ld_script_is_built_by_json_dumps_and_escapes_markup():
    script = structured_data.json_ld_script({"name": "a</script>&b"})
    assert script == '<script type="application/ld+json">{"name":"a\\u003c/script\\u003e\\u0026b"}</script>'
    payload = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(payload) == {"name": "a</script>&b"}


def test_the_offline_loader_refuses_the_network():
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand(
            {"@context": "https://example.org/ctx.jsonld", "name": "x"}, {"documentLoader": offline_loader}
        )
