"""Retention of free text: what people typed is erased after the gemeente's period; the counts stay.

Visits, signals and queue tickets are anonymous by design, but a note field invites a name or a phone
number despite every warning. So each night the free text older than the gemeente's
``bewaartermijn_vrije_tekst_dagen`` goes:

- a visit's ``notitie`` is emptied (the visit, its topics and outcome stay for the reports);
- a signal's ``titel`` is replaced by a neutral text, and who reported it is forgotten (the
  category and the count per month stay);
- a queue ticket's hand-over note (``overgedragen_aan``) and who called it are emptied (the times stay
  for waiting-time statistics; the phone number went the same night already).
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from inloop.models import Bezoek, Signaal, SignaalMelding, Wachtnummer
from kern import clock
from werkplaatsen.models import Gemeente


@transaction.atomic
def vrije_tekst_wissen(*, nu: datetime | None = None) -> dict[str, int]:
    """Erase free text past each gemeente's retention period; returns how many rows changed, per kind."""
    nu = nu or clock.now()
    gewist = {"bezoeken": 0, "signalen": 0, "wachtnummers": 0}
    for gemeente in Gemeente.objects.only("pk", "bewaartermijn_vrije_tekst_dagen"):
        grens = nu - timedelta(days=gemeente.bewaartermijn_vrije_tekst_dagen)
        gewist["bezoeken"] += (
            Bezoek.objects.filter(werkplaats__gemeente=gemeente, aangekomen__lt=grens)
            .exclude(notitie="")
            .update(notitie="")
        )
        oud = Signaal.objects.filter(gemeente=gemeente, aangemaakt__lt=grens).exclude(gewist=True)
        # A signal still being reported is still in use: only its own last report starts the clock.
        oud = oud.exclude(meldingen__gemeld_op__gte=grens)
        ids = list(oud.values_list("pk", flat=True))
        gewist["signalen"] += Signaal.objects.filter(pk__in=ids).update(
            titel=_("(tekst gewist na de bewaartermijn)"), gewist=True
        )
        SignaalMelding.objects.filter(signaal_id__in=ids).update(gemeld_door=None)
        gewist["wachtnummers"] += (
            Wachtnummer.objects.filter(wachtrij__werkplaats__gemeente=gemeente, aangemaakt__lt=grens)
            .exclude(overgedragen_aan="", geroepen_door=None)
            .update(overgedragen_aan="", geroepen_door=None)
        )
    return gewist
