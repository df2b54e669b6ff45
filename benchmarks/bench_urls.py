"""The project's URLs plus the baseline: a bare Django view returning a fixed string."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare", bare), path("", include("werkplaats_site.urls"))]
