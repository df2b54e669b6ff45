"""Logging in without a password: a one-time code by SMS, and a coordinator's invitation link.

Volunteers are often not at ease with passwords, so their phone is the key: they ask for a code
with their mobile number, type the six digits, and are in. Codes are stored as an HMAC keyed with
SECRET_KEY (six digits are guessed in a million tries, so a stolen table must not be enough), work once,
expire, and allow five tries; invitation tokens are long and random, stored as kern.tokens' hash.
Asking for a code says the same whether the number is known or not, so the form tells nobody who
volunteers here.

accounts does not send SMS itself (it depends on no app that does); the project registers the sender
at start-up (werkplaats_site.apps), which hands the text to the berichten outbox.
"""

import hmac
import secrets
from collections.abc import Callable
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from accounts.audit import AuditResultaat, audit_log
from accounts.models import Inlogcode, Uitnodiging, User, WerkplaatsLidmaatschap, WerkplaatsRol
from accounts.permissions import can_coordinate
from kern import clock
from kern.fouten import DomeinFout, Soort
from kern.telefoon import mobile_normalize
from kern.tokens import keyed_hash, token_generate, token_hash

CODE_MINUTES = 10
CODE_TRIES = 5
# At most this many codes per person in CODE_WINDOW: enough for a typo, not for a flood of SMS.
CODES_PER_WINDOW = 3
CODE_WINDOW = timedelta(minutes=15)
INVITATION_DAYS = 7

# sender(telefoonnummer, tekst, sleutel): registered by the project; the key makes a resend harmless.
_sender: Callable[[str, str, str], None] | None = None


class InlogFout(DomeinFout):
    """A login or invitation attempt that cannot go on; the message is fit for the person."""


def sender_register(sender: Callable[[str, str, str], None]) -> None:
    global _sender
    _sender = sender


def _send(telefoonnummer: str, tekst: str, sleutel: str) -> None:
    if _sender is None:
        raise ImproperlyConfigured("No SMS sender registered for accounts.sms_login")
    _sender(telefoonnummer, tekst, sleutel)


@transaction.atomic
def inlogcode_request(*, telefoonnummer: str, oorsprong: str = "systeem") -> None:
    """Send a code to the account with this mobile number, if there is one; silent otherwise.

    Raises InlogFout only for what the person typed (not a mobile number) or for too many requests.
    Known or not, a number gets the same answer, the same limit and the same work in the request
    (a code row, the audit line, a job); only the job knows whether an SMS goes out.
    """
    nummer = mobile_normalize(telefoonnummer)
    nummer_hash = keyed_hash(f"nummer:{nummer}")
    now = clock.now()
    # Rows of unknown numbers only serve the limit: gone once out of the window.
    Inlogcode.objects.filter(user=None, aangemaakt__lt=now - CODE_WINDOW).delete()
    recent = Inlogcode.objects.select_for_update().filter(nummer_hash=nummer_hash, aangemaakt__gte=now - CODE_WINDOW)
    if len(recent) >= CODES_PER_WINDOW:
        raise InlogFout(
            _("U heeft net al een paar codes gevraagd. Wacht een kwartier en probeer het opnieuw."), "codes_te_vaak"
        )
    user = User.objects.filter(telefoonnummer=nummer, is_active=True).first()
    code = f"{secrets.randbelow(1_000_000):06d}"
    inlogcode = Inlogcode.objects.create(
        user=user,
        nummer_hash=nummer_hash,
        code_hash=keyed_hash(f"{user.pk if user else 0}:{code}"),
        verloopt=now + timedelta(minutes=CODE_MINUTES),
    )
    audit_log(
        actie="inloggen.smscode",
        resultaat=AuditResultaat.GELUKT if user else AuditResultaat.GEWEIGERD,
        actor=user,
        oorsprong=oorsprong,
        obj=inlogcode,
    )
    if settings.JOBS_ASYNC:
        # After the commit, so the job finds the row; the outbox's queue, so a login code does not
        # wait behind shift generation.
        transaction.on_commit(partial(_code_send_enqueue, inlogcode.pk, code))
    else:
        inlogcode_send_job(inlogcode.pk, code)  # no Redis (demo, tests): in this request


def _code_send_enqueue(inlogcode_id: int, code: str) -> None:
    import django_rq

    django_rq.get_queue("berichten").enqueue(inlogcode_send_job, inlogcode_id, code)


def inlogcode_send_job(inlogcode_id: int, code: str) -> None:
    """The SMS for a code row: nothing for a row of an unknown number."""
    inlogcode = Inlogcode.objects.select_related("user").filter(pk=inlogcode_id, user__isnull=False).first()
    if inlogcode is None:
        return
    _send(
        inlogcode.user.telefoonnummer,
        _("Uw inlogcode voor Werkplaats is %(code)s. De code werkt %(minuten)d minuten. Deel hem met niemand.")
        % {"code": code, "minuten": CODE_MINUTES},
        f"inlogcode:{inlogcode.pk}",
    )


def inlogcode_verify(*, telefoonnummer: str, code: str, oorsprong: str = "systeem") -> User:
    """The user the code belongs to; InlogFout when it is wrong, used, expired or tried too often.

    A wrong try is counted and audited in a transaction of its own that commits before the error is
    raised: rolled back with the error, the five-try limit would never be reached.
    """
    try:
        nummer = mobile_normalize(telefoonnummer)
    except ValidationError:
        nummer = None
    with transaction.atomic():
        user = User.objects.filter(telefoonnummer=nummer, is_active=True).first() if nummer else None
        now = clock.now()
        latest = (
            Inlogcode.objects.select_for_update()
            .filter(user=user, gebruikt__isnull=True, verloopt__gt=now)
            .order_by("-aangemaakt")
            .first()
            if user
            else None
        )
        accepted = (
            latest is not None
            and latest.pogingen < CODE_TRIES
            and hmac.compare_digest(latest.code_hash, keyed_hash(f"{user.pk}:{code.strip()}"))
        )
        if accepted:
            latest.gebruikt = now
            latest.save(update_fields=["gebruikt"])
        else:
            if latest is not None:
                latest.pogingen += 1
                latest.save(update_fields=["pogingen"])
            audit_log(
                actie="inloggen.smscode.controle", resultaat=AuditResultaat.GEWEIGERD, actor=user, oorsprong=oorsprong
            )
    if not accepted:
        raise InlogFout(
            _("Deze code klopt niet of is verlopen. Vraag een nieuwe code aan."), "code_onjuist", soort=Soort.ONGELDIG
        )
    return user


def _username_for(voornaam: str) -> str:
    base = "".join(c for c in voornaam.lower() if c.isalnum())[:20] or "vrijwilliger"
    return f"{base}-{get_random_string(6, allowed_chars='abcdefghjkmnpqrstuvwxyz23456789')}"


@transaction.atomic
def uitnodiging_create(*, door: User, werkplaats, voornaam: str, telefoonnummer: str, link_for: Callable[[str], str]) -> None:
    """A coordinator invites a volunteer by mobile number: an SMS link that makes them a member once used.

    ``link_for(token)`` makes the absolute URL (the view knows the host). The number may belong to an
    account already, here or in another gemeente, or to one that is switched off: the coordinator
    must learn none of that (nor its name), so every case returns the same nothing, and no
    membership exists before the person accepts (uitnodiging_accept).
    """
    if not can_coordinate(door, werkplaats):
        raise InlogFout(
            _("U kunt alleen uitnodigen voor een werkplaats die u coördineert."), "geen_toegang", soort=Soort.GEWEIGERD
        )
    nummer = mobile_normalize(telefoonnummer)
    user = User.objects.filter(telefoonnummer=nummer).first()
    bestaand = user is not None
    if user is None:
        user = User(username=_username_for(voornaam), first_name=voornaam.strip()[:150], telefoonnummer=nummer)
        user.set_unusable_password()
        # Asked for by the coordinator together with the volunteer, for the invitation and reminders.
        user.sms_toestemming_geven()
        user.save()
    elif not user.is_active:
        # A switched-off account is not woken up by an invitation; the beheerder turns it back on.
        audit_log(actie="uitnodiging.maken", resultaat=AuditResultaat.GEWEIGERD, actor=door)
        return
    token = token_generate()
    uitnodiging = Uitnodiging.objects.create(
        user=user, werkplaats=werkplaats, uitgenodigd_door=door, token_hash=token_hash(token),
        verloopt=clock.now() + timedelta(days=INVITATION_DAYS),
    )
    if bestaand:
        tekst = _(
            "%(werkplaats)s nodigt u uit als vrijwilliger. Wilt u dat? Neem de uitnodiging aan via deze link "
            "(%(dagen)d dagen geldig): %(link)s"
        ) % {"werkplaats": werkplaats.title, "dagen": INVITATION_DAYS, "link": link_for(token)}
    else:
        tekst = _(
            "Welkom bij Werkplaats, %(naam)s! Log de eerste keer in via deze link (%(dagen)d dagen geldig): %(link)s"
        ) % {"naam": user.first_name, "dagen": INVITATION_DAYS, "link": link_for(token)}
    _send(nummer, tekst, f"uitnodiging:{uitnodiging.pk}")
    audit_log(actie="uitnodiging.maken", actor=door, obj=uitnodiging)


def uitnodiging_for_token(token: str) -> Uitnodiging | None:
    """The open invitation for a token (None when unknown, used or expired)."""
    # Invitations sent before the tokens came from kern.tokens hold the HMAC; they expire within
    # INVITATION_DAYS, after which the second hash can go.
    hashes = [token_hash(token), keyed_hash(token)]
    return (
        Uitnodiging.objects.select_related("user", "werkplaats")
        .filter(token_hash__in=hashes, gebruikt__isnull=True, verloopt__gt=clock.now(), user__is_active=True)
        .first()
    )


@transaction.atomic
def uitnodiging_accept(*, token: str, oorsprong: str = "systeem") -> User:
    uitnodiging = uitnodiging_for_token(token)
    if uitnodiging is None:
        raise InlogFout(_("Deze link werkt niet meer. Log in met uw telefoonnummer en een sms-code."), "link_verlopen")
    updated = Uitnodiging.objects.filter(pk=uitnodiging.pk, gebruikt__isnull=True).update(gebruikt=clock.now())
    if not updated:  # used in another tab a moment ago
        raise InlogFout(_("Deze link werkt niet meer. Log in met uw telefoonnummer en een sms-code."), "link_verlopen")
    # Only now, by the person's own choice, do they join the werkplaats that invited them.
    WerkplaatsLidmaatschap.objects.get_or_create(
        user=uitnodiging.user, werkplaats=uitnodiging.werkplaats, rol=WerkplaatsRol.VRIJWILLIGER
    )
    audit_log(actie="uitnodiging.gebruiken", actor=uitnodiging.user, oorsprong=oorsprong, obj=uitnodiging)
    return uitnodiging.user
