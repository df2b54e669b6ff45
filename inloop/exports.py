"""CSV and XLSX exports of a report: the same tables, the same suppression, as the page shows."""

from django.utils.translation import gettext as _

from inloop.reports import Rapport
from kern.export import csv_text, xlsx_bytes


def _blokken(rapport: Rapport):
    for tabel in rapport.tabellen:
        rows = [[tabel.rijkop, *tabel.kolomlabels, _("Totaal")]]
        for label, cells, total in tabel.rijen:
            rows.append([label, *cells, total])
        cells, total = tabel.totaalrij
        rows.append([_("Totaal"), *cells, total])
        yield tabel.titel, rows
    rows = [[
        _("Werkplaats"), _("Bezoeken"), _("Wachttijd mediaan (min)"), _("Wachttijd p90 (min)"),
        _("Gesprek mediaan (min)"), _("Gesprek p90 (min)"),
    ]]
    for t in rapport.tijden:
        rows.append([t.werkplaats, t.metingen, t.wacht_mediaan, t.wacht_p90, t.gesprek_mediaan, t.gesprek_p90])
    yield _("Wacht- en gesprekstijden"), rows


def rapport_csv(rapport: Rapport) -> str:
    rows = [[_("Periode"), rapport.van.isoformat(), rapport.tot.isoformat()]]
    rows += [[regel] for regel in rapport.uitleg]
    for titel, blok in _blokken(rapport):
        rows += [[], [titel], *blok]
    return csv_text(rows)


def rapport_xlsx(rapport: Rapport) -> bytes:
    return xlsx_bytes(
        (f"{index} {titel}", [[titel], *[[regel] for regel in rapport.uitleg], *blok])
        for index, (titel, blok) in enumerate(_blokken(rapport), start=1)
    )
