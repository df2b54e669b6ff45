"""Demo data: a fictional werkplaatsen network in Zwolle, built idempotently.

Every object is looked up by a natural key before it is created, so running the seed twice changes
nothing. Later apps add their own steps to ``STEPS``-style functions here (spreekuren, shifts, visits).
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.contrib.auth.hashers import make_password
from django.db import transaction
from wagtail.models import Locale, Page, Site

from accounts.models import (
    GemeenteLidmaatschap,
    GemeenteRol,
    OrganisatieLidmaatschap,
    OrganisatieRol,
    User,
    WerkplaatsLidmaatschap,
    WerkplaatsRol,
)
from content.demo import content_demo_seed
from content.models import HomePage
from inloop.demo import inloop_demo_seed
from rooster.demo import rooster_demo_seed
from werkplaatsen.demo import werkplaatsen_demo_seed
from werkplaatsen.models import Gemeente, Organisatie, WerkplaatsPage

# Shared by every demo account; the seed refuses to run outside DEBUG so this never reaches production.
DEMO_PASSWORD = "werkplaats-demo"  # noqa: S105

ORGANISATIES = [
    ("Sociaal Raadslieden Zwolle (demo)", OrganisatieRol.SOCIAAL_RAADSLID, "raadslid"),
    ("Budgetcoaching Gemeente Zwolle (demo)", OrganisatieRol.BUDGETCOACH, "budgetcoach"),
    ("Schuldhulpverlening Zwolle (demo)", OrganisatieRol.SCHULDHULPVERLENER, "schuldhulp"),
]

VOORNAMEN = [
    "Anouk",
    "Bram",
    "Chantal",
    "Dirk",
    "Esra",
    "Fatima",
    "Gerrit",
    "Hanneke",
    "Ilse",
    "Jeroen",
    "Karin",
    "Latifa",
]


@dataclass
class DemoResult:
    gemeente: Gemeente
    home: HomePage
    werkplaatsen: list[WerkplaatsPage] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _demo_password_hash() -> str:
    # Hashing is slow on purpose (about half a second); every demo account shares one known password,
    # so it is hashed once per process instead of once per account.
    return make_password(DEMO_PASSWORD)


def _user(username: str, *, first_name: str, last_name: str = "", phone: str | None = None, **flags) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, "telefoonnummer": phone, **flags},
    )
    if created:
        user.password = _demo_password_hash()
        if phone:
            user.sms_toestemming_geven()
        user.save()
    return user


def _tree_root() -> Page:
    """Wagtail's migrations create the locale and tree root; a flushed database lacks them."""
    locale = Locale.objects.first() or Locale.objects.create(language_code="nl")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


def _home_and_site() -> tuple[HomePage, Site]:
    root = _tree_root()
    home = HomePage.objects.filter(slug="zwolle").first()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title="Werkplaats Geldzaken Zwolle",
                slug="zwolle",
                intro="Vragen over geld of post? Loop binnen bij een werkplaats in uw wijk. "
                "Zonder afspraak en gratis.",
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Werkplaats Geldzaken Zwolle",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Werkplaats Geldzaken Zwolle"
        site.save()
    # Wagtail's own welcome page has no place once our home page is the root of the site.
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    return home, site


@transaction.atomic
def seed_demo() -> DemoResult:
    home, site = _home_and_site()
    gemeente, _ = Gemeente.objects.get_or_create(
        slug="zwolle",
        defaults={"naam": "Zwolle (demo)", "cbs_code": "GM0193", "site": site, "contact_telefoon": "14 038"},
    )
    result = DemoResult(gemeente=gemeente, home=home)
    result.werkplaatsen = werkplaatsen_demo_seed(home)
    content_demo_seed(home)

    admin = _user("beheerder", first_name="Beheerder", is_staff=True, is_superuser=True)
    GemeenteLidmaatschap.objects.get_or_create(user=admin, gemeente=gemeente, rol=GemeenteRol.REDACTEUR)
    result.logins.append(("beheerder", "beheerder van de site en de Wagtail-beheeromgeving (/beheer/)"))

    beleid = _user("beleid", first_name="Marieke", last_name="Vos")
    GemeenteLidmaatschap.objects.get_or_create(
        user=beleid, gemeente=gemeente, rol=GemeenteRol.BELEIDSMEDEWERKER
    )
    result.logins.append(("beleid", "beleidsmedewerker van de gemeente: rapportages"))

    for index, werkplaats in enumerate(result.werkplaatsen):
        coordinator = _user(
            f"coordinator-{werkplaats.slug}",
            first_name=VOORNAMEN[(index * 2 + 1) % len(VOORNAMEN)],
            last_name="Coördinator",
            phone=f"+3161000{index:04d}",
        )
        WerkplaatsLidmaatschap.objects.get_or_create(
            user=coordinator, werkplaats=werkplaats, rol=WerkplaatsRol.COORDINATOR
        )
        for number in range(2):
            n = index * 2 + number
            volunteer = _user(
                f"vrijwilliger-{n + 1}",
                first_name=VOORNAMEN[n % len(VOORNAMEN)],
                phone=f"+3162000{n:04d}",
            )
            WerkplaatsLidmaatschap.objects.get_or_create(
                user=volunteer, werkplaats=werkplaats, rol=WerkplaatsRol.VRIJWILLIGER
            )
    result.logins.append(
        ("coordinator-binnenstad", "coördinator van Werkplaats Binnenstad (één per werkplaats)")
    )
    result.logins.append(
        ("vrijwilliger-1", "vrijwilliger bij Werkplaats Binnenstad (vrijwilliger-1 t/m -12); of log in met sms-code op 06 20000000: de code staat in de terminal")
    )

    for naam, rol, username in ORGANISATIES:
        organisatie, _ = Organisatie.objects.get_or_create(gemeente=gemeente, naam=naam)
        professional = _user(username, first_name=rol.label, last_name="Demo")
        OrganisatieLidmaatschap.objects.get_or_create(user=professional, organisatie=organisatie, rol=rol)
        result.logins.append((username, f"{rol.label.lower()} bij {naam}"))
    inloop_demo_seed(result.werkplaatsen)
    rooster_demo_seed(result.werkplaatsen)
    return result
