"""The HTML of the public site and every /mijn/ page, rendered on the demo data with the test client.

Used by the checks that look at all pages at once (the W3C Nu HTML checker, the form fields).
Forms are also rendered with their errors, since that markup differs.
"""

import re

from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from werkplaatsen.models import WerkplaatsPage

# Pages under /mijn/ (and the tablets and kiosks they hand out) versus the public site.
PUBLIC = "publiek"
WORKSPACE = "mijn"


class _Pages:
    def __init__(self, client):
        self.client = client
        self.html: dict[str, tuple[str, str]] = {}

    def get(self, part: str, name: str, url: str, status: int = 200) -> str:
        return self._keep(part, name, url, self.client.get(url), status)

    def post(self, part: str, name: str, url: str, data: dict, status: int = 200) -> str:
        return self._keep(part, name, url, self.client.post(url, data), status)

    def _keep(self, part, name, url, response, status) -> str:
        assert response.status_code == status, f"{name}: {url} answered {response.status_code}"
        html = response.content.decode()
        if not response.has_header("Location"):
            self.html[name] = (part, html)
        return html


def demo_pages_render(client, settings) -> dict[str, tuple[str, str]]:
    """{name: (PUBLIC or WORKSPACE, html)} for the pages a resident, volunteer and coordinator see."""
    settings.DEBUG = True  # seed_demo refuses to run without it
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.DEBUG = False  # as in production, and so that errors get our own pages
    binnenstad = WerkplaatsPage.objects.get(slug="binnenstad")
    p = _Pages(client)

    p.get(PUBLIC, "home", "/")
    p.get(PUBLIC, "finder", "/werkplaatsen/")
    p.get(PUBLIC, "finder-resultaten", "/werkplaatsen/?q=8011+MC")
    p.get(PUBLIC, "finder-onbekende-postcode", "/werkplaatsen/?q=9999+ZZ")
    p.get(PUBLIC, "werkplaats", binnenstad.url)
    for slug in ("veelgestelde-vragen", "over-de-werkplaatsen", "toegankelijkheid", "privacy"):
        p.get(PUBLIC, slug, f"/{slug}/")
    p.get(PUBLIC, "404", "/bestaat-niet/", 404)

    p.get(WORKSPACE, "inloggen", "/mijn/inloggen/")
    p.post(WORKSPACE, "inloggen-fout", "/mijn/inloggen/", {"username": "iemand", "password": "fout"})
    p.get(WORKSPACE, "inloggen-sms", "/mijn/inloggen/sms/")
    p.post(WORKSPACE, "inloggen-sms-fout", "/mijn/inloggen/sms/", {"telefoonnummer": "12"})
    p.post(WORKSPACE, "inloggen-sms-verstuurd", "/mijn/inloggen/sms/", {"telefoonnummer": "06 20000000"}, 302)
    p.get(WORKSPACE, "inloggen-sms-code", "/mijn/inloggen/sms/code/")
    p.post(WORKSPACE, "inloggen-sms-code-fout", "/mijn/inloggen/sms/code/", {"code": "12"})

    client.force_login(User.objects.get(username="vrijwilliger-1"))
    p.get(WORKSPACE, "overzicht", "/mijn/")
    p.get(WORKSPACE, "tweestaps-instellen", "/mijn/tweestaps/instellen/")
    p.post(WORKSPACE, "tweestaps-instellen-fout", "/mijn/tweestaps/instellen/", {"code": "12"})
    p.get(WORKSPACE, "rooster-vrijwilliger", "/mijn/rooster/")
    p.get(WORKSPACE, "inloop", "/mijn/inloop/")
    p.get(WORKSPACE, "bezoek", f"/mijn/inloop/{binnenstad.pk}/bezoek/")
    p.post(WORKSPACE, "bezoek-fout", f"/mijn/inloop/{binnenstad.pk}/bezoek/", {"uitkomst": "doorverwezen"}, 400)
    p.get(WORKSPACE, "wachtrij", f"/mijn/inloop/{binnenstad.pk}/wachtrij/")
    p.get(WORKSPACE, "signalen", "/mijn/inloop/signalen/")
    p.get(WORKSPACE, "403", "/mijn/inloop/rapportage/", 403)
    p.post(WORKSPACE, "signalen-fout", "/mijn/inloop/signalen/", {"titel": ""}, 400)

    coordinator = User.objects.get(username="coordinator-binnenstad")
    client.force_login(coordinator)
    p.get(WORKSPACE, "rooster-coordinator", f"/mijn/rooster/werkplaats/{binnenstad.pk}/")
    p.get(WORKSPACE, "uitnodigen", "/mijn/uitnodigen/")
    p.post(WORKSPACE, "uitnodigen-fout", "/mijn/uitnodigen/", {"voornaam": "", "telefoonnummer": "12"})
    p.get(WORKSPACE, "kiosk-beheer-nog-geen", f"/mijn/inloop/{binnenstad.pk}/kiosk/")
    # Only a hash is kept: the links show once, in the answer to making them.
    kiosk_beheer = p.post(WORKSPACE, "kiosk-beheer", f"/mijn/inloop/{binnenstad.pk}/kiosk/", {})
    p.get(WORKSPACE, "kiosk-beheer-uitgegeven", f"/mijn/inloop/{binnenstad.pk}/kiosk/")
    for name, pattern in (("inloop-kiosk", r"/inloop/kiosk/[^<\s\"]+"), ("inloop-scherm", r"/inloop/scherm/[^<\s\"]+")):
        found = re.search(pattern, kiosk_beheer)
        assert found, f"no {name} link on the kiosk page"
        p.get(WORKSPACE, name, found.group(0))
    tablet = client.post(f"/mijn/rooster/werkplaats/{binnenstad.pk}/tablet/", follow=True).content.decode()
    found = re.search(r"/mijn/rooster/tablet/[^<\s\"]+", tablet)
    assert found, "no tablet link on the coordinator's roster"
    p.get(WORKSPACE, "rooster-tablet", found.group(0))

    client.force_login(User.objects.get(username="beleid"))
    p.get(WORKSPACE, "rapportage", "/mijn/inloop/rapportage/")
    p.get(WORKSPACE, "rapportage-fout", "/mijn/inloop/rapportage/?van=2026-11-01&tot=2026-01-01", 400)

    # The second factor's code page, for someone who set up an app before.
    TOTPDevice.objects.create(user=coordinator, name="Authenticator-app", confirmed=True)
    client.force_login(coordinator)
    p.get(WORKSPACE, "tweestaps", "/mijn/tweestaps/")
    p.post(WORKSPACE, "tweestaps-fout", "/mijn/tweestaps/", {"code": "12"})
    return p.html
