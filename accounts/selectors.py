"""Reads about accounts, scoped by membership."""

from dataclasses import dataclass

from accounts.models import GemeenteLidmaatschap, OrganisatieLidmaatschap, User, WerkplaatsLidmaatschap


@dataclass(frozen=True)
class Rol:
    rol: str
    waar: str


def roles_for(user: User) -> list[Rol]:
    """What the user is, where: shown on the workspace's front page. Three queries, whatever the count."""
    roles = [
        Rol(m.get_rol_display(), m.werkplaats.title)
        for m in WerkplaatsLidmaatschap.objects.filter(user=user).select_related("werkplaats")
    ]
    roles += [
        Rol(m.get_rol_display(), m.organisatie.naam)
        for m in OrganisatieLidmaatschap.objects.filter(user=user).select_related("organisatie")
    ]
    roles += [
        Rol(m.get_rol_display(), f"gemeente {m.gemeente.naam}")
        for m in GemeenteLidmaatschap.objects.filter(user=user).select_related("gemeente")
    ]
    return roles
