"""Reads with rules for the roster: my shifts, open shifts, coverage for the coordinator."""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Count, Prefetch, Q

from accounts import permissions
from accounts.models import User, WerkplaatsRol
from kern import clock
from kern.tokens import token_hash
from rooster.models import ACTIEF, BEZETTEND, Dienst, DienstStatus, Inschrijving, InschrijvingStatus


def coordinator_telefoon(werkplaats) -> str:
    """Who to phone about a shift: a coördinator's mobile, else the werkplaats, else the gemeente."""
    nummer = (
        User.objects.filter(
            werkplaats_lidmaatschappen__werkplaats=werkplaats,
            werkplaats_lidmaatschappen__rol=WerkplaatsRol.COORDINATOR,
            is_active=True,
        )
        .exclude(telefoonnummer__isnull=True)
        .exclude(telefoonnummer="")
        .order_by("pk")
        .values_list("telefoonnummer", flat=True)
        .first()
    )
    return nummer or werkplaats.telefoon or werkplaats.gemeente.contact_telefoon or ""


def _with_team(diensten):
    """Attach the co-volunteers (first names only) and the count of taken places, in one query."""
    return (
        diensten.select_related("werkplaats")
        .annotate(bezet=Count("inschrijvingen", filter=Q(inschrijvingen__status__in=BEZETTEND)))
        .prefetch_related(
            Prefetch(
                "inschrijvingen",
                queryset=Inschrijving.objects.filter(status__in=BEZETTEND)
                .select_related("user")
                .only("pk", "dienst_id", "status", "user__first_name", "user_id")
                .order_by("pk"),
                to_attr="team",
            )
        )
    )


def mijn_inschrijvingen(user: User, *, now=None):
    """The volunteer's coming shifts (also cancelled ones, so they see what changed)."""
    now = now or clock.now()
    return list(
        Inschrijving.objects.filter(user=user, dienst__einde__gt=now)
        .exclude(status=InschrijvingStatus.AFGEMELD, dienst__status=DienstStatus.GEPLAND)
        .select_related("dienst__werkplaats")
        .order_by("dienst__begin")
    )


def open_diensten(user: User, *, now=None, dagen: int = 28):
    """Planned shifts at the user's werkplaatsen in the coming ``dagen`` that the user is not on."""
    now = now or clock.now()
    mine = Inschrijving.objects.filter(user=user, status__in=ACTIEF).values("dienst_id")
    diensten = Dienst.objects.filter(
        werkplaats__in=permissions.werkplaatsen_for(user),
        status=DienstStatus.GEPLAND,
        begin__gt=now,
        begin__lt=now + timedelta(days=dagen),
    ).exclude(pk__in=mine)
    return list(_with_team(diensten).order_by("begin", "rol"))


def coordinator_overzicht(werkplaats, *, now=None, dagen: int = 14):
    """The coming ``dagen`` of one werkplaats per day, each shift with its team and whether it is short."""
    now = now or clock.now()
    diensten = _with_team(
        Dienst.objects.filter(werkplaats=werkplaats, begin__gt=now, begin__lt=now + timedelta(days=dagen))
    ).annotate(
        wachtend=Count("inschrijvingen", filter=Q(inschrijvingen__status=InschrijvingStatus.WACHTLIJST))
    )
    per_dag = defaultdict(list)
    for dienst in diensten.order_by("begin", "rol"):
        dienst.onderbezet = dienst.status == DienstStatus.GEPLAND and dienst.bezet < dienst.minimum
        per_dag[clock.local(dienst.begin).date()].append(dienst)
    return sorted(per_dag.items())


def user_voor_token(token: str) -> User | None:
    """The owner of a live feed token, or None (unknown and revoked look the same)."""
    from rooster.models import AgendaToken

    if not token or len(token) > 100:
        return None
    row = (
        AgendaToken.objects.filter(
            token_hash=token_hash(token), ingetrokken_op__isnull=True, user__is_active=True
        )
        .select_related("user")
        .first()
    )
    return row.user if row else None


def werkplaats_agenda_voor_token(token: str):
    """(coördinator, werkplaats) of a live werkplaats feed token, or None.

    The coördinator role is checked on every fetch: a link stops working when the role ends.
    """
    from kern import tokens
    from rooster.models import WerkplaatsAgendaToken

    if not token or len(token) > 100:
        return None
    row = (
        WerkplaatsAgendaToken.objects.filter(
            token_hash=tokens.token_hash(token), ingetrokken_op__isnull=True, user__is_active=True
        )
        .select_related("user", "werkplaats")
        .first()
    )
    if row is None or not permissions.can_coordinate(row.user, row.werkplaats):
        return None
    return row.user, row.werkplaats


def heeft_agenda_token(user: User) -> bool:
    from rooster.models import AgendaToken

    return AgendaToken.objects.filter(user=user, ingetrokken_op__isnull=True).exists()


def pincode_geblokkeerd(user: User) -> bool:
    """The tablet keeps this to itself (it would name who is on shift); Mijn rooster tells the owner."""
    from rooster.models import Pincode

    return Pincode.objects.filter(user=user, geblokkeerd_op__isnull=False).exists()


FEED_VELDEN = (
    "pk",
    "status",
    "sequence",
    "dienst__begin",
    "dienst__einde",
    "dienst__rol",
    "dienst__status",
    "dienst__sequence",
    "dienst__werkplaats_id",
)


def feed_inschrijvingen(user: User, *, now=None, dagen_terug: int = 30):
    """Sign-ups for the personal feed: recent and coming, cancelled ones kept (STATUS:CANCELLED).

    Two queries: the sign-ups with their shifts, then the few werkplaatsen they are at. A werkplaats
    page row is wide (rich text, StreamField) and a page object costly to build; building it once per
    werkplaats instead of once per sign-up keeps the feed close to icalendar's own speed.
    """
    from werkplaatsen.models import WerkplaatsPage

    now = now or clock.now()
    inschrijvingen = list(
        Inschrijving.objects.filter(user=user, dienst__begin__gt=now - timedelta(days=dagen_terug))
        .select_related("dienst")
        .only(*FEED_VELDEN)
        .order_by("dienst__begin")
    )
    ids = {i.dienst.werkplaats_id for i in inschrijvingen}
    werkplaatsen = {
        w.pk: w
        for w in WerkplaatsPage.objects.filter(pk__in=ids).only("pk", "title", "straat", "postcode", "plaats")
    }
    for inschrijving in inschrijvingen:
        inschrijving.dienst.werkplaats = werkplaatsen[inschrijving.dienst.werkplaats_id]
    return inschrijvingen


def vrijwilligers_van(werkplaats) -> list[User]:
    """Everyone who may take shifts at the werkplaats, by first name, for the coördinator's choice."""
    return list(
        User.objects.filter(werkplaats_lidmaatschappen__werkplaats=werkplaats, is_active=True)
        .distinct()
        .only("pk", "first_name", "last_name")
        .order_by("first_name", "last_name", "pk")
    )
