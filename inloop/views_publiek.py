"""The kiosk at the door and the screen in the room: no login, the secret link is the key."""

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from inloop import selectors, services
from inloop.forms import KioskForm
from inloop.models import Kiosk


def _stand(werkplaats_id: int) -> dict:
    stand = selectors.scherm_stand(werkplaats_id=werkplaats_id)
    wachtend = ngettext("%(n)s persoon wacht.", "%(n)s personen wachten.", stand["wachtend"]) % {
        "n": stand["wachtend"]
    }
    stand["tekst"] = wachtend + (" " + selectors.wachttijd_tekst(stand["wachttijd"]) if stand["wachttijd"] else "")
    return stand



def _kiosk(token: str) -> Kiosk:
    kiosk = selectors.kiosk_voor_token(token)
    if kiosk is None:
        raise Http404()
    return kiosk


def _scherm(token: str) -> Kiosk:
    kiosk = selectors.kiosk_voor_scherm_token(token)
    if kiosk is None:
        raise Http404()
    return kiosk


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def kiosk(request, token: str):
    k = _kiosk(token)
    form = KioskForm(request.POST if request.method == "POST" else None)
    context = {"werkplaats": k.werkplaats, "token": token, "form": form}
    status = selectors.kiosk_status(werkplaats=k.werkplaats)
    if not status.open:
        # Outside opening hours nobody is there to call a number: say when to come instead.
        context["gesloten"] = status.tekst
        return render(request, "inloop/kiosk.html", context, status=409 if request.method == "POST" else 200)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "inloop/kiosk.html", context, status=400)
        nummer = services.wachtnummer_trekken(
            werkplaats=k.werkplaats, telefoonnummer=form.cleaned_data["telefoonnummer"]
        )
        context["sms"] = bool(form.cleaned_data["telefoonnummer"]) and not nummer.sms_geweigerd
        context["sms_geweigerd"] = nummer.sms_geweigerd
        stand = selectors.wachtrij_stand(werkplaats_id=k.werkplaats_id)
        context["nummer"] = nummer
        context["voor_u"] = sum(1 for n in stand.wachtend if n.nummer < nummer.nummer)
        bereik = stand.geschatte_wachttijd(context["voor_u"] + 1)
        context["wachttijd"] = selectors.wachttijd_tekst(bereik) if bereik else ""
    return render(request, "inloop/kiosk.html", context)


@never_cache
@require_safe
def scherm(request, token: str):
    k = _scherm(token)
    context = {"werkplaats": k.werkplaats, "token": token, "stand": _stand(k.werkplaats_id)}
    return render(request, "inloop/scherm.html", context)


@never_cache
@require_safe
def scherm_status(request, token: str):
    k = _scherm(token)
    return JsonResponse(_stand(k.werkplaats_id))
