"""Demo roster: shifts for the demo werkplaatsen and some volunteers signed up. Idempotent."""

from accounts.models import WerkplaatsLidmaatschap, WerkplaatsRol
from kern import clock
from rooster.generatie import diensten_genereren
from rooster.models import Dienst, DienstStatus
from rooster.services import RoosterFout, inschrijving_maken


def rooster_demo_seed(werkplaatsen) -> int:
    """Generate shifts and sign each demo volunteer up for every other shift of the first four weeks."""
    diensten_genereren()
    ingeschreven = 0
    for werkplaats in werkplaatsen:
        vrijwilligers = [
            m.user
            for m in WerkplaatsLidmaatschap.objects.filter(werkplaats=werkplaats, rol=WerkplaatsRol.VRIJWILLIGER)
            .select_related("user")
            .order_by("user_id")
        ]
        diensten = Dienst.objects.filter(
            werkplaats=werkplaats, status=DienstStatus.GEPLAND, begin__gt=clock.now()
        ).order_by("begin")[:8]
        for index, dienst in enumerate(diensten):
            # Leave some shifts short, so the coordinator view shows gaps.
            for user in vrijwilligers[: 1 + index % 2]:
                try:
                    inschrijving_maken(dienst_id=dienst.pk, user=user)
                    ingeschreven += 1
                except RoosterFout:
                    pass  # already signed up (a second run) or overlapping: nothing to add
    return ingeschreven
