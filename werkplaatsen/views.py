"""Thin views: the finder, the open-data API and the iCalendar feed."""

from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from kern import clock
from werkplaatsen import geocoding, openingstijden, response_cache, selectors, snapshot
from werkplaatsen.feeds import openingstijden_calendar
from werkplaatsen.forms import FinderForm
from werkplaatsen.links import page_absolute_url
from werkplaatsen.models import WerkplaatsPage
from werkplaatsen.opendata import hsds_page, hsds_service, stable_id

# HSDS leaves the page size to the publisher; a gemeente's werkplaatsen fit one default page.
PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 100


def finder(request, page):
    """The WerkplaatsIndexPage: search by postcode, place or location, filter, list and map.

    The search box is ``q``; ``postcode``, the API's name for it, is read too, so a link made for
    the one works on the other.
    """
    params = request.GET
    if not params.get("q") and params.get("postcode"):
        params = params.copy()
        params["q"] = params["postcode"]
    form = FinderForm(params or None)
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
            "niet_gelezen": form.unreadable_labels() if form.is_bound else [],
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


@require_safe
def werkplaats_ics(request, path):
    """GET <werkplaats page URL>openingstijden.ics: the coming 12 weeks of spreekuren, closures left out."""
    page = Page.find_for_request(request, "/" + path)
    if page is None or not page.live or not isinstance(page.specific, WerkplaatsPage):
        raise Http404(_("Deze werkplaats bestaat niet (meer)."))
    page = page.specific
    schema = openingstijden.Schema.of(page)
    body = openingstijden_calendar(
        page, schema, clock.local(clock.now()).date(), url=page_absolute_url(page, request)
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="openingstijden-{page.slug}.ics"'
    return response


def _bad_request(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})


def _json(body, status: int = 200) -> JsonResponse:
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    # Open data: any site may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _paging(request) -> tuple[int, int | None]:
    """HSDS's page and per_page; ValueError (with the message to show) when they cannot be read."""
    numbers = {}
    for name, default in (("page", 1), ("per_page", PER_PAGE_DEFAULT)):
        raw = request.GET.get(name, "").strip()
        if not raw:
            numbers[name] = default
            continue
        if not raw.isdigit() or int(raw) < 1:
            raise ValueError(_("%(name)s moet een heel getal zijn, 1 of hoger.") % {"name": name})
        numbers[name] = int(raw)
    if numbers["per_page"] > PER_PAGE_MAX:
        raise ValueError(_("per_page mag hoogstens %(max)s zijn.") % {"max": PER_PAGE_MAX})
    return numbers["page"], numbers["per_page"]


def _services(request, site):
    """The site's werkplaatsen as HSDS services, nearest first when a place is asked; or an error response.

    ``postcode`` is the main name of the place parameter (HSDS uses it); ``q``, the finder's, works too.
    """
    lat = lon = None
    if "lat" in request.GET or "lon" in request.GET:
        try:
            lat, lon = float(request.GET["lat"]), float(request.GET["lon"])
        except (KeyError, ValueError):
            return _bad_request(_("Geef lat en lon allebei, als getallen (bijvoorbeeld lat=52.51&lon=6.09)."))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return _bad_request(_("lat of lon ligt buiten de aarde."))
    postcode = (request.GET.get("postcode") or request.GET.get("q") or "").strip()
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
    return [
        hsds_service(r.werkplaats, r.afstand_m, url=page_absolute_url(r.werkplaats, request)) for r in answer.results
    ]


@require_safe
def api_werkplaatsen(request):
    """GET /api/v1/werkplaatsen (and HSDS's /api/v1/services)[?postcode=…|?lat=…&lon=…][&page=…&per_page=…].

    HSDS 3.0 services in HSDS's paged response, nearest first if a place is given.
    """
    site = Site.find_for_request(request)
    if selectors.gemeente_for_site(site) is None:
        return JsonResponse({"error": _("Op dit adres staat geen gemeente.")}, status=404)
    try:
        page_number, per_page = _paging(request)
    except ValueError as fout:
        return _bad_request(str(fout))
    services = _services(request, site)
    if isinstance(services, JsonResponse):
        return services
    return response_cache.mark_cacheable(request, _json(hsds_page(services, page_number, per_page)))


@require_safe
def api_service(request, service_id: str):
    """GET /api/v1/services/<id>: one fully nested HSDS service of this site, by its stable id."""
    site = Site.find_for_request(request)
    if selectors.gemeente_for_site(site) is not None:
        for page in snapshot.werkplaatsen_snapshot(site.pk):
            if stable_id("service", page.pk) == service_id:
                body = hsds_service(page, url=page_absolute_url(page, request))
                return response_cache.mark_cacheable(request, _json(body))
    return _json({"error": _("Deze dienst bestaat hier niet (meer).")}, status=404)
