"""The /mijn/rooster/ workspace (phone first) and the calendar feeds."""

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import permissions
from accounts.audit import audit_log, audit_origin
from kern import clock
from kern.export import csv_text
from kern.http import fout_response, wil_json
from rooster import aanwezigheid, coordinatie, feeds, selectors, services, sms, tablet
from rooster.models import Dienst, Inschrijving, InschrijvingStatus
from rooster.services import RoosterFout
from werkplaatsen.models import WerkplaatsPage

ICS = "text/calendar; charset=utf-8"


def _overzicht(request, *, fout: str | None = None, token: str | None = None, status: int = 200):
    user = request.user
    mijn = selectors.mijn_inschrijvingen(user)
    now = clock.now()
    for i in mijn:
        i.kan_inchecken = (
            i.status == InschrijvingStatus.INGESCHREVEN
            and not i.dienst.geannuleerd
            and i.dienst.begin - aanwezigheid.OPEN_VOOR <= now < i.dienst.einde
        )
        i.kan_uitchecken = i.status == InschrijvingStatus.AANWEZIG and not i.uitgecheckt_op
    context = {
        "mijn": mijn,
        "open": selectors.open_diensten(user),
        "coordineert": list(permissions.werkplaatsen_for(user, "coordinator").order_by("title")),
        "heeft_token": token is not None or selectors.heeft_agenda_token(user),
        "pincode_geblokkeerd": selectors.pincode_geblokkeerd(user),
        "token": token,
        "fout": fout,
        "status_ingeschreven": InschrijvingStatus.INGESCHREVEN,
    }
    return render(request, "rooster/overzicht.html", context, status=status)


@login_required
@require_safe
def overzicht(request):
    return _overzicht(request)


def _refusal(request, fout: RoosterFout):
    # Nothing changed: show the list again with the reason, and the status of the refusal's soort.
    if wil_json(request):
        return fout_response(request, fout)
    return _overzicht(request, fout=str(fout), status=fout.status)


@login_required
@require_POST
def inschrijven(request, dienst_id: int):
    dienst = get_object_or_404(Dienst.objects.select_related("werkplaats"), pk=dienst_id)
    if not permissions.can_work_at(request.user, dienst.werkplaats):
        raise PermissionDenied(_("U werkt niet bij deze werkplaats."))
    try:
        inschrijving = services.inschrijving_maken(
            dienst_id=dienst.pk, user=request.user, wachtlijst=request.POST.get("wachtlijst") == "1"
        )
    except RoosterFout as fout:
        return _refusal(request, fout)
    if inschrijving.status == InschrijvingStatus.WACHTLIJST:
        messages.success(request, _("U staat op de wachtlijst (plaats %(n)s).") % {"n": inschrijving.positie})
    else:
        messages.success(request, _("U bent ingeschreven. Tot dan!"))
    return redirect("rooster:overzicht")


@login_required
@require_POST
def afmelden(request, pk: int):
    return _eigen_inschrijving(request, pk, services.inschrijving_afmelden, _("U bent afgemeld voor deze dienst."))


def _eigen_inschrijving(request, pk: int, service, gelukt: str):
    """Run ``service`` on the volunteer's own sign-up, say how it went, and go back to the roster."""
    inschrijving = get_object_or_404(Inschrijving, pk=pk, user=request.user)
    try:
        service(inschrijving_id=inschrijving.pk, user=request.user)
    except RoosterFout as fout:
        return _refusal(request, fout)
    messages.success(request, gelukt)
    return redirect("rooster:overzicht")


@login_required
@require_POST
def agenda_uitgeven(request):
    # Rendered, not redirected: the link is shown this once and is never stored readable.
    token = services.agenda_token_uitgeven(user=request.user)
    return _overzicht(request, token=request.build_absolute_uri(reverse("rooster_agenda", args=[token])))


@login_required
@require_POST
def agenda_intrekken(request):
    services.agenda_token_intrekken(user=request.user)
    messages.success(request, _("Uw agendalink werkt niet meer."))
    return redirect("rooster:overzicht")


@require_safe
def agenda_feed(request, token: str):
    user = selectors.user_voor_token(token)
    if user is None:
        raise Http404()
    body = feeds.persoonlijk_feed(user, selectors.feed_inschrijvingen(user))
    response = HttpResponse(body, content_type=ICS)
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_safe
def dienst_ics(request, dienst_id: int):
    inschrijving = get_object_or_404(
        Inschrijving.objects.select_related("dienst__werkplaats"), dienst_id=dienst_id, user=request.user
    )
    response = HttpResponse(feeds.inschrijving_ics(inschrijving), content_type=ICS)
    response["Content-Disposition"] = f'attachment; filename="dienst-{dienst_id}.ics"'
    return response


def _coordineren(request, werkplaats_id: int) -> WerkplaatsPage:
    werkplaats = get_object_or_404(WerkplaatsPage, pk=werkplaats_id)
    if not permissions.can_coordinate(request.user, werkplaats):
        raise PermissionDenied(_("U bent geen coördinator van deze werkplaats."))
    return werkplaats


@login_required
@require_safe
def coordinator(request, werkplaats_id: int):
    werkplaats = _coordineren(request, werkplaats_id)
    return _coordinator_pagina(request, werkplaats)


def _coordinator_pagina(
    request, werkplaats, tablet_link: str | None = None, fout: str | None = None, status=200, agenda_link=None
):
    context = {
        "werkplaats": werkplaats,
        "dagen": selectors.coordinator_overzicht(werkplaats),
        "vrijwilligers": selectors.vrijwilligers_van(werkplaats),
        "tablet_link": tablet_link,
        "agenda_link": agenda_link,
        "fout": fout,
    }
    return render(request, "rooster/coordinator.html", context, status=status)


def _coordinator_actie(request, dienst: Dienst, actie):
    """Run a coördinator's action; a refusal shows the page again with the reason, nothing changed."""
    werkplaats = _coordineren(request, dienst.werkplaats_id)
    try:
        melding = actie()
    except RoosterFout as fout:
        if wil_json(request):
            return fout_response(request, fout)
        return _coordinator_pagina(request, werkplaats, fout=str(fout), status=fout.status)
    messages.success(request, melding)
    return redirect("rooster:coordinator", werkplaats_id=werkplaats.pk)


@login_required
@require_POST
def toewijzen(request, dienst_id: int):
    dienst = get_object_or_404(Dienst, pk=dienst_id)
    user_id = request.POST.get("user", "")

    def actie():
        if not user_id.isdigit():
            raise RoosterFout(_("Kies een vrijwilliger."), "keuze")
        coordinatie.inschrijving_toewijzen(
            dienst_id=dienst.pk, user_id=int(user_id), coordinator=request.user, oorsprong=audit_origin(request)
        )
        return _("De vrijwilliger staat op de dienst.")

    return _coordinator_actie(request, dienst, actie)


@login_required
@require_POST
def verwijderen(request, pk: int):
    inschrijving = get_object_or_404(Inschrijving.objects.select_related("dienst"), pk=pk)

    def actie():
        coordinatie.inschrijving_verwijderen(
            inschrijving_id=inschrijving.pk, coordinator=request.user, oorsprong=audit_origin(request)
        )
        return _("De vrijwilliger is van de dienst gehaald en heeft een sms gekregen.")

    return _coordinator_actie(request, inschrijving.dienst, actie)


def _team_bericht_melding(aantal: int) -> str:
    """Say when the SMS goes: in the quiet hours the outbox holds it until 08:00."""
    moment = sms.verzendmoment()
    if moment <= clock.now():
        return _("Sms verstuurd naar %(n)s vrijwilliger(s).") % {"n": aantal}
    lokaal = clock.local(moment)
    if lokaal.date() == clock.today():
        return _("Sms naar %(n)s vrijwilliger(s) wordt om %(tijd)s verstuurd (geen sms'jes 's nachts).") % {
            "n": aantal, "tijd": f"{lokaal:%H:%M}"
        }
    return _("Sms naar %(n)s vrijwilliger(s) wordt morgen om %(tijd)s verstuurd (geen sms'jes 's nachts).") % {
        "n": aantal, "tijd": f"{lokaal:%H:%M}"
    }


@login_required
@require_POST
def team_bericht(request, dienst_id: int):
    dienst = get_object_or_404(Dienst, pk=dienst_id)

    def actie():
        aantal = coordinatie.dienst_bericht(
            dienst_id=dienst.pk,
            coordinator=request.user,
            tekst=request.POST.get("tekst", ""),
            oorsprong=audit_origin(request),
        )
        return _team_bericht_melding(aantal)

    return _coordinator_actie(request, dienst, actie)


@login_required
@require_POST
def tablet_uitgeven(request, werkplaats_id: int):
    werkplaats = _coordineren(request, werkplaats_id)
    token = tablet.tablet_uitgeven(werkplaats=werkplaats)
    audit_log(actie="rooster.tablet_uitgeven", actor=request.user, oorsprong=audit_origin(request), obj=werkplaats)
    link = request.build_absolute_uri(reverse("rooster:tablet", args=[token]))
    return _coordinator_pagina(request, werkplaats, tablet_link=link)


def _werkplaats_feed(werkplaats) -> HttpResponse:
    diensten = [d for _dag, rij in selectors.coordinator_overzicht(werkplaats, dagen=56) for d in rij]
    return HttpResponse(feeds.werkplaats_feed(werkplaats, diensten), content_type=ICS)


@login_required
@require_safe
def werkplaats_ics(request, werkplaats_id: int):
    return _werkplaats_feed(_coordineren(request, werkplaats_id))


@login_required
@require_POST
def werkplaats_agenda_uitgeven(request, werkplaats_id: int):
    # Rendered, not redirected: the link is shown this once and is never stored readable.
    werkplaats = _coordineren(request, werkplaats_id)
    token = services.werkplaats_agenda_token_uitgeven(user=request.user, werkplaats=werkplaats)
    link = request.build_absolute_uri(reverse("rooster_agenda_werkplaats", args=[token]))
    return _coordinator_pagina(request, werkplaats, agenda_link=link)


@require_safe
def werkplaats_agenda_feed(request, token: str):
    """The werkplaats's roster for a calendar app, which has no session: the secret link is the key."""
    found = selectors.werkplaats_agenda_voor_token(token)
    if found is None:
        raise Http404()
    response = _werkplaats_feed(found[1])
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_POST
def inchecken(request, pk: int):
    return _eigen_inschrijving(request, pk, aanwezigheid.inschrijving_inchecken, _("U bent ingecheckt. Fijne dienst!"))


@login_required
@require_POST
def uitchecken(request, pk: int):
    return _eigen_inschrijving(request, pk, aanwezigheid.inschrijving_uitchecken, _("U bent uitgecheckt. Dank u wel!"))


@login_required
@require_safe
def uren_csv(request, werkplaats_id: int):
    werkplaats = _coordineren(request, werkplaats_id)
    try:
        maand = datetime.strptime(request.GET.get("maand", ""), "%Y-%m").date()
    except ValueError:
        return HttpResponse(_("Geef de maand als JJJJ-MM, bijvoorbeeld 2026-12."), status=400, content_type="text/plain; charset=utf-8")
    rows = [[_("Voornaam"), _("Achternaam"), _("Uren")]]
    rows += [
        [voornaam, achternaam, f"{uren:.2f}".replace(".", ",")]
        for voornaam, achternaam, uren in aanwezigheid.uren_per_vrijwilliger(werkplaats=werkplaats, maand=maand)
    ]
    # Names come from people: kern.export defuses formulas and direction controls in every cell.
    response = HttpResponse(csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="uren-{werkplaats.pk}-{maand:%Y-%m}.csv"'
    audit_log(actie="rooster.uren_export", actor=request.user, oorsprong=audit_origin(request), obj=werkplaats)
    return response


@login_required
@require_POST
def pincode(request):
    try:
        tablet.pincode_instellen(user=request.user, pin=request.POST.get("pincode", "").strip())
    except RoosterFout as fout:
        return _overzicht(request, fout=str(fout), status=fout.status)
    messages.success(request, _("Uw pincode is opgeslagen."))
    return redirect("rooster:overzicht")


@require_http_methods(["GET", "HEAD", "POST"])
def tablet_oude_link(request, token: str):
    """The /kiosk/ link stays on tablets for years; 308, not 301, so a sign-in posted there is kept."""
    response = HttpResponsePermanentRedirect(reverse("rooster:tablet", args=[token]))
    response.status_code = 308
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def tablet_pagina(request, token: str):
    """The tablet at the werkplaats: no login, the secret link is the key (404 for any other)."""
    werkplaats = tablet.tablet_voor_token(token)
    if werkplaats is None:
        raise Http404()
    context = {"werkplaats": werkplaats, "voornaam": "", "fout": None, "gelukt": None}
    status = 200
    if request.method == "POST":
        voornaam = request.POST.get("voornaam", "")[:150]
        try:
            inschrijving, uitkomst = tablet.tablet_in_of_uitchecken(
                werkplaats=werkplaats, voornaam=voornaam, pin=request.POST.get("pincode", "")
            )
        except RoosterFout as fout:
            inschrijving, uitkomst = None, str(fout)
        if inschrijving is None:
            context.update(fout=uitkomst, voornaam=voornaam)
            status = 400
        elif uitkomst == "in":
            context["gelukt"] = _("Welkom, %(naam)s. U bent ingecheckt.") % {"naam": inschrijving.user.first_name}
        else:
            context["gelukt"] = _("Tot ziens, %(naam)s. U bent uitgecheckt.") % {"naam": inschrijving.user.first_name}
    return render(request, "rooster/tablet.html", context, status=status)
