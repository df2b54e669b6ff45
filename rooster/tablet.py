"""The sign-in tablet of a werkplaats: first name and 4-digit PIN, no login on the shared device.

A wrong PIN counts against the volunteer whose name matched; after five the PIN is locked until the
volunteer sets a new one in Mijn rooster (which says so). An unknown name and a locked PIN get the same
answer as a wrong PIN, so the tablet does not tell passers-by who works there or is on shift.
"""


from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from kern import clock
from kern.tokens import token_generate, token_hash
from rooster.aanwezigheid import OPEN_VOOR
from rooster.models import DienstStatus, Inschrijving, InschrijvingStatus, Pincode, Tablet
from rooster.services import RoosterFout

MAX_POGINGEN = 5


def pincode_instellen(*, user, pin: str) -> Pincode:
    if not (len(pin) == 4 and pin.isdigit()):
        raise RoosterFout(_("Een pincode is 4 cijfers."), "pin_ongeldig")
    pincode, _created = Pincode.objects.update_or_create(
        user=user, defaults={"pin_hash": make_password(pin), "mislukte_pogingen": 0, "geblokkeerd_op": None}
    )
    return pincode


def tablet_uitgeven(*, werkplaats) -> str:
    token = token_generate()
    Tablet.objects.update_or_create(werkplaats=werkplaats, defaults={"token_hash": token_hash(token)})
    return token


def tablet_voor_token(token: str):
    row = Tablet.objects.select_related("werkplaats").filter(token_hash=token_hash(token or "")).first()
    return row.werkplaats if row else None




@transaction.atomic
def tablet_in_of_uitchecken(*, werkplaats, voornaam: str, pin: str) -> tuple[Inschrijving | None, str]:
    """Check the volunteer in, or out when already in: (sign-up, "in" or "uit"), or (None, message)."""
    now = clock.now()
    kandidaten = list(
        Inschrijving.objects.select_for_update()
        .filter(
            dienst__werkplaats=werkplaats,
            dienst__status=DienstStatus.GEPLAND,
            dienst__begin__lte=now + OPEN_VOOR,
            dienst__einde__gt=now,
            status__in=(InschrijvingStatus.INGESCHREVEN, InschrijvingStatus.AANWEZIG),
            user__first_name__iexact=(voornaam or "").strip(),
        )
        .select_related("user", "dienst")
    )
    pincodes = {p.user_id: p for p in Pincode.objects.select_for_update().filter(user__in=[k.user_id for k in kandidaten])}
    for inschrijving in kandidaten:
        pincode = pincodes.get(inschrijving.user_id)
        if pincode is None:
            continue
        if pincode.geblokkeerd_op:
            # "Blocked" would tell a passer-by that this first name is on shift here; the volunteer
            # reads it in Mijn rooster instead.
            continue
        if check_password(pin or "", pincode.pin_hash):
            if pincode.mislukte_pogingen:
                pincode.mislukte_pogingen = 0
                pincode.save(update_fields=["mislukte_pogingen"])
            if inschrijving.status == InschrijvingStatus.AANWEZIG:
                inschrijving.uitgecheckt_op = now
                inschrijving.save(update_fields=["uitgecheckt_op"])
                return inschrijving, "uit"
            inschrijving.status, inschrijving.ingecheckt_op = InschrijvingStatus.AANWEZIG, now
            inschrijving.save(update_fields=["status", "ingecheckt_op"])
            return inschrijving, "in"
        pincode.mislukte_pogingen += 1
        if pincode.mislukte_pogingen >= MAX_POGINGEN:
            pincode.geblokkeerd_op = clock.now()
        pincode.save(update_fields=["mislukte_pogingen", "geblokkeerd_op"])
    # Name and PIN may be right while no shift is near: then say so, not "klopt niet" (a right PIN
    # proves who it is, so this tells a passer-by nothing). A wrong PIN counts here too.
    gezien = {k.user_id for k in kandidaten}
    # A subquery, not a join: a volunteer with two roles here would come twice, and PostgreSQL allows
    # no DISTINCT with FOR UPDATE.
    leden_hier = User.objects.filter(
        first_name__iexact=(voornaam or "").strip(), werkplaats_lidmaatschappen__werkplaats=werkplaats
    ).values("pk")
    leden = (
        Pincode.objects.select_for_update(of=("self",))
        .filter(user__in=leden_hier, geblokkeerd_op__isnull=True)
        .exclude(user_id__in=gezien)
        .select_related("user")
    )
    for pincode in leden:
        if check_password(pin or "", pincode.pin_hash):
            return None, _geen_dienst_nu(werkplaats=werkplaats, user=pincode.user, now=now)
        pincode.mislukte_pogingen += 1
        if pincode.mislukte_pogingen >= MAX_POGINGEN:
            pincode.geblokkeerd_op = now
        pincode.save(update_fields=["mislukte_pogingen", "geblokkeerd_op"])
    # The wrong-try counts must survive the refusal, so the refusal is returned, not raised, by the view.
    return None, _("Naam of pincode klopt niet.")


def _geen_dienst_nu(*, werkplaats, user, now) -> str:
    volgende = (
        Inschrijving.objects.filter(
            user=user,
            dienst__werkplaats=werkplaats,
            dienst__status=DienstStatus.GEPLAND,
            dienst__begin__gt=now,
            status=InschrijvingStatus.INGESCHREVEN,
        )
        .select_related("dienst")
        .order_by("dienst__begin")
        .first()
    )
    tekst = _(
        "Uw pincode klopt, maar u heeft nu geen dienst hier. Inchecken kan vanaf %(minuten)d minuten voor uw dienst."
    ) % {"minuten": OPEN_VOOR.total_seconds() // 60}
    if volgende is not None:
        tekst += " " + _("Uw volgende dienst hier: %(wanneer)s.") % {
            "wanneer": date_format(clock.local(volgende.dienst.begin), "l j F \\o\\m H:i")
        }
    return tekst
