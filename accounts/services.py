"""Writes about accounts that have rules: a person's data export and erasure (AVG articles 15 and 17)."""

import uuid
from typing import Any

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.audit import AuditRegel, audit_log
from accounts.models import GemeenteLidmaatschap, OrganisatieLidmaatschap, User, WerkplaatsLidmaatschap


def user_export(*, user: User) -> dict[str, Any]:
    """Everything this app holds about one person, in a form they can read and take along."""
    return {
        "account": {
            "gebruikersnaam": user.username,
            "voornaam": user.first_name,
            "achternaam": user.last_name,
            "email": user.email,
            "telefoonnummer": user.telefoonnummer,
            "sms_toestemming": user.sms_toestemming,
            "sms_toestemming_op": user.sms_toestemming_op.isoformat() if user.sms_toestemming_op else None,
            "taal": user.taal,
            "aangemaakt": user.date_joined.isoformat(),
            "laatst_ingelogd": user.last_login.isoformat() if user.last_login else None,
        },
        "rollen": [
            {"rol": m.rol, "werkplaats": m.werkplaats.title, "sinds": m.sinds.isoformat()}
            for m in WerkplaatsLidmaatschap.objects.filter(user=user).select_related("werkplaats")
        ]
        + [
            {"rol": m.rol, "organisatie": m.organisatie.naam}
            for m in OrganisatieLidmaatschap.objects.filter(user=user).select_related("organisatie")
        ]
        + [
            {"rol": m.rol, "gemeente": m.gemeente.naam}
            for m in GemeenteLidmaatschap.objects.filter(user=user).select_related("gemeente")
        ],
        "tweestapsverificatie": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "auditlog": [
            {
                "actie": r.actie,
                "resultaat": r.resultaat,
                "oorsprong": r.oorsprong,
                "tijdstempel": r.tijdstempel.isoformat(),
            }
            for r in AuditRegel.objects.filter(actor=user).order_by("id")
        ],
    }


@transaction.atomic
def user_erase(*, user: User, by: User | None = None) -> User:
    """Erase a person: their identifying data goes, the account row stays as an empty shell.

    The row stays because the audit log points at it (and must keep its chain); it no longer says
    who it was. Memberships and authenticator devices are deleted; the account cannot log in again.
    """
    WerkplaatsLidmaatschap.objects.filter(user=user).delete()
    OrganisatieLidmaatschap.objects.filter(user=user).delete()
    GemeenteLidmaatschap.objects.filter(user=user).delete()
    TOTPDevice.objects.filter(user=user).delete()
    user.username = f"gewist-{uuid.uuid4().hex[:12]}"
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.telefoonnummer = None
    user.sms_toestemming = False
    user.sms_toestemming_op = None
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    audit_log(actie="persoon.wissen", actor=by, obj=user)
    return user
