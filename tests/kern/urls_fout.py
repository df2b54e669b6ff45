"""Views that let a DomeinFout escape, so the middleware's answer can be seen on its own."""

from django.urls import path

from kern.fouten import DomeinFout, Soort


def _raiser(soort: Soort):
    def view(request):
        raise DomeinFout("Dit mag u hier niet doen.", f"test_{soort.value}", soort=soort)

    return view


def _crash(request):
    raise ValueError("not a rule")


urlpatterns = [
    *[path(f"mijn/{soort.value}/", _raiser(soort)) for soort in Soort],
    *[path(f"api/v1/{soort.value}/", _raiser(soort)) for soort in Soort],
    path("mijn/kapot/", _crash),
]
