"""Keeps people who need a second factor out of the workspaces until they have given it."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from accounts.permissions import requires_two_factor

# Everything behind these prefixes shows or changes data that is not public.
PROTECTED_PREFIXES = ("/mijn/", "/beheer/", "/django-beheer/", "/django-rq/")


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.TWO_FACTOR_REQUIRED
            and user is not None
            and user.is_authenticated
            and request.path.startswith(PROTECTED_PREFIXES)
            and not request.path.startswith(self._exempt_prefixes())
            and not user.is_verified()
            and requires_two_factor(user)
        ):
            return redirect(f"{reverse('accounts:tweestaps')}?next={request.get_full_path()}")
        return self.get_response(request)

    @staticmethod
    def _exempt_prefixes() -> tuple[str, ...]:
        return (
            reverse("accounts:inloggen"),
            reverse("accounts:uitloggen"),
            reverse("accounts:tweestaps"),
            reverse("accounts:tweestaps_instellen"),
            reverse("accounts:inloggen_sms"),
            "/beheer/login/",
            "/beheer/logout/",
        )
