"""Shifts from opening hours: idempotent, bulk, closures and holidays, changes told by SMS."""

from datetime import date, datetime

import pytest

from rooster.generatie import diensten_genereren
from rooster.models import Bezetting, Dienst, DienstStatus, Inschrijving, InschrijvingStatus, Rol
from rooster.services import inschrijving_maken
from tests.factories import werkplaats_create
from tests.helpers import queries_for
from tests.rooster.conftest import AMS, sms_aan, spreekuur
from werkplaatsen.models import Sluiting


def _begins(werkplaats):
    return [d.begin.astimezone(AMS) for d in Dienst.objects.filter(werkplaats=werkplaats, status="gepland")]


def test_eight_weeks_of_tuesdays_without_the_one_already_begun(world):
    spreekuur(world["centrum"], 1, "09:00", "12:00")
    result = diensten_genereren()
    begins = _begins(world["centrum"])
    assert result.aangemaakt == 7
    assert begins[0] == datetime(2026, 12, 1, 9, 0, tzinfo=AMS)
    assert begins[-1] == datetime(2027, 1, 12, 9, 0, tzinfo=AMS)
    dienst = Dienst.objects.filter(werkplaats=world["centrum"]).first()
    assert (dienst.rol, dienst.minimum, dienst.maximum) == (Rol.GASTVROUW, 2, 3)
    assert dienst.einde.astimezone(AMS).hour == 12


def test_second_run_creates_nothing_with_a_handful_of_queries(world):
    spreekuur(world["centrum"], 1, "09:00", "12:00")
    spreekuur(world["zuid"], 3, "13:00", "16:00")
    diensten_genereren()
    before = Dienst.objects.count()
    result = None

    def again():
        nonlocal result
        result = diensten_genereren()

    queries = queries_for(again)
    assert Dienst.objects.count() == before
    assert (result.aangemaakt, result.gewijzigd, result.geannuleerd) == (0, 0, 0)
    # werkplaatsen, spreekuren, sluitingen, bezettingen, existing shifts, plus savepoint bookkeeping.
    assert queries <= 7


def test_query_count_does_not_grow_with_the_number_of_werkplaatsen(world):
    spreekuur(world["centrum"], 1, "09:00", "12:00")
    small = queries_for(diensten_genereren)
    for n in range(6):
        page = werkplaats_create(world["zwolle"], title=f"Werkplaats Extra {n}")
        spreekuur(page, 2, "09:00", "12:00")
        spreekuur(page, 4, "13:00", "16:00")
    large = queries_for(diensten_genereren)
    # Wednesdays 8, Fridays 6 (Christmas and New Year fall on a Friday)
    assert Dienst.objects.count() == 7 + 6 * 14
    assert large == small


def test_christmas_and_a_closure_get_no_shift(world):
    spreekuur(world["centrum"], 3, "13:00", "16:00")  # Thursdays; 25 December 2026 is a Friday
    spreekuur(world["centrum"], 4, "13:00", "16:00")  # Fridays
    Sluiting.objects.create(werkplaats=world["centrum"], van=date(2026, 12, 3), tot=date(2026, 12, 3), reden="Verbouwing")
    diensten_genereren()
    days = {b.date() for b in _begins(world["centrum"])}
    assert date(2026, 12, 25) not in days  # Eerste Kerstdag
    assert date(2026, 12, 3) not in days
    assert date(2026, 12, 10) in days and date(2026, 12, 18) in days


def test_each_role_of_the_staffing_gets_its_own_shift(world):
    Bezetting.objects.create(werkplaats=world["centrum"], rol=Rol.GASTVROUW, minimum=1, maximum=2)
    Bezetting.objects.create(werkplaats=world["centrum"], rol=Rol.ERVARINGSDESKUNDIGE, minimum=1, maximum=1)
    spreekuur(world["centrum"], 1, "09:00", "12:00")
    diensten_genereren()
    first = Dienst.objects.filter(begin=datetime(2026, 12, 1, 9, 0, tzinfo=AMS))
    assert sorted(first.values_list("rol", "maximum")) == [("ervaringsdeskundige", 1), ("gastvrouw", 2)]


def test_shifts_keep_local_time_across_the_march_clock_change(world):
    world["clock"].set(datetime(2027, 3, 20, 8, 0, tzinfo=AMS))
    spreekuur(world["centrum"], 1, "09:00", "12:00")  # Tuesdays 23 and 30 March; clocks change on the 28th
    diensten_genereren(weken=2)
    winter, summer = Dienst.objects.order_by("begin")[:2]
    assert winter.begin.utcoffset() is not None
    assert winter.begin.astimezone(AMS).hour == summer.begin.astimezone(AMS).hour == 9
    assert (winter.begin.hour, summer.begin.hour) == (8, 7)  # stored in UTC


def test_a_closure_cancels_signed_up_shifts_and_tells_the_volunteers(world):
    spreekuur(world["centrum"], 1, "09:00", "12:00")
    diensten_genereren()
    dienst = Dienst.objects.get(begin=datetime(2026, 12, 8, 9, 0, tzinfo=AMS))
    inschrijving = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    Sluiting.objects.create(werkplaats=world["centrum"], van=date(2026, 12, 8), tot=date(2026, 12, 8), reden="Studiedag")

    result = diensten_genereren()
    dienst.refresh_from_db()
    inschrijving.refresh_from_db()
    assert result.geannuleerd == 1
    assert (dienst.status, dienst.sequence) == (DienstStatus.GEANNULEERD, 1)
    assert inschrijving.status == InschrijvingStatus.AFGEMELD
    [tekst] = sms_aan(world["anouk"])
    assert "gaat niet door" in tekst and "8 december" in tekst and "Studiedag" not in tekst
    # Running again does not tell them twice.
    diensten_genereren()
    assert len(sms_aan(world["anouk"])) == 1


def test_longer_hours_move_the_end_of_the_shift_and_bump_the_sequence(world):
    uur = spreekuur(world["centrum"], 1, "09:00", "12:00")
    diensten_genereren()
    dienst = Dienst.objects.get(begin=datetime(2026, 12, 8, 9, 0, tzinfo=AMS))
    inschrijving_maken(dienst_id=dienst.pk, user=world["bram"])
    uur.sluit = uur.sluit.replace(hour=13)
    uur.save()
    result = diensten_genereren()
    dienst.refresh_from_db()
    assert result.gewijzigd == 7
    assert dienst.einde.astimezone(AMS).hour == 13 and dienst.sequence == 1
    assert Inschrijving.objects.get(dienst=dienst).status == InschrijvingStatus.INGESCHREVEN
    assert "13:00" in sms_aan(world["bram"])[-1]


def test_removing_a_closure_brings_the_shift_back(world):
    spreekuur(world["centrum"], 1, "09:00", "12:00")
    sluiting = Sluiting.objects.create(werkplaats=world["centrum"], van=date(2026, 12, 8), tot=date(2026, 12, 8), reden="x")
    diensten_genereren()
    assert not Dienst.objects.filter(begin=datetime(2026, 12, 8, 9, 0, tzinfo=AMS)).exists()
    sluiting.delete()
    assert diensten_genereren().aangemaakt == 1


def test_saving_a_closure_regenerates_after_commit(world, django_capture_on_commit_callbacks):
    spreekuur(world["centrum"], 1, "09:00", "12:00")
    diensten_genereren()
    with django_capture_on_commit_callbacks(execute=True):
        Sluiting.objects.create(werkplaats=world["centrum"], van=date(2026, 12, 1), tot=date(2026, 12, 31), reden="x")
    assert Dienst.objects.filter(werkplaats=world["centrum"], status="gepland").count() == 2  # 5 and 12 Jan


def test_publishing_the_page_regenerates(world, django_capture_on_commit_callbacks):
    spreekuur(world["centrum"], 1, "09:00", "12:00")
    with django_capture_on_commit_callbacks(execute=True):
        world["centrum"].save_revision().publish()
    assert Dienst.objects.filter(werkplaats=world["centrum"]).count() == 7


def test_the_job_generates_for_one_werkplaats(world):
    from rooster.jobs import diensten_genereren_job

    spreekuur(world["centrum"], 1, "09:00", "12:00")
    spreekuur(world["zuid"], 1, "09:00", "12:00")
    assert diensten_genereren_job(world["zuid"].pk) == 7
    assert not Dienst.objects.filter(werkplaats=world["centrum"]).exists()
    assert diensten_genereren_job(999999) == 0


@pytest.mark.parametrize("weken", [1, 4])
def test_weeks_ahead_is_a_parameter(world, weken):
    spreekuur(world["centrum"], 2, "09:00", "12:00")  # Wednesdays
    diensten_genereren(weken=weken)
    assert Dienst.objects.count() == weken


def test_shifts_keep_local_time_across_the_october_clock_change(world):
    world["clock"].set(datetime(2027, 10, 25, 8, 0, tzinfo=AMS))
    spreekuur(world["centrum"], 1, "09:00", "12:00")  # Tuesdays 26 October and 2 November; change on the 31st
    diensten_genereren(weken=2)
    summer, winter = Dienst.objects.order_by("begin")[:2]
    assert summer.begin.astimezone(AMS).hour == winter.begin.astimezone(AMS).hour == 9
    assert (summer.begin.hour, winter.begin.hour) == (7, 8)
    assert summer.einde - summer.begin == winter.einde - winter.begin


def test_a_later_opening_time_moves_the_shift_and_keeps_its_volunteers(world):
    uur = spreekuur(world["centrum"], 0, "09:30", "12:30")  # Mondays
    diensten_genereren()
    dienst = Dienst.objects.get(begin=datetime(2026, 12, 7, 9, 30, tzinfo=AMS))
    anouk = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    bram = inschrijving_maken(dienst_id=dienst.pk, user=world["bram"])
    aantal = Dienst.objects.count()
    uur.opent, uur.sluit = uur.opent.replace(hour=10, minute=0), uur.sluit.replace(hour=13, minute=0)
    uur.save()

    result = diensten_genereren()
    dienst.refresh_from_db()
    assert (result.gewijzigd, result.geannuleerd, result.aangemaakt) == (8, 0, 0)  # eight Mondays
    assert Dienst.objects.count() == aantal  # moved, not replaced
    assert dienst.begin == datetime(2026, 12, 7, 10, 0, tzinfo=AMS)
    assert dienst.einde == datetime(2026, 12, 7, 13, 0, tzinfo=AMS)
    assert (dienst.status, dienst.sequence) == (DienstStatus.GEPLAND, 1)
    for inschrijving in (anouk, bram):
        inschrijving.refresh_from_db()
        assert inschrijving.status == InschrijvingStatus.INGESCHREVEN
    for user in (world["anouk"], world["bram"]):
        [tekst] = sms_aan(user)
        assert "10:00" in tekst and "7 december" in tekst and "NEE" in tekst
        assert "gaat niet door" not in tekst
    # The same change published twice tells nobody twice.
    diensten_genereren()
    assert len(sms_aan(world["anouk"])) == 1


def test_a_moved_shift_may_be_cancelled_inside_the_notice_period(world):
    from rooster.services import inschrijving_afmelden

    uur = spreekuur(world["centrum"], 2, "09:30", "12:30")  # Wednesday 25 November, tomorrow
    diensten_genereren()
    dienst = Dienst.objects.get(begin=datetime(2026, 11, 25, 9, 30, tzinfo=AMS))
    inschrijving = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    uur.opent = uur.opent.replace(hour=10, minute=0)
    uur.save()
    diensten_genereren()
    inschrijving = inschrijving_afmelden(inschrijving_id=inschrijving.pk, user=world["anouk"])
    assert inschrijving.status == InschrijvingStatus.AFGEMELD


def test_a_moved_shift_hears_nee_by_sms(world):
    from berichten.models import Bericht, BerichtStatus
    from berichten.replies import antwoord_receive
    from kern import clock

    uur = spreekuur(world["centrum"], 2, "09:30", "12:30")  # Wednesday 25 November, tomorrow
    diensten_genereren()
    dienst = Dienst.objects.get(begin=datetime(2026, 11, 25, 9, 30, tzinfo=AMS))
    inschrijving = inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    uur.opent = uur.opent.replace(hour=10, minute=0)
    uur.save()
    diensten_genereren()
    Bericht.objects.filter(soort="dienst_verplaatst").update(status=BerichtStatus.SENT, verzonden_op=clock.now())
    antwoord_receive(message_sid="SM-nee", van=world["anouk"].telefoonnummer, tekst="nee")
    inschrijving.refresh_from_db()
    assert inschrijving.status == InschrijvingStatus.AFGEMELD
    assert "afgemeld" in sms_aan(world["anouk"])[-1]


def test_two_openings_on_one_day_move_one_by_one(world):
    spreekuur(world["centrum"], 0, "09:00", "12:00")
    middag = spreekuur(world["centrum"], 0, "13:00", "15:00")
    diensten_genereren()
    ochtend_dienst = Dienst.objects.get(begin=datetime(2026, 12, 7, 9, 0, tzinfo=AMS))
    middag_dienst = Dienst.objects.get(begin=datetime(2026, 12, 7, 13, 0, tzinfo=AMS))
    middag.opent, middag.sluit = middag.opent.replace(hour=14), middag.sluit.replace(hour=16)
    middag.save()
    diensten_genereren()
    ochtend_dienst.refresh_from_db()
    middag_dienst.refresh_from_db()
    assert ochtend_dienst.sequence == 0 and ochtend_dienst.begin.astimezone(AMS).hour == 9
    assert middag_dienst.sequence == 1 and middag_dienst.begin.astimezone(AMS).hour == 14


def test_a_day_that_disappears_still_cancels(world):
    uur = spreekuur(world["centrum"], 0, "09:30", "12:30")  # Mondays
    diensten_genereren()
    dienst = Dienst.objects.get(begin=datetime(2026, 12, 7, 9, 30, tzinfo=AMS))
    inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    uur.weekdag = 1  # now Tuesdays
    uur.save()
    diensten_genereren()
    dienst.refresh_from_db()
    assert dienst.status == DienstStatus.GEANNULEERD
    assert "gaat niet door" in sms_aan(world["anouk"])[-1]
