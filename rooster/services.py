"""Writes with rules for the roster: signing up, the waitlist, cancelling, confirming.

The capacity of a shift is decided inside the transaction that holds a row lock on it, so of twenty
volunteers pressing for the last place exactly one gets it; the others wait for the lock, then see the
shift full. Every refusal is a RoosterFout whose message can be shown to the volunteer as it is.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.models import User, WerkplaatsLidmaatschap
from kern import clock, tokens
from kern.fouten import DomeinFout, Soort
from rooster import selectors, sms
from rooster.models import (
    ACTIEF,
    BEZETTEND,
    AgendaToken,
    Dienst,
    DienstStatus,
    Inschrijving,
    InschrijvingStatus,
    WerkplaatsAgendaToken,
)

# The refusals that are not a clash with the state of the shift (409, the default).
SOORT_PER_CODE = {
    "geen_toegang": Soort.GEWEIGERD,
    "geen_lid": Soort.ONGELDIG,
    "keuze": Soort.ONGELDIG,
    "pin_ongeldig": Soort.ONGELDIG,
    "tekst": Soort.ONGELDIG,
}


class RoosterFout(DomeinFout):
    """A roster rule was broken; ``str(error)`` is a Dutch message fit for the volunteer."""

    def __init__(self, message: str, code: str, *, soort: Soort | None = None):
        super().__init__(message, code, soort=soort or SOORT_PER_CODE.get(code, Soort.CONFLICT))


def _lock_dienst(dienst_id: int) -> Dienst:
    return Dienst.objects.select_for_update().select_related("werkplaats__gemeente").get(pk=dienst_id)


@transaction.atomic
def inschrijving_maken(*, dienst_id: int, user: User, wachtlijst: bool = False) -> Inschrijving:
    """Sign ``user`` up for a shift, or put them on its waitlist when they asked for that."""
    dienst = _lock_dienst(dienst_id)
    if not permissions.can_work_at(user, dienst.werkplaats):
        raise RoosterFout(_("U werkt niet bij deze werkplaats. U kunt zich hier niet inschrijven."), "geen_toegang")
    now = clock.now()
    if dienst.status == DienstStatus.GEANNULEERD:
        raise RoosterFout(_("Deze dienst gaat niet door. Kies een andere dienst."), "geannuleerd")
    if dienst.begin <= now:
        raise RoosterFout(_("Deze dienst is al begonnen of voorbij. Kies een dienst later."), "voorbij")
    # The user's row lock keeps two tabs of the same volunteer from booking two overlapping shifts.
    list(User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))
    bestaand = Inschrijving.objects.filter(dienst=dienst, user=user).first()
    if bestaand and bestaand.status in ACTIEF:
        if bestaand.status == InschrijvingStatus.WACHTLIJST:
            raise RoosterFout(_("U staat al op de wachtlijst voor deze dienst."), "al_ingeschreven")
        raise RoosterFout(_("U staat al ingeschreven voor deze dienst."), "al_ingeschreven")
    overlap = (
        Inschrijving.objects.filter(
            user=user,
            status__in=ACTIEF,
            dienst__status=DienstStatus.GEPLAND,
            dienst__begin__lt=dienst.einde,
            dienst__einde__gt=dienst.begin,
        )
        .exclude(dienst=dienst)
        .select_related("dienst__werkplaats")
        .first()
    )
    if overlap:
        raise RoosterFout(
            _("U heeft dan al een dienst bij %(werkplaats)s (%(wanneer)s). U kunt niet op twee plaatsen tegelijk zijn.")
            % {"werkplaats": overlap.dienst.werkplaats.title, "wanneer": sms.wanneer(overlap.dienst)},
            "overlap",
        )
    bezet = Inschrijving.objects.filter(dienst=dienst, status__in=BEZETTEND).count()
    if bezet < dienst.maximum:
        status, positie = InschrijvingStatus.INGESCHREVEN, None
    elif wachtlijst:
        status = InschrijvingStatus.WACHTLIJST
        positie = (Inschrijving.objects.filter(dienst=dienst).aggregate(m=Max("positie"))["m"] or 0) + 1
    else:
        raise RoosterFout(_("Deze dienst is vol. U kunt op de wachtlijst als u wilt."), "vol")
    if bestaand:
        bestaand.status, bestaand.positie, bestaand.ingeschreven_op = status, positie, now
        bestaand.sequence += 1
        bestaand.ingecheckt_op = bestaand.uitgecheckt_op = bestaand.bevestigd_op = None
        bestaand.save()
        return bestaand
    return Inschrijving.objects.create(dienst=dienst, user=user, status=status, positie=positie, ingeschreven_op=now)


def afmeldtermijn(dienst: Dienst) -> timedelta:
    instellingen = getattr(dienst.werkplaats.gemeente, "rooster_instellingen", None)
    return timedelta(hours=instellingen.afmeldtermijn_uren if instellingen else 24)


@transaction.atomic
def inschrijving_afmelden(*, inschrijving_id: int, user: User) -> Inschrijving:
    """The volunteer signs off. Inside the notice period only by phoning the coordinator."""
    inschrijving = Inschrijving.objects.select_related("user").get(pk=inschrijving_id)
    dienst = _lock_dienst(inschrijving.dienst_id)
    inschrijving.refresh_from_db()
    inschrijving.dienst = dienst
    if inschrijving.user_id != user.pk:
        raise RoosterFout(_("Dit is niet uw inschrijving."), "geen_toegang")
    if inschrijving.status not in ACTIEF:
        raise RoosterFout(_("U staat niet (meer) ingeschreven voor deze dienst."), "niet_ingeschreven")
    now = clock.now()
    if dienst.begin <= now:
        raise RoosterFout(_("Deze dienst is al begonnen of voorbij."), "voorbij")
    termijn = afmeldtermijn(dienst)
    if inschrijving.status in BEZETTEND and dienst.begin - now < termijn and not inschrijving.tijd_veranderd:
        telefoon = selectors.coordinator_telefoon(dienst.werkplaats)
        uren = int(termijn.total_seconds() // 3600)
        if telefoon:
            message = _(
                "Afmelden via de website kan tot %(uren)s uur voor de dienst. Bel de coördinator: %(telefoon)s."
            ) % {"uren": uren, "telefoon": telefoon}
        else:
            message = _("Afmelden via de website kan tot %(uren)s uur voor de dienst. Bel de werkplaats.") % {
                "uren": uren
            }
        raise RoosterFout(message, "termijn")
    oude_sequence = inschrijving.ical_sequence
    had_plaats = inschrijving.status in BEZETTEND
    inschrijving.status, inschrijving.positie = InschrijvingStatus.AFGEMELD, None
    inschrijving.sequence += 1
    inschrijving.save(update_fields=["status", "positie", "sequence"])
    sms.herinnering_intrekken(inschrijving, oude_sequence)
    if had_plaats and dienst.status == DienstStatus.GEPLAND:
        plaats_vrijgeven(
            dienst=dienst, aanleiding=f"{inschrijving.pk}-{inschrijving.sequence}", behalve=inschrijving.user_id
        )
    return inschrijving


def plaats_vrijgeven(*, dienst: Dienst, aanleiding: str, behalve: int | None = None) -> Inschrijving | None:
    """A place came free (caller holds the lock): the first on the waitlist, or an SMS to the others."""
    eerste = (
        Inschrijving.objects.filter(dienst=dienst, status=InschrijvingStatus.WACHTLIJST)
        .select_related("user")
        .order_by("positie", "pk")
        .first()
    )
    if eerste is not None:
        eerste.status, eerste.positie = InschrijvingStatus.INGESCHREVEN, None
        eerste.sequence += 1
        eerste.save(update_fields=["status", "positie", "sequence"])
        eerste.dienst = dienst
        sms.wachtlijst_ingeschreven(eerste)
        return eerste
    for user in _beschikbare_vrijwilligers(dienst).exclude(pk=behalve):
        sms.dienst_open(user, dienst=dienst, aanleiding=aanleiding)
    return None


def _beschikbare_vrijwilligers(dienst: Dienst):
    """Volunteers of the werkplaats who opted in to SMS, are not on this shift and are free then."""
    leden = WerkplaatsLidmaatschap.objects.filter(werkplaats=dienst.werkplaats_id).values("user_id")
    bezig = Inschrijving.objects.filter(
        status__in=ACTIEF,
        dienst__status=DienstStatus.GEPLAND,
        dienst__begin__lt=dienst.einde,
        dienst__einde__gt=dienst.begin,
    ).values("user_id")
    return (
        User.objects.filter(pk__in=leden, is_active=True, sms_toestemming=True, telefoonnummer__isnull=False)
        .exclude(telefoonnummer="")
        .exclude(pk__in=bezig)
        .order_by("pk")
    )


def inschrijving_bevestigen(*, inschrijving: Inschrijving) -> Inschrijving:
    Inschrijving.objects.filter(pk=inschrijving.pk).update(bevestigd_op=clock.now())
    inschrijving.refresh_from_db()
    return inschrijving



# --- calendar tokens ----------------------------------------------------------------------------


@transaction.atomic
def agenda_token_uitgeven(*, user: User) -> str:
    """A new secret feed token; the old one stops working. The token itself is returned once."""
    agenda_token_intrekken(user=user)
    token = tokens.token_generate()
    AgendaToken.objects.create(user=user, token_hash=tokens.token_hash(token))
    return token


def agenda_token_intrekken(*, user: User) -> bool:
    return bool(
        AgendaToken.objects.filter(user=user, ingetrokken_op__isnull=True).update(ingetrokken_op=clock.now())
    )


@transaction.atomic
def werkplaats_agenda_token_uitgeven(*, user: User, werkplaats) -> str:
    """A coördinator's secret link to the werkplaats's roster feed; their previous one stops working."""
    if not permissions.can_coordinate(user, werkplaats):
        raise RoosterFout(_("U bent geen coördinator van deze werkplaats."), "geen_toegang")
    werkplaats_agenda_token_intrekken(user=user, werkplaats=werkplaats)
    token = tokens.token_generate()
    WerkplaatsAgendaToken.objects.create(user=user, werkplaats=werkplaats, token_hash=tokens.token_hash(token))
    return token


def werkplaats_agenda_token_intrekken(*, user: User, werkplaats) -> bool:
    return bool(
        WerkplaatsAgendaToken.objects.filter(user=user, werkplaats=werkplaats, ingetrokken_op__isnull=True).update(
            ingetrokken_op=clock.now()
        )
    )
