"""Every permission question is answered here, so a rule changes in one place.

Roles are memberships: a user is a vrijwilliger or coördinator at a werkplaats, a professional at an
organisatie, or a beleidsmedewerker or redacteur of a gemeente. A user of one gemeente never gets an
answer about another's data: every function below is scoped by membership, never by "is staff".
"""

from datetime import datetime

from django.db.models import Q, QuerySet

from accounts.models import (
    GemeenteLidmaatschap,
    GemeenteRol,
    OrganisatieLidmaatschap,
    User,
    WerkplaatsLidmaatschap,
    WerkplaatsRol,
)
from werkplaatsen.models import Gemeente, Organisatie, WerkplaatsPage


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def werkplaatsen_for(user: User, *roles: str) -> QuerySet[WerkplaatsPage]:
    """The werkplaatsen where the user holds one of ``roles`` (any role when none is given)."""
    if not _active(user):
        return WerkplaatsPage.objects.none()
    memberships = WerkplaatsLidmaatschap.objects.filter(user=user)
    if roles:
        memberships = memberships.filter(rol__in=roles)
    return WerkplaatsPage.objects.filter(pk__in=memberships.values("werkplaats_id"))


def organisaties_for(user: User, *roles: str) -> QuerySet[Organisatie]:
    if not _active(user):
        return Organisatie.objects.none()
    memberships = OrganisatieLidmaatschap.objects.filter(user=user)
    if roles:
        memberships = memberships.filter(rol__in=roles)
    return Organisatie.objects.filter(pk__in=memberships.values("organisatie_id"))


def gemeenten_for(user: User) -> QuerySet[Gemeente]:
    """Every gemeente the user works in, through any membership."""
    if not _active(user):
        return Gemeente.objects.none()
    return Gemeente.objects.filter(
        Q(lidmaatschappen__user=user)
        | Q(werkplaatsen__lidmaatschappen__user=user)
        | Q(organisaties__lidmaatschappen__user=user)
    ).distinct()


def can_work_at(user: User, werkplaats: WerkplaatsPage) -> bool:
    """Take shifts and log visits: vrijwilligers and coördinatoren of that werkplaats."""
    return werkplaatsen_for(user).filter(pk=werkplaats.pk).exists()


def can_coordinate(user: User, werkplaats: WerkplaatsPage) -> bool:
    """Manage the roster and the volunteers of that werkplaats."""
    return werkplaatsen_for(user, WerkplaatsRol.COORDINATOR).filter(pk=werkplaats.pk).exists()


def can_act_as(user: User, organisatie: Organisatie, rol: str) -> bool:
    """Take escalations addressed to ``rol`` at ``organisatie``."""
    return organisaties_for(user, rol).filter(pk=organisatie.pk).exists()


def can_view_gemeente_reports(user: User, gemeente: Gemeente) -> bool:
    """Reports over all werkplaatsen of a gemeente (aggregated, without personal data)."""
    if not _active(user):
        return False
    return GemeenteLidmaatschap.objects.filter(
        user=user, gemeente=gemeente, rol=GemeenteRol.BELEIDSMEDEWERKER
    ).exists()


def can_edit_site(user: User, gemeente: Gemeente) -> bool:
    """Publish the gemeente's werkplaatsen, opening hours and pages."""
    if not _active(user):
        return False
    return GemeenteLidmaatschap.objects.filter(
        user=user, gemeente=gemeente, rol=GemeenteRol.REDACTEUR
    ).exists()


def requires_two_factor(user: User) -> bool:
    """Everyone who can see other people's data or change the site needs a second factor.

    Volunteers who only take shifts and log anonymous visits log in with a one-time code instead.
    """
    if not _active(user):
        return False
    if user.is_staff or user.is_superuser:
        return True
    return (
        WerkplaatsLidmaatschap.objects.filter(user=user, rol=WerkplaatsRol.COORDINATOR).exists()
        or OrganisatieLidmaatschap.objects.filter(user=user).exists()
        or GemeenteLidmaatschap.objects.filter(user=user).exists()
    )


# --- inloop (walk-in visits, queue, reports) ---

LOGGED_EDIT_WINDOW_HOURS = 24


def can_log_visits(user: User, werkplaats: WerkplaatsPage) -> bool:
    """Log walk-ins and work the queue: vrijwilligers and coördinatoren of that werkplaats."""
    return can_work_at(user, werkplaats)


def can_edit_logged(
    user: User, *, werkplaats: WerkplaatsPage, logged_by_id: int | None, logged_at: datetime, now: datetime
) -> bool:
    """Change what was logged at a werkplaats (a walk-in): its author for 24 hours, then only a coördinator.

    Plain values rather than the record itself, so this rule does not depend on the app that keeps it.
    """
    if not _active(user):
        return False
    if can_coordinate(user, werkplaats):
        return True
    age = now - logged_at
    return (
        logged_by_id == user.pk
        and age.total_seconds() < LOGGED_EDIT_WINDOW_HOURS * 3600
        and can_work_at(user, werkplaats)
    )


def werkplaatsen_for_reports(user: User) -> QuerySet[WerkplaatsPage]:
    """Coördinatoren see their own werkplaatsen; beleidsmedewerkers every werkplaats of their gemeente."""
    if not _active(user):
        return WerkplaatsPage.objects.none()
    own = WerkplaatsLidmaatschap.objects.filter(user=user, rol=WerkplaatsRol.COORDINATOR)
    gemeenten = GemeenteLidmaatschap.objects.filter(user=user, rol=GemeenteRol.BELEIDSMEDEWERKER)
    return WerkplaatsPage.objects.filter(
        Q(pk__in=own.values("werkplaats_id")) | Q(gemeente_id__in=gemeenten.values("gemeente_id"))
    )


def report_needs_suppression(user: User, werkplaats_ids) -> bool:
    """Small counts are hidden in every report that leaves the coördinator's own werkplaats.

    Only a coördinator looking at werkplaatsen they all coordinate sees exact small numbers.
    """
    ids = set(werkplaats_ids)
    if not ids or not _active(user):
        return True
    own = set(
        WerkplaatsLidmaatschap.objects.filter(
            user=user, rol=WerkplaatsRol.COORDINATOR, werkplaats_id__in=ids
        ).values_list("werkplaats_id", flat=True)
    )
    return own != ids


def gemeenten_for_signalen(user: User) -> QuerySet[Gemeente]:
    """Signals are shared within a gemeente: its volunteers, coördinatoren and beleidsmedewerkers."""
    if not _active(user):
        return Gemeente.objects.none()
    return Gemeente.objects.filter(
        Q(lidmaatschappen__user=user, lidmaatschappen__rol=GemeenteRol.BELEIDSMEDEWERKER)
        | Q(werkplaatsen__lidmaatschappen__user=user)
    ).distinct()
