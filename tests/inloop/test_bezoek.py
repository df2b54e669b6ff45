"""Logging and editing a walk-in: anonymous, fast, edits by the author for 24 hours, then a coördinator."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from accounts.audit import AuditRegel
from inloop import services
from inloop.models import Bezoek, BezoekTelling
from inloop.services import InloopFout
from tests.helpers import queries_for

D = BezoekTelling.Dimensie


def _log(world, *, door=None, codes=("schulden",), **kwargs):
    kwargs.setdefault("uitkomst", "ter_plekke")
    kwargs.setdefault("duur_minuten", 15)
    return services.bezoek_log(
        werkplaats=kwargs.pop("werkplaats", world["centrum"]),
        door=door or world["vrijwilliger"],
        onderwerpen=[world["onderwerpen"][c] for c in codes],
        **kwargs,
    )


def _telling(werkplaats, dimensie, waarde=""):
    return sum(
        BezoekTelling.objects.filter(werkplaats=werkplaats, dimensie=dimensie, waarde=waarde).values_list(
            "aantal", flat=True
        )
    )


def test_a_visit_has_no_field_for_a_name_or_bsn():
    names = {f.name for f in Bezoek._meta.get_fields()}
    assert not names & {"naam", "bsn", "adres", "telefoonnummer", "geboortedatum", "email"}


def test_a_new_gemeente_gets_the_ten_default_topics(world):
    assert len(world["onderwerpen"]) == 10
    assert {"belasting", "digid", "afsluiting", "huur"} <= set(world["onderwerpen"])
    assert len(world["onderwerpen_kampen"]) == 10


def test_logging_counts_the_visit_in_the_rollup(world):
    nu = datetime(2026, 3, 18, 10, 30, tzinfo=UTC)  # 11:30 in Amsterdam
    _log(world, codes=("belasting", "digid"), nu=nu, duur_minuten=20, eerste_bezoek=False)
    _log(world, codes=("belasting",), nu=nu + timedelta(hours=1), uitkomst="doorverwezen", doorverwezen_naar="budgetcoach")
    centrum = world["centrum"]
    assert _telling(centrum, D.BEZOEK) == 2
    assert _telling(centrum, D.ONDERWERP, "belasting") == 2
    assert _telling(centrum, D.ONDERWERP, "digid") == 1
    assert _telling(centrum, D.EERSTE, "nee") == 1 and _telling(centrum, D.EERSTE, "ja") == 1
    assert _telling(centrum, D.UUR, "11") == 1  # hour of arrival (11:30 - 20 min), Amsterdam time
    assert _telling(centrum, D.UITKOMST, "doorverwezen") == 1
    week = BezoekTelling.objects.filter(werkplaats=centrum, dimensie=D.BEZOEK).get().week
    assert week.isoformat() == "2026-03-16"  # the Monday


def test_week_and_hour_follow_amsterdam_time_not_utc(world):
    # Sunday 23:30 UTC in summer is Monday 01:30 in Amsterdam: next week, hour 01.
    _log(world, nu=datetime(2026, 7, 5, 23, 45, tzinfo=UTC), duur_minuten=15)
    row = BezoekTelling.objects.get(werkplaats=world["centrum"], dimensie=D.UUR)
    assert row.waarde == "01" and row.week.isoformat() == "2026-07-06"


def test_referred_needs_to_whom(world):
    with pytest.raises(InloopFout, match="naar wie"):
        _log(world, uitkomst="doorverwezen")
    assert not Bezoek.objects.exists() and not BezoekTelling.objects.exists()


def test_volunteer_cannot_log_at_another_werkplaats_or_with_another_gemeentes_topic(world):
    with pytest.raises(InloopFout):
        _log(world, werkplaats=world["zuid"])
    with pytest.raises(InloopFout):
        services.bezoek_log(
            werkplaats=world["centrum"],
            door=world["vrijwilliger"],
            onderwerpen=[world["onderwerpen_kampen"]["schulden"]],
            uitkomst="ter_plekke",
            duur_minuten=5,
        )
    assert not Bezoek.objects.exists()


def test_author_edits_within_24_hours_and_every_edit_is_audited(world):
    bezoek = _log(world, codes=("schulden",))
    services.bezoek_edit(
        bezoek=bezoek,
        door=world["vrijwilliger"],
        oorsprong="127.0.0.1",
        onderwerpen=[world["onderwerpen"]["huur"]],
        uitkomst="vervolgafspraak",
    )
    assert _telling(world["centrum"], D.ONDERWERP, "schulden") == 0
    assert _telling(world["centrum"], D.ONDERWERP, "huur") == 1
    assert _telling(world["centrum"], D.UITKOMST, "ter_plekke") == 0
    assert _telling(world["centrum"], D.UITKOMST, "vervolgafspraak") == 1
    assert _telling(world["centrum"], D.BEZOEK) == 1
    regel = AuditRegel.objects.get(actie="inloop.bezoek_wijzigen")
    assert regel.actor == world["vrijwilliger"] and regel.object_id == str(bezoek.pk)


def test_after_24_hours_only_the_coordinator_can_edit(world):
    bezoek = _log(world)
    later = bezoek.aangemaakt + timedelta(hours=25)
    with pytest.raises(InloopFout, match="24 uur"):
        services.bezoek_edit(
            bezoek=bezoek, door=world["vrijwilliger"], oorsprong="x", onderwerpen=[world["onderwerpen"]["huur"]], nu=later
        )
    assert AuditRegel.objects.filter(actie="inloop.bezoek_wijzigen", resultaat="geweigerd").count() == 1
    with pytest.raises(InloopFout):  # another volunteer, even within the window
        services.bezoek_edit(
            bezoek=bezoek, door=world["vrijwilliger2"], oorsprong="x", onderwerpen=[world["onderwerpen"]["huur"]]
        )
    services.bezoek_edit(
        bezoek=bezoek, door=world["coordinator"], oorsprong="x", onderwerpen=[world["onderwerpen"]["huur"]], nu=later
    )
    assert list(bezoek.onderwerpen.values_list("code", flat=True)) == ["huur"]


# --- the form ----------------------------------------------------------------------------------


def _post_data(world, **extra):
    data = {
        "onderwerpen": [world["onderwerpen"]["schulden"].pk, world["onderwerpen"]["brieven"].pk],
        "uitkomst": "ter_plekke",
        "doorverwezen_naar": "",
        "eerste_bezoek": "ja",
        "taal": "nl",
        "duur_minuten": "15",
        "notitie": "",
    }
    data.update(extra)
    return data


def test_the_log_form_has_defaults_so_two_taps_and_save_will_do(world, client):
    client.force_login(world["vrijwilliger"])
    url = reverse("inloop:bezoek_nieuw", args=[world["centrum"].pk])
    page = client.get(url).content.decode()
    assert 'value="ter_plekke"' in page and "checked" in page
    assert "geen naam, BSN" in page
    response = client.post(
        url, {"onderwerpen": [world["onderwerpen"]["schulden"].pk], "uitkomst": "ter_plekke", "eerste_bezoek": "ja", "taal": "nl", "duur_minuten": "15"}
    )
    assert response.status_code == 302
    assert Bezoek.objects.get().gelogd_door == world["vrijwilliger"]


def test_a_bad_post_keeps_the_input_and_says_what_is_wrong(world, client):
    client.force_login(world["vrijwilliger"])
    url = reverse("inloop:bezoek_nieuw", args=[world["centrum"].pk])
    response = client.post(url, _post_data(world, uitkomst="doorverwezen", notitie="kwam met zijn dochter"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies naar wie u heeft doorverwezen." in page
    assert "kwam met zijn dochter" in page
    assert 'aria-describedby="id_doorverwezen_naar_error"' in page and 'id="id_doorverwezen_naar_error"' in page
    assert not Bezoek.objects.exists()


@pytest.mark.parametrize("extra_visits", [0, 30])
def test_logging_a_visit_takes_at_most_12_queries(world, client, extra_visits):
    for _ in range(extra_visits):
        _log(world)
    client.force_login(world["vrijwilliger"])
    url = reverse("inloop:bezoek_nieuw", args=[world["centrum"].pk])
    data = _post_data(world)
    client.get(url)  # warm the per-process caches as a running server has them
    responses = []
    count = queries_for(lambda: responses.append(client.post(url, data)))
    assert responses[0].status_code == 302
    assert count <= 12, count


def test_the_log_page_with_recent_visits_has_a_query_ceiling(world, client):
    client.force_login(world["vrijwilliger"])
    url = reverse("inloop:bezoek_nieuw", args=[world["centrum"].pk])
    _log(world, codes=("schulden", "huur"))
    client.get(url)  # warm the per-process caches (content types, site) as a running server has them
    small = queries_for(lambda: client.get(url))
    for _ in range(15):
        _log(world, codes=("schulden", "huur", "digid"))
    large = queries_for(lambda: client.get(url))
    assert large == small <= 13, (small, large)


def test_a_note_with_personal_data_is_held_back_with_a_warning_and_nothing_typed_is_lost(world, client):
    client.force_login(world["vrijwilliger"])
    url = reverse("inloop:bezoek_nieuw", args=[world["centrum"].pk])
    notitie = "Mevrouw Jansen, BSN 123456782, tel 06 11223344"
    response = client.post(url, _post_data(world, notitie=notitie))
    assert response.status_code == 400
    page = response.content.decode()
    assert "een naam, een BSN (burgerservicenummer), een telefoonnummer staat" in page
    assert notitie in page  # kept in the field, to edit
    assert 'name="geen_persoonsgegevens"' in page
    assert not Bezoek.objects.exists()
    # Taken out: saved without a question.
    assert client.post(url, _post_data(world, notitie="kwam met een brief")).status_code == 302
    assert Bezoek.objects.get().notitie == "kwam met een brief"


def test_a_false_alarm_is_saved_once_the_volunteer_confirms(world, client):
    client.force_login(world["vrijwilliger"])
    url = reverse("inloop:bezoek_nieuw", args=[world["centrum"].pk])
    notitie = "kenmerk op de brief 111222333"  # passes the eleven-test, but is a letter's reference
    assert client.post(url, _post_data(world, notitie=notitie)).status_code == 400
    response = client.post(url, _post_data(world, notitie=notitie, geen_persoonsgegevens="on"))
    assert response.status_code == 302
    assert Bezoek.objects.get().notitie == notitie
