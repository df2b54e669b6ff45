"""docs/glossary.md: a word that names one concept does not show up in an app that means another."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# (app, word it must not use, lines that may: what residents may text, the redirect of old links)
VERBODEN = [
    ("berichten", "wachtrij", ()),
    ("berichten", "afmeld", ("STOP_WOORDEN", '"afmelden" is their word')),
    ("rooster", "kiosk", ('"kiosk/<str:token>/"', "The /kiosk/ link")),
    ("rooster", "aanmeld", ()),
    ("rooster", "aangemeld", ()),
    ("rooster", "vervall", ()),
    ("inloop", "tablet", ()),
]


def _regels(app: str):
    for path in sorted((ROOT / app).rglob("*")):
        if path.suffix in {".py", ".html", ".js", ".css"} and "migrations" not in path.parts:
            for nummer, regel in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                yield f"{path.relative_to(ROOT)}:{nummer}", regel


@pytest.mark.parametrize(("app", "woord", "toegestaan"), VERBODEN)
def test_one_word_per_concept(app, woord, toegestaan):
    gevonden = [
        plek
        for plek, regel in _regels(app)
        if woord in regel.lower() and not any(t in regel for t in toegestaan)
    ]
    assert gevonden == [], f"'{woord}' means something else in {app}; see docs/glossary.md"
