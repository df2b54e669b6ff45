"""Append-only audit log (BIO 8.15.01) with a hash chain, so tampering with history is detectable.

Each row carries the hash of the row before it; changing, deleting or inserting a row in the middle
breaks every hash after it, which ``audit_chain_verify`` finds. Rows never hold personal data beyond
the actor's account and the origin address that the BIO asks for.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC

from django.db import connection, models, transaction
from django.utils.translation import gettext_lazy as _

from kern import clock

GENESIS_HASH = "0" * 64
# Any constant will do; it names the one lock that serialises appends to the chain on PostgreSQL.
_CHAIN_LOCK_KEY = 8_150_001


class AuditResultaat(models.TextChoices):
    GELUKT = "gelukt", _("Gelukt")
    GEWEIGERD = "geweigerd", _("Geweigerd")
    MISLUKT = "mislukt", _("Mislukt")


class AuditRegelQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Het auditlog is alleen aan te vullen, niet te wijzigen.")

    def delete(self):
        raise PermissionError("Het auditlog is alleen aan te vullen, niet te wissen.")


class AuditRegel(models.Model):
    actie = models.CharField(_("actie"), max_length=100)
    object_type = models.CharField(_("soort object"), max_length=100, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    resultaat = models.CharField(_("resultaat"), max_length=10, choices=AuditResultaat.choices)
    oorsprong = models.CharField(_("oorsprong"), max_length=64, help_text=_("IP-adres of 'systeem'."))
    actor = models.ForeignKey(
        "accounts.User",
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    tijdstempel = models.DateTimeField(_("tijdstempel"))
    vorige_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditRegelQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.tijdstempel:%Y-%m-%d %H:%M:%S} {self.actie} {self.resultaat}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Het auditlog is alleen aan te vullen, niet te wijzigen.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Het auditlog is alleen aan te vullen, niet te wissen.")

    def compute_hash(self) -> str:
        payload = {
            "actie": self.actie,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "resultaat": self.resultaat,
            "oorsprong": self.oorsprong,
            "actor": self.actor_id,
            "tijdstempel": self.tijdstempel.astimezone(UTC).isoformat(),
            "vorige_hash": self.vorige_hash,
        }
        encoded = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
        return hashlib.sha256(encoded).hexdigest()


def _lock_chain() -> None:
    # Without the lock two transactions could both chain onto the same last row and fork the log.
    # SQLite (demo) serialises writers itself.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])


def audit_log(
    *,
    actie: str,
    resultaat: str = AuditResultaat.GELUKT,
    actor=None,
    oorsprong: str = "systeem",
    obj: models.Model | None = None,
) -> AuditRegel:
    """Append one row to the chain. Call it inside the transaction of the action it records."""
    with transaction.atomic():
        _lock_chain()
        last = AuditRegel.objects.order_by("-id").values_list("hash", flat=True).first()
        regel = AuditRegel(
            actie=actie,
            resultaat=resultaat,
            actor=actor if actor is not None and actor.is_authenticated else None,
            oorsprong=oorsprong or "onbekend",
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            tijdstempel=clock.now(),
            vorige_hash=last or GENESIS_HASH,
        )
        regel.hash = regel.compute_hash()
        regel.save()
    return regel


def audit_origin(request) -> str:
    """The client address as the proxy in front of us saw it (first X-Forwarded-For hop)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[0].strip()[:64]
    return request.META.get("REMOTE_ADDR", "onbekend")[:64]


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    rows: int
    first_broken_id: int | None = None


def audit_chain_verify() -> ChainReport:
    """Walk the chain in order; report the first row whose hash or link does not hold."""
    previous = GENESIS_HASH
    count = 0
    for regel in AuditRegel.objects.order_by("id").iterator(chunk_size=2000):
        count += 1
        if regel.vorige_hash != previous or regel.compute_hash() != regel.hash:
            return ChainReport(intact=False, rows=count, first_broken_id=regel.pk)
        previous = regel.hash
    return ChainReport(intact=True, rows=count)
