"""Thin views: the finder, the open-data API and the iCalendar feed."""

from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from kern import clock
from werkplaatsen import geocoding, openingstijden, response_cache, selectors
from werkplaatsen.feeds import openingstijden_calendar
from werkplaatsen.forms import FinderForm
from werkplaatsen.models import WerkplaatsPage
from werkplaatsen.opendata import hsds_page, hsds_service


def finder(request, page):
    """The WerkplaatsIndexPage: search by postcode, place or location, filter, list and map."""
    form = FinderForm(request.GET or None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        answer = selectors.werkplaatsen_nearest(
            site_id=Site.find_for_request(request).pk,
            query=data["q"],
            lat=data["lat"],
            lon=data["lon"],
            filters=data,
        )
    else:
        # No search yet, or a search we cannot read: the full list, never an error page.
        answer = selectors.werkplaatsen_nearest(site_id=Site.find_for_request(request).pk)
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "answer": answer,
            "filters_used": form.is_bound and form.is_valid() and form.filters_used(),
            "kaart": [
                {
                    "naam": r.werkplaats.title,
                    "url": r.werkplaats.get_url(request),
                    "lat": float(r.werkplaats.latitude),
                    "lon": float(r.werkplaats.longitude),
                    "status": r.status_tekst,
                }
                for r in answer.results
                if r.werkplaats.latitude is not None and r.werkplaats.longitude is not None
            ],
        }
    )
    response = TemplateResponse(request, page.get_template(request), context)
    return response_cache.mark_cacheable(request, response)


@require_GET
def werkplaats_ics(request, path):
    """GET <werkplaats page URL>openingstijden.ics: the coming 12 weeks of spreekuren, closures left out."""
    page = Page.find_for_request(request, "/" + path)
    if page is None or not page.live or not isinstance(page.specific, WerkplaatsPage):
        raise Http404(_("Deze werkplaats bestaat niet (meer)."))
    page = page.specific
    schema = openingstijden.Schema.of(page)
    body = openingstijden_calendar(page, schema, clock.local(clock.now()).date())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="openingstijden-{page.slug}.ics"'
    return response


def _bad_request(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})


@require_GET
def api_werkplaatsen(request):
    """GET /api/v1/werkplaatsen[?postcode=…|?lat=…&lon=…]: HSDS 3.0 services, nearest first if asked."""
    site = Site.find_for_request(request)
    if selectors.gemeente_for_site(site) is None:
        return JsonResponse({"error": _("Op dit adres staat geen gemeente.")}, status=404)
    lat = lon = None
    if "lat" in request.GET or "lon" in request.GET:
        try:
            lat, lon = float(request.GET["lat"]), float(request.GET["lon"])
        except (KeyError, ValueError):
            return _bad_request(_("Geef lat en lon allebei, als getallen (bijvoorbeeld lat=52.51&lon=6.09)."))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return _bad_request(_("lat of lon ligt buiten de aarde."))
    postcode = request.GET.get("postcode", "").strip()
    if postcode and lat is None:
        normalized = geocoding.normalize_query(postcode)
        if not geocoding.is_postcode(normalized):
            return _bad_request(_("Dit is geen postcode. Gebruik bijvoorbeeld 8011 AB of 8011."))
        found = geocoding.locate(normalized)
        if found is None:
            return JsonResponse(
                {"error": _("Deze postcode kennen we niet.")}, status=422, json_dumps_params={"ensure_ascii": False}
            )
        lat, lon = found.latitude, found.longitude
    answer = selectors.werkplaatsen_nearest(site_id=site.pk, lat=lat, lon=lon)
    body = hsds_page([hsds_service(r.werkplaats, r.afstand_m) for r in answer.results])
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    # Open data: any site may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response
