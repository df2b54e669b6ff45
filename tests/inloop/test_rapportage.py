"""Reports: the numbers, the scope per role and gemeente, small-count suppression in page and exports."""

import csv
import io
from datetime import UTC, datetime, timedelta

from django.urls import reverse
from openpyxl import load_workbook

from inloop import services
from inloop.models import BezoekTelling
from inloop.reports import rapport_maken, telling_per_week_onderwerp
from tests.helpers import queries_for

NU = datetime(2026, 3, 18, 10, 0, tzinfo=UTC)


def _visits(world, werkplaats, n, *, codes=("belasting",), door=None, start=NU, **kwargs):
    door = door or (world["vrijwilliger_kampen"] if werkplaats == world["kampen_w"] else world["coordinator"])
    topics = world["onderwerpen_kampen"] if werkplaats == world["kampen_w"] else world["onderwerpen"]
    for i in range(n):
        services.bezoek_log(
            werkplaats=werkplaats,
            door=door,
            onderwerpen=[topics[c] for c in codes],
            uitkomst=kwargs.get("uitkomst", "ter_plekke"),
            duur_minuten=10 + i,
            nu=start + timedelta(days=i % 3),
        )


def _zuid_volunteer(world):
    from tests.factories import UserFactory, lidmaatschap_create

    user = UserFactory(username="zuid")
    lidmaatschap_create(user, world["zuid"])
    return user


def _url(**params):
    params.setdefault("van", "2026-03-01")
    params.setdefault("tot", "2026-03-31")
    return reverse("inloop:rapportage") + "?" + "&".join(f"{k}={v}" for k, v in params.items())


def test_report_counts_visits_topics_and_times(world):
    _visits(world, world["centrum"], 7, codes=("belasting", "digid"))
    rapport = rapport_maken(
        werkplaatsen=[world["centrum"]], van=NU.date() - timedelta(days=3), tot=NU.date() + timedelta(days=7), onderdrukken=False
    )
    tabellen = {t.sleutel: t for t in rapport.tabellen}
    _cells, total = tabellen["weken"].totaalrij
    assert total == 7
    onderwerpen = dict((label, tot) for label, _c, tot in tabellen["onderwerpen"].rijen)
    assert onderwerpen["Belastingaangifte"] == 7 and onderwerpen["DigiD en online formulieren"] == 7
    assert rapport.tijden[0].gesprek_mediaan == 13.0  # durations 10..16
    assert rapport.tijden[0].wacht_mediaan is None  # no queue, no waiting time


def test_coordinator_sees_exact_small_counts_of_their_own_werkplaats(world, client):
    _visits(world, world["centrum"], 2)
    client.force_login(world["coordinator"])
    page = client.get(_url()).content.decode()
    assert "&lt;5" not in page
    assert "Werkplaats Zuid" not in page  # not theirs


def test_beleidsmedewerker_sees_the_whole_gemeente_with_small_counts_hidden(world, client):
    _visits(world, world["centrum"], 2)
    _visits(world, world["zuid"], 12, door=_zuid_volunteer(world))
    _visits(world, world["kampen_w"], 9)
    client.force_login(world["beleid"])
    page = client.get(_url()).content.decode()
    assert "Werkplaats Centrum" in page and "Werkplaats Zuid" in page
    assert "Werkplaats Kampen" not in page
    assert "&lt;5" in page
    client.force_login(world["beleid_kampen"])
    page = client.get(_url()).content.decode()
    assert "Werkplaats Kampen" in page and "Werkplaats Centrum" not in page


def test_csv_and_xlsx_exports_for_the_gemeente_hide_small_counts(world, client):
    _visits(world, world["centrum"], 3)
    _visits(world, world["zuid"], 11, door=_zuid_volunteer(world))
    client.force_login(world["beleid"])
    response = client.get(_url(formaat="csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    week_header = next(i for i, r in enumerate(rows) if r and r[0] == "Week van")
    header = rows[week_header]
    centrum_col = header.index("Werkplaats Centrum")
    centrum_values = [r[centrum_col] for r in rows[week_header + 1 :] if len(r) > centrum_col and r[0]]
    assert "3" not in centrum_values and "<5" in centrum_values
    flat = [cell for row in rows for cell in row]
    assert "1" not in flat and "2" not in flat and "3" not in flat and "4" not in flat
    response = client.get(_url(formaat="xlsx"))
    workbook = load_workbook(io.BytesIO(response.content))
    values = [c for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for c in row]
    assert "<5" in values
    assert not any(isinstance(v, int) and 0 < v < 5 for v in values)


def test_coordinator_export_of_own_werkplaats_is_suppressed_because_a_file_leaves_the_werkplaats(world, client):
    _visits(world, world["centrum"], 3)
    client.force_login(world["coordinator"])
    page = client.get(_url()).content.decode()
    assert "&lt;5" not in page  # on screen, their own werkplaats: exact
    content = client.get(_url(formaat="csv")).content.decode()
    assert "<5" in content and ";3;3" not in content
    assert "<5 betekent: minder dan 5" in content


def test_a_hidden_large_count_is_marked_and_explained_everywhere(world, client):
    # Centrum has 3 visits, Zuid 11: Zuid's 11 would give Centrum's 3 away from the total of 14.
    _visits(world, world["centrum"], 3)
    _visits(world, world["zuid"], 11, door=_zuid_volunteer(world))
    client.force_login(world["beleid"])
    page = client.get(_url()).content.decode()
    assert "×" in page and "Het verborgen getal kan groot zijn" in page
    csv_text = client.get(_url(formaat="csv")).content.decode()
    assert "×" in csv_text and "Het verborgen getal kan groot zijn" in csv_text
    workbook = load_workbook(io.BytesIO(client.get(_url(formaat="xlsx")).content))
    values = [c for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for c in row]
    assert "×" in values and any(isinstance(v, str) and v.startswith("× betekent") for v in values)


def test_period_errors_are_explained(world, client):
    client.force_login(world["coordinator"])
    response = client.get(_url(van="2026-04-01", tot="2026-03-01"))
    assert response.status_code == 400
    assert "De einddatum ligt voor de begindatum." in response.content.decode()


def test_report_query_count_does_not_grow_with_visits(world, client):
    client.force_login(world["beleid"])
    _visits(world, world["centrum"], 1)
    client.get(_url())
    small = queries_for(lambda: client.get(_url()))
    _visits(world, world["centrum"], 20, codes=("belasting", "schulden", "huur"))
    _visits(world, world["zuid"], 10, door=_zuid_volunteer(world), start=NU + timedelta(days=7))
    large = queries_for(lambda: client.get(_url()))
    assert large == small, (small, large)


def test_rollup_matches_a_recount_from_the_visits_after_edits(world):
    _visits(world, world["centrum"], 6, codes=("belasting", "schulden"))
    bezoek = world["centrum"].bezoeken.first()
    services.bezoek_edit(
        bezoek=bezoek, door=world["coordinator"], oorsprong="x", onderwerpen=[world["onderwerpen"]["huur"]], taal="ar"
    )
    rows = telling_per_week_onderwerp(werkplaats_ids=[world["centrum"].pk], van=NU.date(), tot=NU.date() + timedelta(days=6))
    by_topic = {code: n for _w, _week, code, n in rows}
    assert by_topic == {"belasting": 5, "schulden": 5, "huur": 1}
    services.telling_herbereken(werkplaats_ids=[world["centrum"].pk])
    rows_again = telling_per_week_onderwerp(
        werkplaats_ids=[world["centrum"].pk], van=NU.date(), tot=NU.date() + timedelta(days=6)
    )
    assert rows_again == rows
    assert BezoekTelling.objects.get(dimensie="taal", waarde="ar").aantal == 1

