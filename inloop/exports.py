"""CSV and XLSX exports of a report: the same tables, the same suppression, as the page shows."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from inloop.reports import Rapport

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _veilig(value):
    # A werkplaats called "=HYPERLINK(...)" must not become a formula in someone's spreadsheet.
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


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
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([_("Periode"), rapport.van.isoformat(), rapport.tot.isoformat()])
    for regel in rapport.uitleg:
        writer.writerow([regel])
    for titel, rows in _blokken(rapport):
        writer.writerow([])
        writer.writerow([_veilig(titel)])
        for row in rows:
            writer.writerow([_veilig("" if v is None else v) for v in row])
    return buffer.getvalue()


def rapport_xlsx(rapport: Rapport) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for index, (titel, rows) in enumerate(_blokken(rapport), start=1):
        naam = "".join(ch for ch in titel if ch not in "[]:*?/\\")[:28]
        sheet = workbook.create_sheet(f"{index} {naam}"[:31])
        sheet.append([titel])
        for regel in rapport.uitleg:
            sheet.append([regel])
        for row in rows:
            sheet.append([_veilig("" if v is None else v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
