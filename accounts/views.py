"""The entrance of the /mijn/ workspace: log in, the second factor, and the overview of one's roles."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import selectors, two_factor
from accounts.forms import CodeForm, InloggenForm


class InloggenView(auth_views.LoginView):
    template_name = "accounts/inloggen.html"
    authentication_form = InloggenForm
    redirect_authenticated_user = True


class UitloggenView(auth_views.LogoutView):
    next_page = "/"


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("accounts:overzicht")


@login_required
@require_http_methods(["GET", "POST"])
def tweestaps(request):
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not two_factor.has_confirmed_device(request.user):
        return redirect(f"{reverse('accounts:tweestaps_instellen')}?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.totp_verify(request=request, token=form.cleaned_data["code"]):
            return redirect(_next_url(request))
        form.add_error("code", _("Deze code klopt niet of is verlopen. Wacht op de volgende code."))
    return render(request, "accounts/tweestaps.html", {"form": form, "next": _next_url(request)})


@login_required
@require_http_methods(["GET", "POST"])
def tweestaps_instellen(request):
    if two_factor.has_confirmed_device(request.user) and not request.user.is_verified():
        # Replacing a device needs the old one first: otherwise a stolen password would suffice.
        return redirect(f"{reverse('accounts:tweestaps')}?next={_next_url(request)}")
    device = two_factor.totp_device_pending(user=request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.totp_confirm(request=request, device=device, token=form.cleaned_data["code"]):
            messages.success(request, _("Tweestapsverificatie staat aan."))
            return redirect(_next_url(request))
        form.add_error("code", _("Deze code klopt niet. Controleer of de tijd op uw telefoon goed staat."))
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_svg": two_factor.totp_qr_svg(device),
        "secret": two_factor.totp_secret_for_typing(device),
    }
    return render(request, "accounts/tweestaps_instellen.html", context)


@login_required
def overzicht(request):
    return render(request, "accounts/overzicht.html", {"rollen": selectors.roles_for(request.user)})
