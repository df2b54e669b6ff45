"""Moving due rows onto RQ and sending them: the tick, the dispatch and the send step of the job.

Guarantees, and how:
- Two ticks never take the same row: rows are claimed with SELECT ... FOR UPDATE SKIP LOCKED and
  marked queued in the same transaction.
- Redis down means late, not lost: when enqueueing fails, the claimed rows go back to waiting; a row
  left queued by a job Redis lost is claimed again after BERICHTEN_QUEUE_TIMEOUT, an urgent one (a
  login code expires in minutes) after BERICHTEN_QUEUE_TIMEOUT_URGENT. Claiming a row whose job was
  only slow makes a second job for it, which the next guarantee makes harmless.
- A job that runs twice for a row sends once: the job locks the row (FOR UPDATE SKIP LOCKED), sends
  only while it is still queued and commits the new status before releasing the lock. The one gap is a
  worker dying between Twilio's accept and our commit (milliseconds); Twilio's API has no idempotency
  key that would close it.
"""

import logging
import re
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from redis.exceptions import RedisError

from berichten.gateways import (
    ONBESTELBAAR_CODES,
    SMS_STOP_CODES,
    PermanenteFout,
    TijdelijkeFout,
    gateway_get,
)
from berichten.models import Bericht, BerichtStatus, SmsStop
from berichten.regels import in_stille_uren, na_stille_uren
from kern import clock
from kern.telefoon import phone_mask

logger = logging.getLogger(__name__)

QUEUE_NAME = "berichten"
SEND_JOB = "berichten.jobs.berichten_send_job"
CLAIM_PER_TRANSACTION = 2000


def queue_get():
    import django_rq

    return django_rq.get_queue(QUEUE_NAME)


def _enqueue(batches: list[list[int]]) -> None:
    if not settings.JOBS_ASYNC:
        # No Redis (demo, plain `make test`): send now, in this process. A transient failure leaves the
        # row queued and a later tick takes it again after the timeout.
        for ids in batches:
            berichten_send(ids=ids)
        return
    from rq import Queue, Retry

    queue = queue_get()
    retry = Retry(max=settings.BERICHTEN_POGINGEN - 1, interval=settings.BERICHTEN_RETRY_INTERVALLEN)
    datas = [Queue.prepare_data(SEND_JOB, args=(ids,), retry=retry) for ids in batches]
    with queue.connection.pipeline() as pipeline:
        queue.enqueue_many(datas, pipeline=pipeline)
        pipeline.execute()


def berichten_dispatch(*, ids: list[int] | None = None, now: datetime | None = None) -> int:
    """Claim due rows (all, or only ``ids``) and put them on the queue. Returns how many were queued."""
    now = now or clock.now()
    stuck_before = now - timedelta(seconds=settings.BERICHTEN_QUEUE_TIMEOUT)
    urgent_stuck_before = now - timedelta(seconds=settings.BERICHTEN_QUEUE_TIMEOUT_URGENT)
    due = (
        Q(status=BerichtStatus.WAITING, niet_voor__lte=now)
        | Q(status=BerichtStatus.QUEUED, queued_at__lt=stuck_before)
        | Q(status=BerichtStatus.QUEUED, urgent=True, queued_at__lt=urgent_stuck_before)
    )
    per_job = settings.BERICHTEN_PER_JOB
    total = 0
    while True:
        with transaction.atomic():
            rows = Bericht.objects.filter(due)
            if ids is not None:
                rows = rows.filter(id__in=ids)
            if in_stille_uren(now):
                rows = rows.filter(urgent=True)
            claimed = list(
                rows.select_for_update(skip_locked=True)
                .order_by("niet_voor", "id")
                .values_list("id", flat=True)[:CLAIM_PER_TRANSACTION]
            )
            if not claimed:
                break
            Bericht.objects.filter(id__in=claimed).update(status=BerichtStatus.QUEUED, queued_at=now)
        try:
            _enqueue([claimed[i : i + per_job] for i in range(0, len(claimed), per_job)])
        except (RedisError, OSError) as exc:
            # Late, not lost: hand the rows back to the next tick.
            Bericht.objects.filter(id__in=claimed, status=BerichtStatus.QUEUED, queued_at=now).update(
                status=BerichtStatus.WAITING, queued_at=None
            )
            logger.warning(
                "SMS queue unreachable (%s); %d messages wait for the next tick", exc, len(claimed)
            )
            break
        total += len(claimed)
        if ids is not None or len(claimed) < CLAIM_PER_TRANSACTION:
            break
    return total


def _blocked_numbers(ids: list[int]) -> set[str]:
    nummers = Bericht.objects.filter(id__in=ids).values("telefoonnummer")
    return set(SmsStop.objects.filter(telefoonnummer__in=nummers).values_list("telefoonnummer", flat=True))


def berichten_send(*, ids: list[int]) -> list[int]:
    """Send the rows that are still queued; return the ids that failed transiently (worth a retry)."""
    from berichten.services import SOORT_SMS_STOP, nummers_vergeten, sms_stop_register

    gateway = gateway_get()
    gestopt = _blocked_numbers(ids)
    opnieuw: list[int] = []
    for pk in ids:
        with transaction.atomic():
            found = list(
                Bericht.objects.select_for_update(skip_locked=True).filter(pk=pk, status=BerichtStatus.QUEUED)
            )
            if not found:
                continue  # sent, cancelled or taken by another job already
            bericht = found[0]
            now = clock.now()
            fields = ["status"]
            if bericht.telefoonnummer in gestopt and bericht.soort != SOORT_SMS_STOP:
                bericht.status = BerichtStatus.BLOCKED
            elif not bericht.urgent and in_stille_uren(now):
                # Queued before 21:00 but reached after it (Redis was down): wait for the morning.
                bericht.status = BerichtStatus.WAITING
                bericht.niet_voor = na_stille_uren(now)
                bericht.queued_at = None
                fields += ["niet_voor", "queued_at"]
            else:
                fields += [
                    "pogingen",
                    "provider_sid",
                    "foutcode",
                    "foutmelding",
                    "verzonden_op",
                    "queued_at",
                ]
                if _attempt(gateway, bericht, now):
                    opnieuw.append(pk)
            bericht.save(update_fields=fields)
        if bericht.status == BerichtStatus.BLOCKED and bericht.foutcode in SMS_STOP_CODES:
            sms_stop_register(telefoonnummer=bericht.telefoonnummer)
        if bericht.nummer_wissen:
            nummers_vergeten(ids=[pk])
    return opnieuw


def _masked(message: str) -> str:
    """Twilio's error messages quote the number ("Invalid 'To' Phone Number: +316..."); keep it out."""
    return re.sub(r"\+?\d{8,15}", lambda match: phone_mask(match.group()), message)


def _attempt(gateway, bericht: Bericht, now) -> bool:
    """One try through the gateway; sets the row's fields. True when worth another try."""
    bericht.pogingen += 1
    try:
        bericht.provider_sid = gateway.send(telefoonnummer=bericht.telefoonnummer, tekst=bericht.tekst)
    except PermanenteFout as exc:
        bericht.foutcode, bericht.foutmelding = exc.code, _masked(str(exc))[:255]
        if exc.code in SMS_STOP_CODES:
            bericht.status = BerichtStatus.BLOCKED
        elif exc.code in ONBESTELBAAR_CODES:
            bericht.status = BerichtStatus.UNDELIVERABLE
        else:
            bericht.status = BerichtStatus.FAILED
        logger.warning("SMS %s to %s refused: %s", bericht.pk, phone_mask(bericht.telefoonnummer), exc.code)
        return False
    except Exception as exc:  # noqa: BLE001 - anything else (network, 5xx, a bug) counts as an attempt
        code = exc.code if isinstance(exc, TijdelijkeFout) else type(exc).__name__
        bericht.foutcode, bericht.foutmelding = str(code)[:16], _masked(str(exc))[:255]
        if bericht.pogingen >= settings.BERICHTEN_POGINGEN:
            bericht.status = BerichtStatus.FAILED
            logger.error("SMS %s failed after %d attempts: %s", bericht.pk, bericht.pogingen, code)
            return False
        bericht.queued_at = now
        logger.warning("SMS %s attempt %d failed, will retry: %s", bericht.pk, bericht.pogingen, code)
        return True
    bericht.status = BerichtStatus.SENT
    bericht.verzonden_op = now
    bericht.foutcode = bericht.foutmelding = ""
    return False
