"""Fixtures for the werkplaatsen suites: a fake of PDOK's HTTP with recorded answers."""

import json
from pathlib import Path

import pytest
import requests

# Older suites import the helper from here.
from tests.factories import spreekuur_create as spreekuur  # noqa: F401

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


def pdok_file(name: str) -> dict:
    return json.loads((RECORDED / name).read_text())
