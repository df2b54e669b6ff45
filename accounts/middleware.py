"""Keeps people who need a second factor out of the workspaces until they have given it.

Which paths are not public is the site's URL layout, so the site declares it in its settings:
TWO_FACTOR_PROTECTED_PREFIXES, and TWO_FACTOR_EXEMPT_PREFIXES for pages behind those prefixes that
must stay reachable without the second factor (another login, such as the Wagtail admin's).
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from accounts.permissions import requires_two_factor


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.TWO_FACTOR_REQUIRED
            and user is not None
            and user.is_authenticated
            and request.path.startswith(tuple(settings.TWO_FACTOR_PROTECTED_PREFIXES))
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
            *settings.TWO_FACTOR_EXEMPT_PREFIXES,
        )
