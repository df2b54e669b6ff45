"""factory-boy factories shared by every suite."""

from datetime import time
from decimal import Decimal

import factory
from wagtail.models import Page, Site

from accounts.models import (
    GemeenteLidmaatschap,
    OrganisatieLidmaatschap,
    User,
    WerkplaatsLidmaatschap,
    WerkplaatsRol,
)
from content.models import HomePage
from werkplaatsen.models import Gemeente, Organisatie, Spreekuur, WerkplaatsIndexPage, WerkplaatsPage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    password = factory.django.Password("correct-paard-batterij")


def gemeente_create(*, naam: str = "Zwolle", cbs_code: str = "GM0193") -> Gemeente:
    """A gemeente with its own Site, home page and werkplaatsen index, as an editor would set it up.

    The first gemeente takes over Wagtail's default site (so the test client's host finds it); later
    ones get a site at <slug>.localhost.
    """
    root = Page.get_first_root_node()
    slug = naam.lower().replace(" ", "-")
    home = root.add_child(instance=HomePage(title=f"Werkplaats {naam}", slug=slug))
    home.add_child(instance=WerkplaatsIndexPage(title="Werkplaatsen", slug="werkplaatsen"))
    site = Site.objects.filter(is_default_site=True, gemeente__isnull=True).first()
    if site is not None:
        site.root_page = home
        site.site_name = f"Werkplaats {naam}"
        site.save()
    else:
        site = Site.objects.create(
            hostname=f"{slug}.localhost", port=80, root_page=home, site_name=f"Werkplaats {naam}"
        )
    return Gemeente.objects.create(naam=naam, slug=slug, cbs_code=cbs_code, site=site)


def werkplaats_create(gemeente: Gemeente, *, title: str = "Werkplaats Centrum", **fields) -> WerkplaatsPage:
    index = WerkplaatsIndexPage.objects.descendant_of(gemeente.site.root_page).get()
    defaults = {
        "straat": "Melkmarkt 20",
        "postcode": "8011 MC",
        "plaats": gemeente.naam,
        "latitude": Decimal("52.512700"),
        "longitude": Decimal("6.093600"),
    }
    defaults.update(fields)
    slug = fields.pop("slug", None) or title.lower().replace(" ", "-")
    defaults.pop("slug", None)
    return index.add_child(instance=WerkplaatsPage(title=title, slug=slug, **defaults))


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    naam = factory.Sequence(lambda n: f"Organisatie {n}")


def spreekuur_create(page: WerkplaatsPage, weekdag: int, opent: str, sluit: str, **fields) -> Spreekuur:
    """A spreekuur on a werkplaats, times as "09:00"."""
    return Spreekuur.objects.create(
        werkplaats=page, weekdag=weekdag, opent=time.fromisoformat(opent), sluit=time.fromisoformat(sluit), **fields
    )


def lidmaatschap_create(user: User, werkplaats: WerkplaatsPage, rol: str = WerkplaatsRol.VRIJWILLIGER):
    return WerkplaatsLidmaatschap.objects.create(user=user, werkplaats=werkplaats, rol=rol)


__all__ = [
    "GemeenteLidmaatschap",
    "OrganisatieFactory",
    "OrganisatieLidmaatschap",
    "UserFactory",
    "gemeente_create",
    "lidmaatschap_create",
    "spreekuur_create",
    "werkplaats_create",
]
