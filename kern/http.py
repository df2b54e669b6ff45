"""The one place where a broken rule becomes an HTTP answer.

A view that can show the refusal in its own form does so (with ``fout.status``); anything it lets
through reaches ``DomeinFoutMiddleware``, which answers with the status of the error's soort: JSON
``{"code": ..., "message": ...}`` for programs, a short Dutch page for people. Without it an
uncaught refusal would be a 500 that says nothing to the user.
"""

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from kern.fouten import DomeinFout

logger = logging.getLogger(__name__)

# Paths whose callers are programs, whatever their Accept header says.
JSON_PADEN = ("/api/",)
TEMPLATE = "fout.html"


def wil_json(request: HttpRequest) -> bool:
    """Whether the caller asked for JSON: an API path, or JSON preferred over HTML in Accept."""
    paden = getattr(settings, "DOMEINFOUT_JSON_PADEN", JSON_PADEN)
    if request.path.startswith(tuple(paden)):
        return True
    # A browser's "*/*" prefers the first of these, so only an explicit JSON preference counts.
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def _terug(request: HttpRequest) -> str:
    """Where "back" goes: the page the user came from on this site, otherwise the home page."""
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return "/"


def fout_response(
    request: HttpRequest, fout: DomeinFout, *, template: str | None = None, context: dict | None = None
) -> HttpResponse:
    """The answer to a broken rule, with the status of its soort."""
    if wil_json(request):
        return JsonResponse({"code": fout.code, "message": fout.message}, status=fout.status)
    pagina = {"fout": fout, "terug": _terug(request), **(context or {})}
    return render(request, template or TEMPLATE, pagina, status=fout.status)


class DomeinFoutMiddleware:
    """Turns a DomeinFout that no view caught into its status and message; leaves other errors alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DomeinFout):
            return None
        # The code only: messages may name a werkplaats or a number, and logs hold no personal data.
        logger.info("domeinfout %s (%s) op %s", exception.code, exception.status, request.path)
        return fout_response(request, exception)
