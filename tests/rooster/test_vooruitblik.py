"""Before publishing new opening hours the editor sees what they do to the roster; nothing is written."""

from datetime import datetime, time

from berichten.models import Bericht
from rooster.generatie import diensten_genereren, diensten_vooruitblik, vooruitblik_regels
from rooster.models import Dienst
from rooster.services import inschrijving_maken
from rooster.wagtail_hooks import gevolgen_melding
from tests.rooster.conftest import AMS, spreekuur
from werkplaatsen.models import WerkplaatsPage


def _concept_met_maandag(world, opent: time, sluit: time, weekdag: int = 0):
    """A draft of Werkplaats Centrum whose Monday spreekuur has other hours; the live page keeps 09:30."""
    page = WerkplaatsPage.objects.get(pk=world["centrum"].pk)
    uren = list(page.spreekuren.all())
    for uur in uren:
        uur.opent, uur.sluit, uur.weekdag = opent, sluit, weekdag
    page.spreekuren = uren
    page.save_revision()
    return WerkplaatsPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def _rooster_met_twee_vrijwilligers(world):
    spreekuur(world["centrum"], 0, "09:30", "12:30")  # Mondays
    diensten_genereren()
    dienst = Dienst.objects.get(begin=datetime(2026, 12, 7, 9, 30, tzinfo=AMS))
    inschrijving_maken(dienst_id=dienst.pk, user=world["anouk"])
    inschrijving_maken(dienst_id=dienst.pk, user=world["bram"])
    later = Dienst.objects.get(begin=datetime(2026, 12, 14, 9, 30, tzinfo=AMS))
    inschrijving_maken(dienst_id=later.pk, user=world["anouk"])
    inschrijving_maken(dienst_id=later.pk, user=world["cees"])  # no phone number: no SMS


def test_a_later_time_is_previewed_as_a_move_without_writing_anything(world):
    _rooster_met_twee_vrijwilligers(world)
    concept = _concept_met_maandag(world, time(10), time(13))
    voor = list(Dienst.objects.values_list("pk", "begin", "sequence", "status"))

    vooruitblik = diensten_vooruitblik(werkplaats=concept)
    assert vooruitblik.verplaatst == {(0, "10:00–13:00"): 8}
    assert (vooruitblik.geannuleerd, vooruitblik.nieuw, vooruitblik.sms) == (0, 0, 2)
    assert vooruitblik_regels(vooruitblik) == [
        "8 diensten op maandag schuiven naar 10:00–13:00.",
        "2 vrijwilligers krijgen een sms.",
    ]
    assert list(Dienst.objects.values_list("pk", "begin", "sequence", "status")) == voor
    assert not Bericht.objects.exists()


def test_a_day_that_disappears_is_previewed_as_cancelled_and_new(world):
    _rooster_met_twee_vrijwilligers(world)
    concept = _concept_met_maandag(world, time(9, 30), time(12, 30), weekdag=1)
    regels = vooruitblik_regels(diensten_vooruitblik(werkplaats=concept))
    assert regels == ["8 diensten gaan niet door.", "7 nieuwe diensten.", "2 vrijwilligers krijgen een sms."]


def test_the_edit_view_warns_about_the_draft(world, admin_client):
    _rooster_met_twee_vrijwilligers(world)
    assert gevolgen_melding(WerkplaatsPage.objects.get(pk=world["centrum"].pk)) is None  # nothing unpublished
    _concept_met_maandag(world, time(10), time(13))
    html = admin_client.get(f"/beheer/pages/{world['centrum'].pk}/edit/").content.decode()
    assert "Als u deze versie publiceert, verandert het rooster:" in html
    assert "8 diensten op maandag schuiven naar 10:00–13:00." in html
    assert "2 vrijwilligers krijgen een sms." in html
