"""The project's URLs plus views that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from werkplaats_site.urls import urlpatterns as project_urlpatterns


def _weigeren(request):
    raise PermissionDenied("Alleen de coördinator van deze werkplaats mag dit zien.")


def _verdacht(request):
    raise SuspiciousOperation("test")


def _kapot(request):
    raise RuntimeError("test")


urlpatterns = [
    path("test-fout/403/", _weigeren),
    path("test-fout/400/", _verdacht),
    path("test-fout/500/", _kapot),
    *project_urlpatterns,
]
