"""Every role, and the wrong user for it: a user of one gemeente never gets at another's."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts import permissions
from accounts.models import (
    GemeenteLidmaatschap,
    GemeenteRol,
    OrganisatieLidmaatschap,
    OrganisatieRol,
    WerkplaatsRol,
)
from tests.factories import (
    OrganisatieFactory,
    UserFactory,
    gemeente_create,
    lidmaatschap_create,
    werkplaats_create,
)


@pytest.fixture
def world(db):
    zwolle = gemeente_create(naam="Zwolle", cbs_code="GM0193")
    kampen = gemeente_create(naam="Kampen", cbs_code="GM0166")
    w = {
        "zwolle": zwolle,
        "kampen": kampen,
        "centrum": werkplaats_create(zwolle, title="Werkplaats Centrum"),
        "zuid": werkplaats_create(zwolle, title="Werkplaats Zuid"),
        "kampen_w": werkplaats_create(kampen, title="Werkplaats Kampen"),
        "raadslieden": OrganisatieFactory(gemeente=zwolle),
        "raadslieden_kampen": OrganisatieFactory(gemeente=kampen),
        "vrijwilliger": UserFactory(),
        "coordinator": UserFactory(),
        "raadslid": UserFactory(),
        "beleid": UserFactory(),
        "redacteur": UserFactory(),
        "buitenstaander": UserFactory(),
    }
    lidmaatschap_create(w["vrijwilliger"], w["centrum"])
    lidmaatschap_create(w["coordinator"], w["centrum"], WerkplaatsRol.COORDINATOR)
    OrganisatieLidmaatschap.objects.create(
        user=w["raadslid"], organisatie=w["raadslieden"], rol=OrganisatieRol.SOCIAAL_RAADSLID
    )
    GemeenteLidmaatschap.objects.create(user=w["beleid"], gemeente=zwolle, rol=GemeenteRol.BELEIDSMEDEWERKER)
    GemeenteLidmaatschap.objects.create(user=w["redacteur"], gemeente=zwolle, rol=GemeenteRol.REDACTEUR)
    return w


def test_volunteer_works_at_their_own_werkplaats_only(world):
    v = world["vrijwilliger"]
    assert permissions.can_work_at(v, world["centrum"])
    assert not permissions.can_work_at(v, world["zuid"])
    assert not permissions.can_work_at(v, world["kampen_w"])
    assert not permissions.can_coordinate(v, world["centrum"])


def test_coordinator_coordinates_their_own_werkplaats_only(world):
    c = world["coordinator"]
    assert permissions.can_coordinate(c, world["centrum"])
    assert permissions.can_work_at(c, world["centrum"])
    assert not permissions.can_coordinate(c, world["zuid"])
    assert not permissions.can_coordinate(c, world["kampen_w"])


def test_professional_acts_for_their_own_organisation_and_role_only(world):
    r = world["raadslid"]
    assert permissions.can_act_as(r, world["raadslieden"], OrganisatieRol.SOCIAAL_RAADSLID)
    assert not permissions.can_act_as(r, world["raadslieden"], OrganisatieRol.BUDGETCOACH)
    assert not permissions.can_act_as(r, world["raadslieden_kampen"], OrganisatieRol.SOCIAAL_RAADSLID)
    assert not permissions.can_work_at(r, world["centrum"])


def test_gemeente_reports_only_for_that_gemeentes_policy_staff(world):
    assert permissions.can_view_gemeente_reports(world["beleid"], world["zwolle"])
    assert not permissions.can_view_gemeente_reports(world["beleid"], world["kampen"])
    for wrong in ("vrijwilliger", "coordinator", "raadslid", "redacteur", "buitenstaander"):
        assert not permissions.can_view_gemeente_reports(world[wrong], world["zwolle"]), wrong


def test_site_editing_only_for_that_gemeentes_editors(world):
    assert permissions.can_edit_site(world["redacteur"], world["zwolle"])
    assert not permissions.can_edit_site(world["redacteur"], world["kampen"])
    assert not permissions.can_edit_site(world["beleid"], world["zwolle"])


def test_scoped_querysets_never_leak_another_gemeente(world):
    assert set(permissions.werkplaatsen_for(world["coordinator"])) == {world["centrum"]}
    assert set(permissions.werkplaatsen_for(world["coordinator"], WerkplaatsRol.VRIJWILLIGER)) == set()
    assert set(permissions.organisaties_for(world["raadslid"])) == {world["raadslieden"]}
    assert list(permissions.gemeenten_for(world["vrijwilliger"])) == [world["zwolle"]]
    assert list(permissions.gemeenten_for(world["raadslid"])) == [world["zwolle"]]
    assert list(permissions.gemeenten_for(world["beleid"])) == [world["zwolle"]]
    assert list(permissions.gemeenten_for(world["buitenstaander"])) == []


def test_anonymous_and_deactivated_users_get_nothing(world):
    anonymous = AnonymousUser()
    assert not permissions.can_work_at(anonymous, world["centrum"])
    assert not permissions.werkplaatsen_for(anonymous).exists()
    assert not permissions.gemeenten_for(anonymous).exists()
    world["coordinator"].is_active = False
    world["coordinator"].save()
    assert not permissions.can_coordinate(world["coordinator"], world["centrum"])


def test_second_factor_for_everyone_who_sees_others_data(world):
    assert not permissions.requires_two_factor(world["vrijwilliger"])
    assert not permissions.requires_two_factor(world["buitenstaander"])
    for role in ("coordinator", "raadslid", "beleid", "redacteur"):
        assert permissions.requires_two_factor(world[role]), role
    staff = UserFactory(is_staff=True)
    assert permissions.requires_two_factor(staff)


def test_what_was_logged_is_its_authors_for_24_hours_then_the_coordinators(world):
    # Plain values, no inloop model: accounts decides without knowing the app that keeps the record.
    logged_at = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
    logged = {"werkplaats": world["centrum"], "logged_by_id": world["vrijwilliger"].pk, "logged_at": logged_at}
    within, after = logged_at + timedelta(hours=23, minutes=59), logged_at + timedelta(hours=24)
    assert permissions.can_edit_logged(world["vrijwilliger"], **logged, now=within)
    assert not permissions.can_edit_logged(world["vrijwilliger"], **logged, now=after)
    assert permissions.can_edit_logged(world["coordinator"], **logged, now=after)
    assert not permissions.can_edit_logged(world["buitenstaander"], **logged, now=within)
    elsewhere = {**logged, "werkplaats": world["zuid"]}
    assert not permissions.can_edit_logged(world["vrijwilliger"], **elsewhere, now=within)
    assert not permissions.can_edit_logged(world["coordinator"], **elsewhere, now=within)
