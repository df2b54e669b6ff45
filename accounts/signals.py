"""Logins and failed logins go into the audit log (who, from where, with what result)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from accounts.audit import AuditResultaat, audit_log, audit_origin


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    audit_log(actie="inloggen", actor=user, oorsprong=audit_origin(request) if request else "systeem")


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    # The attempted username is left out: it is often a mistyped password or someone else's name.
    audit_log(
        actie="inloggen",
        resultaat=AuditResultaat.GEWEIGERD,
        oorsprong=audit_origin(request) if request else "systeem",
    )


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit_log(actie="uitloggen", actor=user, oorsprong=audit_origin(request) if request else "systeem")
