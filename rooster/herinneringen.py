"""The day-before reminder SMS: planned ahead in the outbox, one per sign-up and iCal sequence.

A tick (site/cron.py, every 15 minutes) stores reminders for shifts in the coming two days with a
not-before time of the day before at ROOSTER_HERINNERING_TIJD; the outbox holds them until then. The key
carries the sequence: a moved shift cancels the old reminder (rooster.generatie) and gets a new one.
"""

from datetime import datetime, time, timedelta

from django.conf import settings

from berichten.selectors import sleutels_bekend
from kern import clock
from rooster import sms
from rooster.models import DienstStatus, Inschrijving, InschrijvingStatus

VOORUIT = timedelta(hours=48)
# Signed up so late that the reminder time has passed: still remind, unless the shift is this close.
TE_LAAT = timedelta(hours=3)


def herinnering_moment(dienst) -> datetime:
    dag = clock.local(dienst.begin).date() - timedelta(days=1)
    return datetime.combine(dag, time.fromisoformat(settings.ROOSTER_HERINNERING_TIJD), tzinfo=clock.AMSTERDAM)


def herinneringen_plannen(*, now: datetime | None = None) -> int:
    """Store the reminders that are not stored yet; returns how many. Safe to run any number of times."""
    now = now or clock.now()
    inschrijvingen = list(
        Inschrijving.objects.filter(
            status=InschrijvingStatus.INGESCHREVEN,
            dienst__status=DienstStatus.GEPLAND,
            dienst__begin__gt=now + TE_LAAT,
            dienst__begin__lte=now + VOORUIT,
            user__sms_toestemming=True,
            user__telefoonnummer__isnull=False,
        ).select_related("user", "dienst__werkplaats")
    )
    keys = {sms.herinnering_sleutel(i): i for i in inschrijvingen}
    bekend = sleutels_bekend(sleutels=keys)
    gepland = 0
    for key, inschrijving in keys.items():
        if key in bekend:
            continue
        gepland += sms.herinnering(inschrijving, niet_voor=max(herinnering_moment(inschrijving.dienst), now))
    return gepland
