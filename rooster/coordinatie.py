"""What a coördinator does on the roster: assign, remove, and message everyone on a shift."""

import hashlib

from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.audit import audit_log
from accounts.models import User
from berichten.regels import BerichtFout, tekst_check
from rooster import sms
from rooster.models import ACTIEF, BEZETTEND, Dienst, Inschrijving, InschrijvingStatus
from rooster.services import RoosterFout, _lock_dienst, inschrijving_maken, plaats_vrijgeven


def _check(coordinator, werkplaats) -> None:
    if not permissions.can_coordinate(coordinator, werkplaats):
        raise RoosterFout(_("U bent geen coördinator van deze werkplaats."), "geen_toegang")


@transaction.atomic
def inschrijving_toewijzen(*, dienst_id: int, user_id: int, coordinator: User, oorsprong: str = "") -> Inschrijving:
    """Put a volunteer of the werkplaats on a shift; the same rules as signing up themselves."""
    dienst = Dienst.objects.select_related("werkplaats").get(pk=dienst_id)
    _check(coordinator, dienst.werkplaats)
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not permissions.can_work_at(user, dienst.werkplaats):
        raise RoosterFout(_("Deze persoon werkt niet bij deze werkplaats."), "geen_lid")
    inschrijving = inschrijving_maken(dienst_id=dienst.pk, user=user)
    audit_log(actie="rooster.toewijzen", actor=coordinator, oorsprong=oorsprong or "systeem", obj=inschrijving)
    return inschrijving


@transaction.atomic
def inschrijving_verwijderen(*, inschrijving_id: int, coordinator: User, oorsprong: str = "") -> Inschrijving:
    """Take a volunteer off a shift (no notice period for the coördinator); the place is passed on."""
    inschrijving = Inschrijving.objects.select_related("user").get(pk=inschrijving_id)
    dienst = _lock_dienst(inschrijving.dienst_id)
    _check(coordinator, dienst.werkplaats)
    inschrijving.refresh_from_db()
    inschrijving.dienst = dienst
    if inschrijving.status not in ACTIEF:
        raise RoosterFout(_("Deze persoon staat niet (meer) op deze dienst."), "niet_ingeschreven")
    oude_sequence, had_plaats = inschrijving.ical_sequence, inschrijving.status in BEZETTEND
    inschrijving.status, inschrijving.positie = InschrijvingStatus.AFGEMELD, None
    inschrijving.sequence += 1
    inschrijving.save(update_fields=["status", "positie", "sequence"])
    sms.herinnering_intrekken(inschrijving, oude_sequence)
    sms.door_coordinator_afgemeld(inschrijving)
    if had_plaats and not dienst.geannuleerd:
        plaats_vrijgeven(dienst=dienst, aanleiding=f"{inschrijving.pk}-{inschrijving.sequence}", behalve=inschrijving.user_id)
    audit_log(actie="rooster.verwijderen", actor=coordinator, oorsprong=oorsprong or "systeem", obj=inschrijving)
    return inschrijving


def dienst_bericht(*, dienst_id: int, coordinator: User, tekst: str, oorsprong: str = "") -> int:
    """An SMS to everyone on the shift who accepts SMS; returns how many. A repeat sends nothing new."""
    dienst = Dienst.objects.select_related("werkplaats").get(pk=dienst_id)
    _check(coordinator, dienst.werkplaats)
    try:
        tekst = tekst_check(tekst)
    except BerichtFout as error:
        raise RoosterFout(str(error), "tekst") from error
    digest = hashlib.sha256(tekst.encode()).hexdigest()[:16]
    verstuurd = 0
    for inschrijving in Inschrijving.objects.filter(dienst=dienst, status__in=BEZETTEND).select_related("user"):
        verstuurd += sms.aan_team(inschrijving.user, tekst=tekst, sleutel=f"dienst-bericht:{dienst.pk}:{digest}:{inschrijving.user_id}")
    audit_log(actie="rooster.bericht_team", actor=coordinator, oorsprong=oorsprong or "systeem", obj=dienst)
    return verstuurd
