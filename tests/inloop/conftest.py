"""Two gemeenten with werkplaatsen and every role, so each test can try the wrong user and the other gemeente."""

import pytest

from accounts.models import GemeenteLidmaatschap, GemeenteRol, WerkplaatsRol
from inloop.models import Onderwerp
from tests.factories import (
    UserFactory,
    gemeente_create,
    lidmaatschap_create,
    spreekuur_create,
    werkplaats_create,
)
from tests.helpers import wagtail_baseline_restore


@pytest.fixture
def world(db):
    wagtail_baseline_restore()
    zwolle = gemeente_create(naam="Zwolle", cbs_code="GM0193")
    kampen = gemeente_create(naam="Kampen", cbs_code="GM0166")
    w = {
        "zwolle": zwolle,
        "kampen": kampen,
        "centrum": werkplaats_create(zwolle, title="Werkplaats Centrum"),
        "zuid": werkplaats_create(zwolle, title="Werkplaats Zuid"),
        "kampen_w": werkplaats_create(kampen, title="Werkplaats Kampen"),
        "vrijwilliger": UserFactory(username="vrijwilliger", first_name="Anouk"),
        "vrijwilliger2": UserFactory(username="vrijwilliger2", first_name="Bram"),
        "coordinator": UserFactory(username="coordinator", first_name="Karin"),
        "beleid": UserFactory(username="beleid"),
        "beleid_kampen": UserFactory(username="beleid_kampen"),
        "vrijwilliger_kampen": UserFactory(username="vrijwilliger_kampen"),
        "buitenstaander": UserFactory(username="buitenstaander"),
    }
    lidmaatschap_create(w["vrijwilliger"], w["centrum"])
    lidmaatschap_create(w["vrijwilliger2"], w["centrum"])
    lidmaatschap_create(w["coordinator"], w["centrum"], WerkplaatsRol.COORDINATOR)
    lidmaatschap_create(w["vrijwilliger_kampen"], w["kampen_w"])
    GemeenteLidmaatschap.objects.create(user=w["beleid"], gemeente=zwolle, rol=GemeenteRol.BELEIDSMEDEWERKER)
    GemeenteLidmaatschap.objects.create(
        user=w["beleid_kampen"], gemeente=kampen, rol=GemeenteRol.BELEIDSMEDEWERKER
    )
    # Open on the clock's Tuesday, so the kiosk hands out numbers (it does not outside opening hours).
    spreekuur_create(w["centrum"], 1, "09:00", "17:00")
    w["onderwerpen"] = {o.code: o for o in Onderwerp.objects.filter(gemeente=zwolle)}
    w["onderwerpen_kampen"] = {o.code: o for o in Onderwerp.objects.filter(gemeente=kampen)}
    return w
