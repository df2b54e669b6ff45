"""Signing up, the waitlist, cancelling with a notice period, and the last place taken only once."""

import threading
from datetime import datetime, timedelta

import pytest
from django.db import connection

from rooster.models import Dienst, Inschrijving, InschrijvingStatus, RoosterInstellingen
from rooster.services import RoosterFout, inschrijving_afmelden, inschrijving_maken
from tests.factories import UserFactory, lidmaatschap_create
from tests.helpers import wagtail_baseline_restore
from tests.rooster.conftest import AMS, DINSDAG, dienst_maken, sms_aan

VOLGENDE_WEEK = datetime(2026, 12, 1, 9, 0, tzinfo=AMS)


@pytest.fixture
def dienst(world):
    return dienst_maken(world["centrum"], VOLGENDE_WEEK, minimum=1, maximum=2)


def _refused(code, **kwargs):
    before = list(Inschrijving.objects.values_list("pk", "status", "sequence"))
    with pytest.raises(RoosterFout) as error:
        inschrijving_maken(**kwargs)
    assert error.value.code == code
    assert list(Inschrijving.objects.values_list("pk", "status", "sequence")) == before
    return str(error.value)


def test_sign_up_then_full_then_waitlist_by_choice(world, dienst):
    assert inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"]).status == InschrijvingStatus.INGESCHREVEN
    inschrijving_maken(dienst_id=dienst.pk, user=world["bram"])
    message = _refused("vol", dienst_id=dienst.pk, user=world["cees"])
    assert "vol" in message and "wachtlijst" in message
    op_lijst = inschrijving_maken(dienst_id=dienst.pk, user=world["cees"], wachtlijst=True)
    assert (op_lijst.status, op_lijst.positie) == (InschrijvingStatus.WACHTLIJST, 1)
    assert "al op de wachtlijst" in _refused("al_ingeschreven", dienst_id=dienst.pk, user=world["cees"])


def test_past_cancelled_and_foreign_shifts_are_refused(world, dienst):
    past = dienst_maken(world["centrum"], DINSDAG - timedelta(hours=2))
    assert "voorbij" in _refused("voorbij", dienst_id=past.pk, user=world["anouk"])
    dienst.status = "geannuleerd"
    dienst.save()
    assert "gaat niet door" in _refused("geannuleerd", dienst_id=dienst.pk, user=world["anouk"])
    kampen = dienst_maken(world["kampen_w"], VOLGENDE_WEEK)
    assert "werkt niet" in _refused("geen_toegang", dienst_id=kampen.pk, user=world["anouk"])
    zuid = dienst_maken(world["zuid"], VOLGENDE_WEEK + timedelta(days=1))
    _refused("geen_toegang", dienst_id=zuid.pk, user=world["anouk"])
    _refused("geen_toegang", dienst_id=zuid.pk, user=world["buitenstaander"])


def test_overlapping_shifts_of_one_volunteer_are_refused(world, dienst):
    lidmaatschap_create(world["anouk"], world["zuid"])
    inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    overlapping = dienst_maken(world["zuid"], VOLGENDE_WEEK + timedelta(hours=2))
    message = _refused("overlap", dienst_id=overlapping.pk, user=world["anouk"])
    assert "Werkplaats Centrum" in message
    later = dienst_maken(world["zuid"], VOLGENDE_WEEK + timedelta(hours=3))  # starts when the other ends
    assert inschrijving_maken(dienst_id=later.pk, user=world["anouk"]).status == "ingeschreven"


def test_cancel_promotes_the_first_on_the_waitlist_with_an_sms(world, dienst):
    anouk = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    inschrijving_maken(dienst_id=dienst.pk, user=world["karin"])
    bram = inschrijving_maken(dienst_id=dienst.pk, user=world["bram"], wachtlijst=True)
    cees = inschrijving_maken(dienst_id=dienst.pk, user=world["cees"], wachtlijst=True)
    inschrijving_afmelden(inschrijving_id=anouk.pk, user=world["anouk"])
    bram.refresh_from_db()
    cees.refresh_from_db()
    assert bram.status == InschrijvingStatus.INGESCHREVEN and bram.sequence == 1
    assert cees.status == InschrijvingStatus.WACHTLIJST
    [tekst] = sms_aan(world["bram"])
    assert "u staat nu ingeschreven" in tekst and "1 december" in tekst


def test_cancel_without_waitlist_offers_the_place_to_volunteers_who_opted_in(world, dienst):
    anouk = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    kampen_vrij = sms_aan(world["kees_kampen"])
    inschrijving_afmelden(inschrijving_id=anouk.pk, user=world["anouk"])
    assert "plaats vrij" in sms_aan(world["bram"])[0]
    assert "plaats vrij" in sms_aan(world["karin"])[0]
    assert sms_aan(world["anouk"]) == []  # the one who cancelled
    assert sms_aan(world["kees_kampen"]) == kampen_vrij  # another gemeente
    # cees has no number and no consent: nothing is stored for him at all.
    from berichten.models import Bericht

    assert Bericht.objects.count() == 2


def test_cancel_inside_the_notice_period_names_the_coordinators_number(world, dienst):
    anouk = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    world["clock"].set(VOLGENDE_WEEK - timedelta(hours=23))
    with pytest.raises(RoosterFout) as error:
        inschrijving_afmelden(inschrijving_id=anouk.pk, user=world["anouk"])
    assert error.value.code == "termijn"
    assert "24 uur" in str(error.value) and "+31612345699" in str(error.value)
    anouk.refresh_from_db()
    assert anouk.status == InschrijvingStatus.INGESCHREVEN


def test_the_notice_period_is_set_per_gemeente(world, dienst):
    RoosterInstellingen.objects.create(gemeente=world["zwolle"], afmeldtermijn_uren=48)
    anouk = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    world["clock"].set(VOLGENDE_WEEK - timedelta(hours=47))
    with pytest.raises(RoosterFout, match="48 uur"):
        inschrijving_afmelden(inschrijving_id=anouk.pk, user=world["anouk"])
    world["clock"].set(VOLGENDE_WEEK - timedelta(hours=49))
    assert inschrijving_afmelden(inschrijving_id=anouk.pk, user=world["anouk"]).status == "afgemeld"


def test_someone_else_cannot_cancel_my_sign_up(world, dienst):
    anouk = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    with pytest.raises(RoosterFout) as error:
        inschrijving_afmelden(inschrijving_id=anouk.pk, user=world["bram"])
    assert error.value.code == "geen_toegang"


def test_signing_up_again_after_cancelling_keeps_the_row_and_bumps_the_sequence(world, dienst):
    first = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    inschrijving_afmelden(inschrijving_id=first.pk, user=world["anouk"])
    again = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    assert again.pk == first.pk and again.sequence == 2 and again.status == "ingeschreven"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_volunteers_for_the_last_place_give_one_sign_up(clock):
    from tests.factories import gemeente_create, werkplaats_create

    clock.set(DINSDAG)
    wagtail_baseline_restore()
    werkplaats = werkplaats_create(gemeente_create(), title="Werkplaats Centrum")
    dienst = Dienst.objects.create(
        werkplaats=werkplaats, begin=VOLGENDE_WEEK, einde=VOLGENDE_WEEK + timedelta(hours=3), maximum=3
    )
    users = []
    for n in range(22):
        user = UserFactory(username=f"v{n}")
        lidmaatschap_create(user, werkplaats)
        users.append(user)
    for user in users[:2]:
        inschrijving_maken(dienst_id=dienst.pk, user=user)
    barrier = threading.Barrier(20)
    results: list[str] = []
    lock = threading.Lock()

    def press(user):
        try:
            barrier.wait()
            try:
                inschrijving_maken(dienst_id=dienst.pk, user=user)
                outcome = "ingeschreven"
            except RoosterFout as error:
                outcome = f"{error.code}: {error}"
            with lock:
                results.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(user,)) for user in users[2:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("ingeschreven") == 1
    refusals = [r for r in results if r != "ingeschreven"]
    assert len(refusals) == 19
    assert all(r == "vol: Deze dienst is vol. U kunt op de wachtlijst als u wilt." for r in refusals)
    assert Inschrijving.objects.filter(dienst=dienst, status="ingeschreven").count() == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_volunteer_in_two_tabs_cannot_take_two_overlapping_shifts(clock):
    from tests.factories import gemeente_create, werkplaats_create

    clock.set(DINSDAG)
    wagtail_baseline_restore()
    gemeente = gemeente_create()
    user = UserFactory(username="twee-tabs")
    diensten = []
    for n in range(2):
        werkplaats = werkplaats_create(gemeente, title=f"Werkplaats {n}")
        lidmaatschap_create(user, werkplaats)
        diensten.append(
            Dienst.objects.create(
                werkplaats=werkplaats, begin=VOLGENDE_WEEK, einde=VOLGENDE_WEEK + timedelta(hours=3)
            )
        )
    barrier = threading.Barrier(2)
    results: list[str] = []

    def press(dienst):
        try:
            barrier.wait()
            try:
                inschrijving_maken(dienst_id=dienst.pk, user=user)
                results.append("ingeschreven")
            except RoosterFout as error:
                results.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(d,)) for d in diensten]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["ingeschreven", "overlap"]
    assert Inschrijving.objects.filter(user=user).count() == 1


def test_a_werkplaats_name_that_would_reveal_why_is_left_out_of_the_sms(world, dienst):
    world["centrum"].title = "Schuldhulp Centrum"
    world["centrum"].save()
    anouk = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    inschrijving_afmelden(inschrijving_id=anouk.pk, user=world["anouk"])
    [tekst] = sms_aan(world["bram"])
    assert "Er is een plaats vrij bij de werkplaats op" in tekst and "chuld" not in tekst
