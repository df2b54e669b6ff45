"""Limits on the kiosk's "bijna aan de beurt" SMS: the kiosk is public, so anyone can type any number.

One SMS per number per day (whatever the kiosk), and at most KIOSK_SMS_PER_UUR numbers per kiosk per
hour. Past a limit the ticket is still handed out, without the SMS, and the kiosk says so plainly.
"""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction

from inloop.models import KioskSms
from kern import clock
from kern.tokens import keyed_hash

KIOSK_SMS_PER_UUR = 20


def _nummer_hash(telefoonnummer: str, dag) -> str:
    # Keyed and with the day: a stolen table neither names numbers nor links visits across days.
    return keyed_hash(f"kiosk-sms:{dag.isoformat()}:{telefoonnummer}")


def kiosk_sms_reserveren(*, werkplaats_id: int, telefoonnummer: str, nu: datetime) -> bool:
    """True when this number may get the SMS; counted at once. Call inside the queue's lock.

    The queue lock of the werkplaats serialises the per-kiosk count; the unique constraint decides the
    per-number count across kiosks.
    """
    dag = clock.today(nu)
    KioskSms.objects.filter(dag__lt=dag).delete()
    if KioskSms.objects.filter(werkplaats_id=werkplaats_id, aangemaakt__gt=nu - timedelta(hours=1)).count() >= (
        KIOSK_SMS_PER_UUR
    ):
        return False
    try:
        with transaction.atomic():
            KioskSms.objects.create(
                werkplaats_id=werkplaats_id, dag=dag, nummer_hash=_nummer_hash(telefoonnummer, dag), aangemaakt=nu
            )
    except IntegrityError:
        return False
    return True
