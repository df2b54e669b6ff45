"""Two gemeenten, volunteers with and without SMS consent, a clock, and helpers for shifts."""

from datetime import datetime, time

import pytest
from wagtail.models import Locale, Page, Site

from accounts.models import WerkplaatsRol
from berichten.models import Bericht
from rooster.models import Dienst
from tests.factories import UserFactory, gemeente_create, lidmaatschap_create, werkplaats_create
from werkplaatsen import openingstijden
from werkplaatsen.models import Spreekuur

AMS = openingstijden.AMSTERDAM
# A Tuesday morning: the Tuesday 09:00-12:00 spreekuur of today has begun, so its shift is not generated.
DINSDAG = datetime(2026, 11, 24, 10, 0, tzinfo=AMS)


def _wagtail_baseline():
    """Transactional tests flush the database, migrations' locale, tree root and site included."""
    locale = Locale.objects.first() or Locale.objects.create(language_code="nl")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)


class Clock:
    def __init__(self, moment):
        self.moment = moment

    def set(self, moment):
        self.moment = moment


@pytest.fixture
def clock(monkeypatch):
    c = Clock(DINSDAG)
    monkeypatch.setattr(openingstijden, "now", lambda: c.moment)
    return c


def spreekuur(page, weekdag, opent, sluit, **fields):
    return Spreekuur.objects.create(
        werkplaats=page, weekdag=weekdag, opent=time.fromisoformat(opent), sluit=time.fromisoformat(sluit), **fields
    )


def vrijwilliger(username, werkplaats, *, first_name="Anouk", telefoon=None, rol=WerkplaatsRol.VRIJWILLIGER):
    user = UserFactory(username=username, first_name=first_name)
    if telefoon:
        user.telefoonnummer = telefoon
        user.sms_toestemming_geven()
        user.save()
    lidmaatschap_create(user, werkplaats, rol)
    return user


def dienst_maken(werkplaats, begin: datetime, uren: int = 3, **fields) -> Dienst:
    from datetime import timedelta

    return Dienst.objects.create(werkplaats=werkplaats, begin=begin, einde=begin + timedelta(hours=uren), **fields)


def sms_aan(user) -> list[str]:
    """The texts the outbox holds for this volunteer's number, oldest first."""
    return list(Bericht.objects.filter(telefoonnummer=user.telefoonnummer).order_by("pk").values_list("tekst", flat=True))


@pytest.fixture(autouse=True)
def _fast_passwords_and_inline_jobs(settings):
    # The factories hash a password per user; the production hasher would make each test seconds slower.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Jobs run in the test's own thread and transaction; test_jobs.py covers the real queue.
    settings.JOBS_ASYNC = False


@pytest.fixture
def world(db, clock):
    _wagtail_baseline()
    zwolle = gemeente_create(naam="Zwolle", cbs_code="GM0193")
    kampen = gemeente_create(naam="Kampen", cbs_code="GM0166")
    centrum = werkplaats_create(zwolle, title="Werkplaats Centrum", telefoon="038 123 45 67")
    zuid = werkplaats_create(zwolle, title="Werkplaats Zuid")
    kampen_w = werkplaats_create(kampen, title="Werkplaats Kampen")
    w = {
        "zwolle": zwolle,
        "kampen": kampen,
        "centrum": centrum,
        "zuid": zuid,
        "kampen_w": kampen_w,
        "clock": clock,
        "anouk": vrijwilliger("anouk", centrum, first_name="Anouk", telefoon="+31612345601"),
        "bram": vrijwilliger("bram", centrum, first_name="Bram", telefoon="+31612345602"),
        "cees": vrijwilliger("cees", centrum, first_name="Cees"),
        "karin": vrijwilliger(
            "karin", centrum, first_name="Karin", telefoon="+31612345699", rol=WerkplaatsRol.COORDINATOR
        ),
        "kees_kampen": vrijwilliger("kees_kampen", kampen_w, first_name="Kees", telefoon="+31612345603"),
        "buitenstaander": UserFactory(username="buitenstaander"),
    }
    return w
