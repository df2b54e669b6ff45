"""Writes with rules: logging and editing visits, the queue, signals. Rollup counts move with them."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.audit import audit_log
from berichten.regels import BerichtFout
from berichten.services import bericht_send
from inloop import selectors
from inloop.kiosk_sms import kiosk_sms_reserveren
from inloop.models import (
    STANDAARD_ONDERWERPEN,
    Bezoek,
    BezoekTelling,
    Kiosk,
    Onderwerp,
    Signaal,
    SignaalMelding,
    Uitkomst,
    Wachtnummer,
    Wachtrij,
)
from kern import clock
from kern.fouten import DomeinFout, Soort
from kern.tokens import token_generate, token_hash
from werkplaatsen.models import Gemeente, WerkplaatsPage


class InloopFout(DomeinFout):
    """A rule of the walk-in was broken; the message is fit to show to the user."""


# --- topics -------------------------------------------------------------------------------------


def onderwerpen_standaard(*, gemeente: Gemeente) -> None:
    """Give a gemeente the ten default topics it can then rename, hide or extend."""
    Onderwerp.objects.bulk_create(
        [
            Onderwerp(gemeente=gemeente, code=code, naam=str(naam), volgorde=index)
            for index, (code, naam) in enumerate(STANDAARD_ONDERWERPEN)
        ],
        ignore_conflicts=True,
    )


# --- rollup -------------------------------------------------------------------------------------


def _telling_sleutels(bezoek: Bezoek, onderwerp_codes: list[str]) -> list[tuple[str, str]]:
    D = BezoekTelling.Dimensie
    keys = [(D.BEZOEK, ""), (D.UITKOMST, bezoek.uitkomst), (D.TAAL, bezoek.taal)]
    keys.append((D.EERSTE, "ja" if bezoek.eerste_bezoek else "nee"))
    keys.append((D.UUR, f"{clock.hour_of(bezoek.aangekomen):02d}"))
    keys += [(D.ONDERWERP, code) for code in sorted(set(onderwerp_codes))]
    return keys


def telling_wijzigen(*, werkplaats_id: int, week, sleutels: list[tuple[str, str]], delta: int) -> None:
    """Add ``delta`` to each (dimension, value) count of one werkplaats-week: two queries, any size.

    The rows are created at zero first (ignoring ones that exist), then raised in one UPDATE, which
    takes the row locks: two visits logged at once both count.
    """
    if not sleutels:
        return
    BezoekTelling.objects.bulk_create(
        [
            BezoekTelling(werkplaats_id=werkplaats_id, week=week, dimensie=d, waarde=w, aantal=0)
            for d, w in sleutels
        ],
        ignore_conflicts=True,
    )
    match = Q()
    for d, w in sleutels:
        match |= Q(dimensie=d, waarde=w)
    BezoekTelling.objects.filter(match, werkplaats_id=werkplaats_id, week=week).update(
        aantal=F("aantal") + delta
    )


@transaction.atomic
def telling_herbereken(*, werkplaats_ids: list[int]) -> int:
    """Rebuild the rollup of these werkplaatsen from the visits themselves (after a bulk import).

    The services keep the rollup current; this is for data that arrived around them (the demo seed,
    a migration of old records). Returns the number of rollup rows written.
    """
    BezoekTelling.objects.filter(werkplaats_id__in=werkplaats_ids).delete()
    codes: dict[int, list[str]] = defaultdict(list)
    for bezoek_id, code in Bezoek.onderwerpen.through.objects.filter(
        bezoek__werkplaats_id__in=werkplaats_ids
    ).values_list("bezoek_id", "onderwerp__code"):
        codes[bezoek_id].append(code)
    counts: Counter = Counter()
    for bezoek in (
        Bezoek.objects.filter(werkplaats_id__in=werkplaats_ids)
        .only("werkplaats_id", "aangekomen", "uitkomst", "taal", "eerste_bezoek")
        .iterator(chunk_size=2000)
    ):
        week = clock.week_of(bezoek.aangekomen)
        for dimensie, waarde in _telling_sleutels(bezoek, codes[bezoek.pk]):
            counts[(bezoek.werkplaats_id, week, dimensie, waarde)] += 1
    for werkplaats_id, aangemaakt in Wachtnummer.objects.filter(
        wachtrij__werkplaats_id__in=werkplaats_ids, status=Wachtnummer.Status.NIET_VERSCHENEN
    ).values_list("wachtrij__werkplaats_id", "aangemaakt"):
        counts[(werkplaats_id, clock.week_of(aangemaakt), BezoekTelling.Dimensie.NIET_VERSCHENEN, "")] += 1
    BezoekTelling.objects.bulk_create(
        [
            BezoekTelling(werkplaats_id=w, week=week, dimensie=d, waarde=v, aantal=n)
            for (w, week, d, v), n in counts.items()
        ],
        batch_size=2000,
    )
    return len(counts)


# --- visits -------------------------------------------------------------------------------------


def _bezoek_check(*, werkplaats: WerkplaatsPage, onderwerpen, uitkomst: str, doorverwezen_naar: str) -> None:
    if not onderwerpen:
        raise InloopFout(_("Kies minstens één onderwerp."), "onderwerp_ontbreekt", soort=Soort.ONGELDIG)
    if any(o.gemeente_id != werkplaats.gemeente_id for o in onderwerpen):
        raise InloopFout(_("Dit onderwerp hoort niet bij deze gemeente."), "onderwerp_onbekend", soort=Soort.ONGELDIG)
    if uitkomst not in Uitkomst.values:
        raise InloopFout(_("Kies een uitkomst."), "uitkomst_ontbreekt", soort=Soort.ONGELDIG)
    if uitkomst == Uitkomst.DOORVERWEZEN and not doorverwezen_naar:
        raise InloopFout(
            _("Kies naar wie u heeft doorverwezen."), "doorverwijzing_ontbreekt", soort=Soort.ONGELDIG
        )


@transaction.atomic
def bezoek_log(
    *,
    werkplaats: WerkplaatsPage,
    door,
    onderwerpen: list[Onderwerp],
    uitkomst: str,
    doorverwezen_naar: str = "",
    eerste_bezoek: bool = True,
    taal: str = "nl",
    duur_minuten: int | None = None,
    notitie: str = "",
    wachtnummer: Wachtnummer | None = None,
    nu: datetime | None = None,
) -> Bezoek:
    """Log one anonymous walk-in. From a queue number, the times come from the queue, not the user."""
    nu = nu or clock.now()
    if not permissions.can_log_visits(door, werkplaats):
        raise InloopFout(
            _("U kunt alleen bezoeken vastleggen bij uw eigen werkplaats."), "geen_toegang", soort=Soort.GEWEIGERD
        )
    _bezoek_check(
        werkplaats=werkplaats, onderwerpen=onderwerpen, uitkomst=uitkomst, doorverwezen_naar=doorverwezen_naar
    )
    if wachtnummer is not None:
        if wachtnummer.wachtrij.werkplaats_id != werkplaats.pk:
            raise InloopFout(
                _("Dit nummer hoort bij een andere werkplaats."), "wachtnummer_onbekend", soort=Soort.NIET_GEVONDEN
            )
        if wachtnummer.status not in (Wachtnummer.Status.GEHOLPEN, Wachtnummer.Status.OVERGEDRAGEN):
            raise InloopFout(_("Rond het nummer eerst af voordat u het bezoek vastlegt."), "wachtnummer_open")
        if Bezoek.objects.filter(wachtnummer=wachtnummer).exists():
            raise InloopFout(_("Het bezoek van dit nummer is al vastgelegd."), "bezoek_al_vastgelegd")
        aangekomen, geroepen, afgerond = (
            wachtnummer.aangemaakt,
            wachtnummer.geroepen_op,
            wachtnummer.afgerond_op,
        )
        start = geroepen or aangekomen
        duur_minuten = max(1, round((afgerond - start).total_seconds() / 60))
    else:
        if not duur_minuten or duur_minuten < 1:
            raise InloopFout(_("Kies hoe lang het gesprek duurde."), "duur_ontbreekt", soort=Soort.ONGELDIG)
        # Logged right after the conversation: it ended now and began duur minutes ago.
        afgerond, geroepen = nu, None
        aangekomen = nu - timedelta(minutes=duur_minuten)
    bezoek = Bezoek.objects.create(
        werkplaats=werkplaats,
        aangekomen=aangekomen,
        geroepen=geroepen,
        afgerond=afgerond,
        uitkomst=uitkomst,
        doorverwezen_naar=doorverwezen_naar if uitkomst == Uitkomst.DOORVERWEZEN else "",
        eerste_bezoek=eerste_bezoek,
        taal=taal,
        duur_minuten=duur_minuten,
        notitie=notitie.strip(),
        wachtnummer=wachtnummer,
        gelogd_door=door,
    )
    bezoek.onderwerpen.add(*onderwerpen)
    telling_wijzigen(
        werkplaats_id=werkplaats.pk,
        week=clock.week_of(aangekomen),
        sleutels=_telling_sleutels(bezoek, [o.code for o in onderwerpen]),
        delta=1,
    )
    return bezoek


BEWERKBAAR = ("uitkomst", "doorverwezen_naar", "eerste_bezoek", "taal", "duur_minuten", "notitie")


def bezoek_edit(
    *, bezoek: Bezoek, door, oorsprong: str, onderwerpen: list[Onderwerp], nu: datetime | None = None, **velden
) -> Bezoek:
    """Change a logged visit: its author within 24 hours, after that a coördinator. Always audited."""
    nu = nu or clock.now()
    if not selectors.bezoek_editable(bezoek=bezoek, user=door, now=nu):
        # Outside the edit's transaction, so the refusal stays in the audit log.
        audit_log(actie="inloop.bezoek_wijzigen", resultaat="geweigerd", actor=door, oorsprong=oorsprong, obj=bezoek)
        raise InloopFout(
            _("U kunt dit bezoek niet meer wijzigen: na 24 uur kan alleen de coördinator dat nog."),
            "bezoek_niet_wijzigbaar",
            soort=Soort.GEWEIGERD,
        )
    return _bezoek_edit(bezoek=bezoek, door=door, oorsprong=oorsprong, onderwerpen=onderwerpen, velden=velden)


@transaction.atomic
def _bezoek_edit(*, bezoek: Bezoek, door, oorsprong: str, onderwerpen: list[Onderwerp], velden: dict) -> Bezoek:
    bezoek = Bezoek.objects.select_for_update().select_related("werkplaats").get(pk=bezoek.pk)
    onbekend = set(velden) - set(BEWERKBAAR)
    if onbekend:
        raise InloopFout(_("Deze gegevens kunt u niet wijzigen."), "veld_onbekend", soort=Soort.ONGELDIG)
    uitkomst = velden.get("uitkomst", bezoek.uitkomst)
    doorverwezen = velden.get("doorverwezen_naar", bezoek.doorverwezen_naar)
    _bezoek_check(
        werkplaats=bezoek.werkplaats, onderwerpen=onderwerpen, uitkomst=uitkomst, doorverwezen_naar=doorverwezen
    )
    oude_codes = list(bezoek.onderwerpen.values_list("code", flat=True))
    oud = _telling_sleutels(bezoek, oude_codes)
    for naam, waarde in velden.items():
        if naam == "duur_minuten" and bezoek.wachtnummer_id is not None:
            continue  # measured by the queue, not typed
        setattr(bezoek, naam, waarde)
    if bezoek.uitkomst != Uitkomst.DOORVERWEZEN:
        bezoek.doorverwezen_naar = ""
    bezoek.notitie = bezoek.notitie.strip()
    bezoek.save()
    bezoek.onderwerpen.set(onderwerpen)
    nieuw = _telling_sleutels(bezoek, [o.code for o in onderwerpen])
    week = clock.week_of(bezoek.aangekomen)
    weg = [k for k in oud if k not in nieuw]
    erbij = [k for k in nieuw if k not in oud]
    telling_wijzigen(werkplaats_id=bezoek.werkplaats_id, week=week, sleutels=weg, delta=-1)
    telling_wijzigen(werkplaats_id=bezoek.werkplaats_id, week=week, sleutels=erbij, delta=1)
    audit_log(actie="inloop.bezoek_wijzigen", actor=door, oorsprong=oorsprong, obj=bezoek)
    return bezoek


# --- kiosk and queue ----------------------------------------------------------------------------


@dataclass(frozen=True)
class KioskLinks:
    """The two secret tokens, returned once: the kiosk's (hands out numbers) and the screen's (shows them)."""

    kiosk: str
    scherm: str


def kiosk_uitgeven(*, werkplaats: WerkplaatsPage) -> KioskLinks:
    """New secret tokens for the kiosk and the screen; the previous ones stop working at once.

    Only their hashes are stored, so the tokens returned here are the one chance to put them in links.
    """
    links = KioskLinks(kiosk=token_generate(), scherm=token_generate())
    Kiosk.objects.update_or_create(
        werkplaats=werkplaats,
        defaults={"token_hash": token_hash(links.kiosk), "scherm_token_hash": token_hash(links.scherm)},
    )
    return links


@transaction.atomic
def kiosk_vernieuwen(*, werkplaats: WerkplaatsPage, door, oorsprong: str) -> KioskLinks:
    """The coordinator makes or replaces the link (a kiosk gone missing, a shared photo); returns the token once."""
    if not permissions.can_coordinate(door, werkplaats):
        raise InloopFout(
            _("Alleen de coördinator van deze werkplaats kan de kiosklink vernieuwen."),
            "geen_toegang",
            soort=Soort.GEWEIGERD,
        )
    links = kiosk_uitgeven(werkplaats=werkplaats)
    audit_log(actie="inloop.kiosk_vernieuwen", actor=door, oorsprong=oorsprong, obj=Kiosk.objects.get(werkplaats=werkplaats))
    return links


def _wachtrij_vergrendeld(werkplaats_id: int, nu: datetime) -> Wachtrij:
    """Today's queue row, locked: every change to the queue of a day goes through this one lock."""
    wachtrij, _created = Wachtrij.objects.get_or_create(werkplaats_id=werkplaats_id, datum=clock.today(nu))
    return Wachtrij.objects.select_for_update().get(pk=wachtrij.pk)


@transaction.atomic
def wachtnummer_trekken(
    *, werkplaats: WerkplaatsPage, nu: datetime | None = None, telefoonnummer: str = ""
) -> Wachtnummer:
    """Hand out the next number of today's queue (the kiosk at the door).

    ``telefoonnummer`` (optional, E.164, already checked by the form) gets one SMS when this number
    is next in line, within the kiosk's limits (inloop.kiosk_sms); past them the ticket comes without
    it and ``sms_geweigerd`` on the returned ticket is True.
    """
    nu = nu or clock.now()
    wachtrij = _wachtrij_vergrendeld(werkplaats.pk, nu)
    geweigerd = bool(telefoonnummer) and not kiosk_sms_reserveren(
        werkplaats_id=werkplaats.pk, telefoonnummer=telefoonnummer, nu=nu
    )
    if geweigerd:
        telefoonnummer = ""
    wachtrij.laatste_nummer += 1
    wachtrij.save(update_fields=["laatste_nummer"])
    nummer = Wachtnummer.objects.create(
        wachtrij=wachtrij, nummer=wachtrij.laatste_nummer, aangemaakt=nu, telefoonnummer=telefoonnummer
    )
    nummer.sms_geweigerd = geweigerd
    _volgende_waarschuwen(wachtrij, werkplaats)
    return nummer


def _volgende_waarschuwen(wachtrij: Wachtrij, werkplaats: WerkplaatsPage) -> None:
    """Text the first waiting number that asked for it: it is next. Once per number, then forget it.

    Runs inside the queue lock, so two calls at once cannot both send; the outbox key makes a retry
    harmless too.
    """
    volgende = (
        Wachtnummer.objects.filter(wachtrij=wachtrij, status=Wachtnummer.Status.WACHTEND).order_by("nummer").first()
    )
    if volgende is None or not volgende.telefoonnummer or volgende.sms_gestuurd:
        return
    tekst = _("U bent bijna aan de beurt bij %(werkplaats)s. Uw nummer is %(nummer)s. Komt u naar de balie?")
    for plek in (werkplaats.title, _("de werkplaats")):
        try:
            bericht_send(
                telefoonnummer=volgende.telefoonnummer,
                tekst=tekst % {"werkplaats": plek, "nummer": volgende.nummer},
                soort="wachtrij",
                # A key that leads nowhere: the ticket links to the visit and its topics. The queue lock
                # and sms_gestuurd keep this to one message, so the key need not be derived from the ticket.
                sleutel=f"wachtrij-volgende:{token_generate(16)}",
                # The resident is waiting in or near the room now: quiet hours do not apply.
                urgent=True,
                # The kiosk promised the number is gone the same day: the outbox forgets it once final.
                nummer_wissen=True,
            )
            break
        except BerichtFout:
            # A werkplaats name the outbox refuses (it would say why someone is there): leave it out.
            continue
    Wachtnummer.objects.filter(pk=volgende.pk).update(sms_gestuurd=True, telefoonnummer="")


def wachtnummers_telefoon_wissen(*, voor: date) -> int:
    """Erase the SMS numbers of queues before ``voor``: a resident's number never outlives the day."""
    return Wachtnummer.objects.filter(wachtrij__datum__lt=voor).exclude(telefoonnummer="").update(telefoonnummer="")


def _mag_werken(door, werkplaats: WerkplaatsPage) -> None:
    if not permissions.can_log_visits(door, werkplaats):
        raise InloopFout(_("U werkt niet bij deze werkplaats."), "geen_toegang", soort=Soort.GEWEIGERD)


@transaction.atomic
def wachtnummer_roep_volgende(
    *, werkplaats: WerkplaatsPage, door, nu: datetime | None = None
) -> Wachtnummer | None:
    """Call the lowest waiting number. Two volunteers pressing at once get two different numbers."""
    nu = nu or clock.now()
    _mag_werken(door, werkplaats)
    wachtrij = _wachtrij_vergrendeld(werkplaats.pk, nu)
    nummer = (
        Wachtnummer.objects.filter(wachtrij=wachtrij, status=Wachtnummer.Status.WACHTEND)
        .order_by("nummer")
        .first()
    )
    if nummer is None:
        return None
    _roepen(nummer, door, nu)
    _volgende_waarschuwen(wachtrij, werkplaats)
    return nummer


def _roepen(nummer: Wachtnummer, door, nu: datetime) -> None:
    nummer.status = Wachtnummer.Status.GEROEPEN
    nummer.geroepen_op = nu
    nummer.geroepen_door = door
    # Called: the SMS number has done its work, or never will.
    nummer.telefoonnummer = ""
    nummer.save(update_fields=["status", "geroepen_op", "geroepen_door", "telefoonnummer"])


def _nummer_vergrendeld(wachtnummer: Wachtnummer, door, nu: datetime) -> Wachtnummer:
    werkplaats = WerkplaatsPage.objects.get(pk=wachtnummer.wachtrij.werkplaats_id)
    _mag_werken(door, werkplaats)
    Wachtrij.objects.select_for_update().get(pk=wachtnummer.wachtrij_id)
    return Wachtnummer.objects.select_related("wachtrij").get(pk=wachtnummer.pk)


@transaction.atomic
def wachtnummer_roep(*, wachtnummer: Wachtnummer, door, nu: datetime | None = None) -> Wachtnummer:
    """Call one particular number (someone who needs a language or a specific volunteer)."""
    nu = nu or clock.now()
    nummer = _nummer_vergrendeld(wachtnummer, door, nu)
    if nummer.status != Wachtnummer.Status.WACHTEND:
        raise InloopFout(
            _("Nummer %(n)s wacht niet meer; iemand anders heeft het al geroepen.") % {"n": nummer.nummer},
            "wachtnummer_al_geroepen",
        )
    _roepen(nummer, door, nu)
    _volgende_waarschuwen(nummer.wachtrij, nummer.wachtrij.werkplaats)
    return nummer


AFRONDINGEN = (Wachtnummer.Status.GEHOLPEN, Wachtnummer.Status.OVERGEDRAGEN, Wachtnummer.Status.NIET_VERSCHENEN)


@transaction.atomic
def wachtnummer_afronden(
    *, wachtnummer: Wachtnummer, door, status: str, overgedragen_aan: str = "", nu: datetime | None = None
) -> Wachtnummer:
    """Served, handed to a professional who is present, or gone (did not come when called)."""
    nu = nu or clock.now()
    nummer = _nummer_vergrendeld(wachtnummer, door, nu)
    if status not in AFRONDINGEN:
        raise InloopFout(_("Onbekende afronding."), "afronding_onbekend", soort=Soort.ONGELDIG)
    allowed_from = [Wachtnummer.Status.GEROEPEN]
    if status == Wachtnummer.Status.NIET_VERSCHENEN:
        allowed_from.append(Wachtnummer.Status.WACHTEND)
    if nummer.status not in allowed_from:
        raise InloopFout(_("Nummer %(n)s is al afgerond.") % {"n": nummer.nummer}, "wachtnummer_al_afgerond")
    if status == Wachtnummer.Status.OVERGEDRAGEN and not overgedragen_aan:
        raise InloopFout(_("Kies aan wie u het bezoek overdraagt."), "overdracht_ontbreekt", soort=Soort.ONGELDIG)
    nummer.status = status
    nummer.afgerond_op = nu
    nummer.overgedragen_aan = overgedragen_aan if status == Wachtnummer.Status.OVERGEDRAGEN else ""
    nummer.save(update_fields=["status", "afgerond_op", "overgedragen_aan"])
    if status == Wachtnummer.Status.NIET_VERSCHENEN:
        telling_wijzigen(
            werkplaats_id=nummer.wachtrij.werkplaats_id,
            week=clock.week_of(nummer.aangemaakt),
            sleutels=[(BezoekTelling.Dimensie.NIET_VERSCHENEN, "")],
            delta=1,
        )
    return nummer


# --- signals ------------------------------------------------------------------------------------


@transaction.atomic
def signaal_melden(*, werkplaats: WerkplaatsPage, door, titel: str, categorie: str) -> Signaal:
    _mag_werken(door, werkplaats)
    titel = titel.strip()
    if not titel:
        raise InloopFout(
            _("Beschrijf het signaal in een paar woorden."), "signaal_titel_ontbreekt", soort=Soort.ONGELDIG
        )
    if categorie not in Signaal.Categorie.values:
        raise InloopFout(_("Kies een soort signaal."), "signaal_soort_onbekend", soort=Soort.ONGELDIG)
    signaal = Signaal.objects.create(gemeente_id=werkplaats.gemeente_id, titel=titel, categorie=categorie)
    SignaalMelding.objects.create(signaal=signaal, werkplaats=werkplaats, gemeld_door=door)
    return signaal


@transaction.atomic
def signaal_ook_gezien(*, signaal: Signaal, werkplaats: WerkplaatsPage, door) -> SignaalMelding:
    """Count the same problem again: the gemeente sees how often it comes back."""
    _mag_werken(door, werkplaats)
    if signaal.gemeente_id != werkplaats.gemeente_id:
        raise InloopFout(
            _("Dit signaal hoort bij een andere gemeente."), "signaal_onbekend", soort=Soort.NIET_GEVONDEN
        )
    return SignaalMelding.objects.create(signaal=signaal, werkplaats=werkplaats, gemeld_door=door)
