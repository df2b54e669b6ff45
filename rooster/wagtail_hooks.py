"""The editor sees what publishing new opening hours would do to the roster, before publishing."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from rooster.generatie import diensten_vooruitblik, vooruitblik_regels
from werkplaatsen.models import WerkplaatsPage


def gevolgen_melding(page) -> str | None:
    """The warning for the edit view of a werkplaats whose draft differs from what is published."""
    if not isinstance(page, WerkplaatsPage):
        return None
    record = Page.objects.filter(pk=page.pk).values("live", "has_unpublished_changes").first()
    if not record or not (record["live"] and record["has_unpublished_changes"]):
        return None
    regels = vooruitblik_regels(diensten_vooruitblik(werkplaats=page))
    if not regels:
        return None
    return " ".join([_("Als u deze versie publiceert, verandert het rooster:"), *regels])


@hooks.register("before_edit_page")
def rooster_gevolgen_tonen(request, page):
    # Only when the form is shown: the page object is then the latest draft, with its spreekuren in memory.
    if request.method != "GET":
        return None
    melding = gevolgen_melding(page)
    if melding:
        messages.warning(request, melding)
    return None
