"""Reads with rules for other apps, so they ask the outbox rather than query its model."""

from collections.abc import Iterable

from berichten.models import Bericht


def sleutels_bekend(*, sleutels: Iterable[str]) -> set[str]:
    """The keys among ``sleutels`` that the outbox holds already, in any status.

    Cancelled and sent ones count too: bericht_send would answer with that row, not send again.
    """
    return set(Bericht.objects.filter(sleutel__in=list(sleutels)).values_list("sleutel", flat=True))
