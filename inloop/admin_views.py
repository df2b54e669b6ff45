"""The inloop report in the Wagtail admin (Reports menu), scoped like the workspace report.

It shows one row per werkplaats for the last twelve weeks, taken from the same suppressed tables as
/mijn/inloop/rapportage/, so the two reports together reveal nothing that either hides.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from accounts import permissions
from inloop import reports
from inloop.models import Uitkomst
from kern import clock


@dataclass(frozen=True)
class WerkplaatsRegel:
    werkplaats: str
    bezoeken: int | str
    eerste_keer: int | str
    doorverwezen: int | str
    niet_verschenen: int | str


def regels_per_werkplaats(rapport: reports.Rapport) -> list[WerkplaatsRegel]:
    tabellen = {t.sleutel: t for t in rapport.tabellen}
    weken, eerste, uitkomsten, niet_verschenen = (
        tabellen[k] for k in ("weken", "eerste", "uitkomsten", "niet_verschenen")
    )
    doorverwezen_rij = list(Uitkomst.values).index(Uitkomst.DOORVERWEZEN)
    totaalrij = len(weken.rijlabels)
    return [
        WerkplaatsRegel(
            werkplaats=naam,
            bezoeken=weken.tabel.toon(totaalrij, c),
            eerste_keer=eerste.tabel.toon(0, c),
            doorverwezen=uitkomsten.tabel.toon(doorverwezen_rij, c),
            niet_verschenen=niet_verschenen.tabel.toon(0, c),
        )
        for c, naam in enumerate(weken.kolomlabels)
    ]


class InloopRapportView(ReportView):
    page_title = _("Inloop: de laatste twaalf weken")
    header_icon = "table"
    index_url_name = "inloop_rapport"
    index_results_url_name = "inloop_rapport_results"
    export_filename = "inloop-rapport"
    columns = [
        Column("werkplaats", label=_("Werkplaats")),
        Column("bezoeken", label=_("Bezoeken")),
        Column("eerste_keer", label=_("Eerste keer")),
        Column("doorverwezen", label=_("Doorverwezen")),
        Column("niet_verschenen", label=_("Niet verschenen")),
    ]
    list_export = ["werkplaats", "bezoeken", "eerste_keer", "doorverwezen", "niet_verschenen"]
    export_headings = {
        "werkplaats": _("Werkplaats"),
        "bezoeken": _("Bezoeken"),
        "eerste_keer": _("Eerste keer"),
        "doorverwezen": _("Doorverwezen"),
        "niet_verschenen": _("Niet verschenen"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not permissions.werkplaatsen_for_reports(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        werkplaatsen = list(permissions.werkplaatsen_for_reports(self.request.user))
        van, tot = reports.periode_standaard(clock.today())
        rapport = reports.rapport_maken(
            werkplaatsen=werkplaatsen,
            van=van,
            tot=tot,
            # A downloaded file leaves the werkplaats: suppressed for everyone.
            onderdrukken=getattr(self, "is_export", False)
            or permissions.report_needs_suppression(self.request.user, [w.pk for w in werkplaatsen]),
        )
        return regels_per_werkplaats(rapport)
