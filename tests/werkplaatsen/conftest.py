"""Fixtures for the werkplaatsen suites: a fake of PDOK's HTTP, a clock, and a small network."""

import json
from datetime import datetime, time
from decimal import Decimal
from pathlib import Path

import pytest
import requests

from tests.factories import gemeente_create, werkplaats_create
from werkplaatsen import openingstijden
from werkplaatsen.models import Spreekuur

RECORDED = Path(__file__).with_name("recorded")


class FakePdok:
    """PDOK's Locatieserver at the HTTP edge, answering from recorded responses.

    ``answers`` maps the query parameter q to a recorded file (status 200), to an int status with
    the recorded error body, or to an exception class to raise (a timeout).
    """

    def __init__(self):
        self.answers: dict[str, object] = {}
        self.calls: list[dict] = []

    def get(self, url, params=None, timeout=None):
        self.calls.append({"url": url, "params": params, "timeout": timeout})
        answer = self.answers.get(params["q"], "pdok_niets_gevonden.json")
        if isinstance(answer, type) and issubclass(answer, Exception):
            raise answer("recorded failure")
        response = requests.Response()
        response.url = url
        if isinstance(answer, int):
            response.status_code = answer
            response._content = (RECORDED / "pdok_500.json").read_bytes()
        else:
            response.status_code = 200
            response._content = (RECORDED / answer).read_bytes()
        response.headers["Content-Type"] = "application/json"
        return response


@pytest.fixture
def pdok(monkeypatch, settings):
    settings.PDOK_ENABLED = True
    fake = FakePdok()
    monkeypatch.setattr("werkplaatsen.geocoding.requests.get", fake.get)
    return fake


@pytest.fixture
def clock(monkeypatch):
    """Set the moment the finder and pages think it is: clock.set(datetime(..., tzinfo=AMS))."""

    class Clock:
        moment = datetime(2026, 11, 24, 10, 0, tzinfo=openingstijden.AMSTERDAM)  # a Tuesday morning

        def set(self, moment):
            self.moment = moment

    c = Clock()
    monkeypatch.setattr(openingstijden, "now", lambda: c.moment)
    return c


def spreekuur(page, weekdag, opent, sluit, **fields):
    return Spreekuur.objects.create(
        werkplaats=page, weekdag=weekdag, opent=time.fromisoformat(opent), sluit=time.fromisoformat(sluit), **fields
    )


# Zwolle-like coordinates: Binnenstad in the centre, Stadshagen to the west, Aa-landen to the north.
NETWORK = [
    ("Werkplaats Binnenstad", "binnenstad", "8011 MC", "52.512700", "6.093600"),
    ("Werkplaats Stadshagen", "stadshagen", "8043 AA", "52.531000", "6.056000"),
    ("Werkplaats Aa-landen", "aa-landen", "8032 GN", "52.536900", "6.101200"),
]


@pytest.fixture
def netwerk(db):
    """A gemeente with three werkplaatsen. On Tuesday morning only Binnenstad and Stadshagen are open."""
    gemeente = gemeente_create()
    pages = {}
    for title, slug, postcode, lat, lon in NETWORK:
        pages[slug] = werkplaats_create(
            gemeente, title=title, slug=slug, postcode=postcode, latitude=Decimal(lat), longitude=Decimal(lon),
            talen=["nl"], onderwerpen=["post"],
        )
    spreekuur(pages["binnenstad"], 1, "09:00", "12:00")
    spreekuur(pages["stadshagen"], 1, "09:30", "12:30")
    spreekuur(pages["aa-landen"], 3, "13:00", "16:00")
    pages["aa-landen"].talen = ["nl", "ar"]
    pages["aa-landen"].rolstoeltoegankelijk = True
    pages["aa-landen"].save()
    return gemeente, pages


def pdok_file(name: str) -> dict:
    return json.loads((RECORDED / name).read_text())
