"""The /mijn/inloop/ workspace: log a visit, work the queue, flag a signal, read the reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts import permissions
from accounts.audit import audit_origin
from inloop import exports, reports, selectors, services
from inloop.forms import BezoekForm, RapportFilterForm, SignaalForm
from inloop.models import Bezoek, Doorverwijzing, Signaal, Wachtnummer
from inloop.services import InloopFout
from kern import clock
from kern.fouten import Soort
from kern.http import fout_response, wil_json
from werkplaatsen.models import WerkplaatsPage


def _werkplaats_voor_werk(request, werkplaats_id: int) -> WerkplaatsPage:
    werkplaats = get_object_or_404(WerkplaatsPage, pk=werkplaats_id)
    if not permissions.can_log_visits(request.user, werkplaats):
        raise PermissionDenied(_("U werkt niet bij deze werkplaats."))
    return werkplaats


@login_required
def start(request):
    werkplaatsen = list(permissions.werkplaatsen_for(request.user).order_by("title"))
    coordineert = set(
        permissions.werkplaatsen_for(request.user, "coordinator").values_list("pk", flat=True)
    )
    context = {
        "werkplaatsen": [(w, w.pk in coordineert) for w in werkplaatsen],
        "rapporten": permissions.werkplaatsen_for_reports(request.user).exists(),
    }
    return render(request, "inloop/start.html", context)


def _wachtnummer_uit_verzoek(request, werkplaats: WerkplaatsPage) -> Wachtnummer | None:
    raw = request.POST.get("wachtnummer") or request.GET.get("wachtnummer")
    if not raw or not str(raw).isdigit():
        return None
    return get_object_or_404(
        Wachtnummer.objects.select_related("wachtrij"), pk=int(raw), wachtrij__werkplaats=werkplaats
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def bezoek_nieuw(request, werkplaats_id: int):
    werkplaats = _werkplaats_voor_werk(request, werkplaats_id)
    wachtnummer = _wachtnummer_uit_verzoek(request, werkplaats)
    initial = {}
    if wachtnummer is not None and wachtnummer.overgedragen_aan:
        initial = {"uitkomst": "doorverwezen", "doorverwezen_naar": wachtnummer.overgedragen_aan}
    form = BezoekForm(
        request.POST or None,
        initial=initial,
        onderwerpen=selectors.onderwerpen_voor(werkplaats.gemeente_id),
        uit_wachtrij=wachtnummer is not None,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.bezoek_log(
                    werkplaats=werkplaats,
                    door=request.user,
                    onderwerpen=list(data["onderwerpen"]),
                    uitkomst=data["uitkomst"],
                    doorverwezen_naar=data["doorverwezen_naar"],
                    eerste_bezoek=data["eerste_bezoek"],
                    taal=data["taal"],
                    duur_minuten=data.get("duur_minuten"),
                    notitie=data["notitie"],
                    wachtnummer=wachtnummer,
                )
            except InloopFout as fout:
                form.add_error(None, str(fout))
                status = fout.status
            else:
                messages.success(request, _("Het bezoek is vastgelegd. Dank u wel."))
                if wachtnummer is not None:
                    return redirect("inloop:wachtrij", werkplaats_id=werkplaats.pk)
                return redirect("inloop:bezoek_nieuw", werkplaats_id=werkplaats.pk)
        else:
            status = 400
    context = {
        "werkplaats": werkplaats,
        "form": form,
        "wachtnummer": wachtnummer,
        "recent": selectors.bezoeken_recent(werkplaats=werkplaats, user=request.user) if not request.POST else [],
    }
    return render(request, "inloop/bezoek_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def bezoek_wijzigen(request, pk: int):
    bezoek = get_object_or_404(Bezoek.objects.select_related("werkplaats"), pk=pk)
    if not selectors.bezoek_editable(bezoek=bezoek, user=request.user):
        raise PermissionDenied(_("U kunt dit bezoek niet (meer) wijzigen."))
    initial = {
        "onderwerpen": list(bezoek.onderwerpen.all()),
        "uitkomst": bezoek.uitkomst,
        "doorverwezen_naar": bezoek.doorverwezen_naar,
        "eerste_bezoek": "ja" if bezoek.eerste_bezoek else "nee",
        "taal": bezoek.taal,
        "duur_minuten": bezoek.duur_minuten,
        "notitie": bezoek.notitie,
    }
    form = BezoekForm(
        request.POST or None,
        initial=initial,
        onderwerpen=selectors.onderwerpen_voor(bezoek.werkplaats.gemeente_id),
        uit_wachtrij=bezoek.wachtnummer_id is not None,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            onderwerpen = list(data.pop("onderwerpen"))
            try:
                services.bezoek_edit(
                    bezoek=bezoek,
                    door=request.user,
                    oorsprong=audit_origin(request),
                    onderwerpen=onderwerpen,
                    **data,
                )
            except InloopFout as fout:
                form.add_error(None, str(fout))
                status = fout.status
            else:
                messages.success(request, _("Het bezoek is gewijzigd."))
                return redirect("inloop:bezoek_nieuw", werkplaats_id=bezoek.werkplaats_id)
        else:
            status = 400
    context = {"werkplaats": bezoek.werkplaats, "form": form, "bezoek": bezoek, "recent": []}
    return render(request, "inloop/bezoek_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def wachtrij(request, werkplaats_id: int):
    werkplaats = _werkplaats_voor_werk(request, werkplaats_id)
    status = 200
    fout = None
    if request.method == "POST":
        actie = request.POST.get("actie", "")
        try:
            if actie == "volgende":
                nummer = services.wachtnummer_roep_volgende(werkplaats=werkplaats, door=request.user)
                if nummer is None:
                    raise InloopFout(_("Er wacht niemand."), "wachtrij_leeg")
                messages.success(request, _("U heeft nummer %(n)s geroepen.") % {"n": nummer.nummer})
                return redirect("inloop:wachtrij", werkplaats_id=werkplaats.pk)
            nummer = _wachtnummer_uit_verzoek(request, werkplaats)
            if nummer is None:
                raise InloopFout(_("Kies een nummer."), "wachtnummer_ontbreekt", soort=Soort.ONGELDIG)
            if actie == "roep":
                services.wachtnummer_roep(wachtnummer=nummer, door=request.user)
                messages.success(request, _("U heeft nummer %(n)s geroepen.") % {"n": nummer.nummer})
            elif actie in ("geholpen", "overgedragen", "niet_verschenen"):
                services.wachtnummer_afronden(
                    wachtnummer=nummer,
                    door=request.user,
                    status=actie,
                    overgedragen_aan=request.POST.get("overgedragen_aan", ""),
                )
                if actie != "niet_verschenen":
                    url = reverse("inloop:bezoek_nieuw", kwargs={"werkplaats_id": werkplaats.pk})
                    return redirect(f"{url}?wachtnummer={nummer.pk}")
                messages.success(request, _("Nummer %(n)s is niet verschenen.") % {"n": nummer.nummer})
            else:
                raise InloopFout(_("Onbekende actie."), "actie_onbekend", soort=Soort.ONGELDIG)
            return redirect("inloop:wachtrij", werkplaats_id=werkplaats.pk)
        except InloopFout as exc:
            if wil_json(request):
                return fout_response(request, exc)
            fout, status = str(exc), exc.status
    stand = selectors.wachtrij_stand(werkplaats_id=werkplaats.pk)
    context = {
        "werkplaats": werkplaats,
        "stand": stand,
        "fout": fout,
        "doorverwijzingen": Doorverwijzing.choices,
        "volgende_wachttijd": selectors.wachttijd_tekst(bereik) if (bereik := stand.geschatte_wachttijd(1)) else "",
    }
    return render(request, "inloop/wachtrij.html", context, status=status)


@never_cache  # the answer to the POST holds the secret links
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def kiosk_beheer(request, werkplaats_id: int):
    werkplaats = get_object_or_404(WerkplaatsPage, pk=werkplaats_id)
    if not permissions.can_coordinate(request.user, werkplaats):
        raise PermissionDenied(_("Alleen de coördinator van deze werkplaats beheert de kiosk."))
    kiosk = selectors.kiosk_van(werkplaats)
    context = {"werkplaats": werkplaats, "kiosk": kiosk}
    if request.method == "POST":
        # Rendered, not redirected: only the hash is kept, so this answer is the one time the links exist.
        links = services.kiosk_vernieuwen(werkplaats=werkplaats, door=request.user, oorsprong=audit_origin(request))
        context.update(
            kiosk=selectors.kiosk_van(werkplaats),
            vervangen=kiosk is not None,
            kiosk_url=request.build_absolute_uri(reverse("inloop_publiek:kiosk", args=[links.kiosk])),
            scherm_url=request.build_absolute_uri(reverse("inloop_publiek:scherm", args=[links.scherm])),
        )
    return render(request, "inloop/kiosk_beheer.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def signalen(request):
    werkplaatsen = list(permissions.werkplaatsen_for(request.user).order_by("title"))
    gemeenten = list(selectors.gemeenten_met_signalen(request.user))
    if not gemeenten:
        raise PermissionDenied(_("U heeft geen toegang tot signalen."))
    form = SignaalForm(request.POST or None)
    status = 200
    if request.method == "POST":
        werkplaats = _gekozen_werkplaats(request, werkplaatsen)
        if form.is_valid():
            try:
                services.signaal_melden(werkplaats=werkplaats, door=request.user, **form.cleaned_data)
            except InloopFout as fout:
                form.add_error(None, str(fout))
                status = fout.status
            else:
                messages.success(request, _("Dank u. Het signaal is doorgegeven aan de gemeente."))
                return redirect("inloop:signalen")
        else:
            status = 400
    lijst = list(selectors.signalen_voor(user=request.user))
    per_maand = selectors.signaal_per_maand(lijst)
    maanden = sorted({m for counts in per_maand.values() for m in counts})[-6:]
    rijen = [(s, [per_maand[s.pk].get(m, 0) for m in maanden]) for s in lijst]
    context = {"form": form, "werkplaatsen": werkplaatsen, "rijen": rijen, "maanden": maanden}
    return render(request, "inloop/signalen.html", context, status=status)


def _gekozen_werkplaats(request, werkplaatsen: list[WerkplaatsPage]) -> WerkplaatsPage:
    raw = request.POST.get("werkplaats", "")
    for werkplaats in werkplaatsen:
        if str(werkplaats.pk) == raw or len(werkplaatsen) == 1:
            return werkplaats
    raise PermissionDenied(_("Kies een werkplaats waar u werkt."))


@login_required
@require_POST
def signaal_ook_gezien(request, pk: int):
    werkplaatsen = list(permissions.werkplaatsen_for(request.user))
    werkplaats = _gekozen_werkplaats(request, werkplaatsen)
    signaal = get_object_or_404(Signaal, pk=pk, gemeente_id=werkplaats.gemeente_id)
    services.signaal_ook_gezien(signaal=signaal, werkplaats=werkplaats, door=request.user)
    messages.success(request, _("Geteld. De gemeente ziet dat dit vaker voorkomt."))
    return redirect("inloop:signalen")


@login_required
def rapportage(request):
    toegestaan = list(permissions.werkplaatsen_for_reports(request.user).order_by("title"))
    if not toegestaan:
        raise PermissionDenied(_("U heeft geen toegang tot rapportages."))
    gevraagd = request.GET.get("werkplaats", "")
    if gevraagd.isdigit() and int(gevraagd) not in {w.pk for w in toegestaan}:
        raise PermissionDenied(_("Deze werkplaats valt buiten uw rapportages."))
    van, tot = reports.periode_standaard(clock.today())
    data = {"van": van.isoformat(), "tot": tot.isoformat(), **request.GET.dict()}
    form = RapportFilterForm(data, werkplaatsen=toegestaan)
    if not form.is_valid():
        return render(request, "inloop/rapportage.html", {"form": form, "rapport": None}, status=400)
    gekozen = form.cleaned_data["werkplaats"]
    werkplaatsen = [w for w in toegestaan if gekozen is None or w.pk == gekozen]
    formaat = request.GET.get("formaat")
    rapport = reports.rapport_maken(
        werkplaatsen=werkplaatsen,
        van=form.cleaned_data["van"],
        tot=form.cleaned_data["tot"],
        # A file leaves the werkplaats, so an export is suppressed even for its own coördinator.
        onderdrukken=formaat in ("csv", "xlsx")
        or permissions.report_needs_suppression(request.user, [w.pk for w in werkplaatsen]),
    )
    if formaat in ("csv", "xlsx"):
        return _export(rapport, formaat)
    return render(request, "inloop/rapportage.html", {"form": form, "rapport": rapport})


def _export(rapport, formaat: str) -> HttpResponse:
    naam = f"inloop-{rapport.van:%Y%m%d}-{rapport.tot:%Y%m%d}"
    if formaat == "csv":
        response = HttpResponse(exports.rapport_csv(rapport), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.rapport_xlsx(rapport),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return response

