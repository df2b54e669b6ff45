"""Two gemeenten, volunteers with and without SMS consent, a clock, and helpers for shifts."""

from datetime import datetime

import pytest

from accounts.models import WerkplaatsRol
from berichten.models import Bericht
from rooster.models import Dienst
from tests.factories import UserFactory, gemeente_create, lidmaatschap_create, werkplaats_create
from tests.factories import spreekuur_create as spreekuur  # noqa: F401  (the suites import it from here)
from tests.helpers import wagtail_baseline_restore
from werkplaatsen import openingstijden

AMS = openingstijden.AMSTERDAM
# A Tuesday morning, the moment the shared ``clock`` fixture starts at: the Tuesday 09:00-12:00
# spreekuur of today has begun, so its shift is not generated.
DINSDAG = datetime(2026, 11, 24, 10, 0, tzinfo=AMS)


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


@pytest.fixture
def world(db, clock):
    wagtail_baseline_restore()
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
