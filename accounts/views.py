"""The entrance of the /mijn/ workspace: log in, the second factor, and the overview of one's roles."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import selectors, sms_login, two_factor
from accounts.audit import audit_origin
from accounts.forms import CodeForm, InloggenForm, SmsCodeForm, TelefoonForm, UitnodigingForm
from accounts.models import WerkplaatsRol
from accounts.permissions import werkplaatsen_for
from kern.telefoon import phone_display


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
@require_http_methods(["GET", "HEAD", "POST"])
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
@require_http_methods(["GET", "HEAD", "POST"])
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
        "qr": two_factor.totp_qr_data_uri(device),
        "secret": two_factor.totp_secret_for_typing(device),
    }
    return render(request, "accounts/tweestaps_instellen.html", context)


@login_required
def overzicht(request):
    return render(request, "accounts/overzicht.html", {"rollen": selectors.roles_for(request.user)})


_SMS_NUMMER = "inloggen_sms_nummer"


@require_http_methods(["GET", "HEAD", "POST"])
def inloggen_sms(request):
    """Step 1: the mobile number. The answer is the same whether we know the number or not."""
    form = TelefoonForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        nummer = form.cleaned_data["telefoonnummer"]
        try:
            sms_login.inlogcode_request(telefoonnummer=nummer, oorsprong=audit_origin(request))
        except sms_login.InlogFout as exc:
            form.add_error(None, exc.message)
            status = exc.status
        else:
            request.session[_SMS_NUMMER] = nummer
            return redirect(f"{reverse('accounts:inloggen_sms_code')}?next={_next_url(request)}")
    return render(request, "accounts/inloggen_sms.html", {"form": form, "next": _next_url(request)}, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def inloggen_sms_code(request):
    """Step 2: the six digits from the SMS."""
    nummer = request.session.get(_SMS_NUMMER)
    if not nummer:
        return redirect("accounts:inloggen_sms")
    form = SmsCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            user = sms_login.inlogcode_verify(
                telefoonnummer=nummer, code=form.cleaned_data["code"], oorsprong=audit_origin(request)
            )
        except sms_login.InlogFout as exc:
            form.add_error("code", exc.message)
            status = exc.status
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(_next_url(request))
    context = {"form": form, "next": _next_url(request)}
    return render(request, "accounts/inloggen_sms_code.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def uitnodiging(request, token):
    """The link from an invitation SMS. GET only shows a button: link previews must not use it up."""
    open_uitnodiging = sms_login.uitnodiging_for_token(token)
    if request.method == "POST":
        try:
            user = sms_login.uitnodiging_accept(token=token, oorsprong=audit_origin(request))
        except sms_login.InlogFout as exc:
            # Gone for good, as the GET below says too: 410 tells a link checker more than the soort would.
            return render(request, "accounts/uitnodiging.html", {"fout": exc.message}, status=410)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("U bent ingelogd. Voortaan logt u in met uw mobiele nummer en een sms-code."))
        return redirect("accounts:overzicht")
    if open_uitnodiging is None:
        fout = _("Deze link werkt niet meer. Log in met uw telefoonnummer en een sms-code.")
        return render(request, "accounts/uitnodiging.html", {"fout": fout}, status=410)
    return render(request, "accounts/uitnodiging.html", {"uitnodiging": open_uitnodiging})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def uitnodigen(request):
    """A coordinator invites a volunteer by mobile number."""
    werkplaatsen = werkplaatsen_for(request.user, WerkplaatsRol.COORDINATOR)
    if not werkplaatsen.exists():
        raise PermissionDenied
    form = UitnodigingForm(request.POST or None, werkplaatsen=werkplaatsen)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sms_login.uitnodiging_create(
                door=request.user, werkplaats=data["werkplaats"], voornaam=data["voornaam"],
                telefoonnummer=data["telefoonnummer"],
                link_for=lambda token: request.build_absolute_uri(reverse("accounts:uitnodiging", args=[token])),
            )
        except sms_login.InlogFout as exc:
            form.add_error(None, exc.message)
            status = exc.status
        else:
            # The same words for a new number, a known one (in any gemeente) and a switched-off one.
            messages.success(
                request, _("Uitnodiging verstuurd naar %(nummer)s.") % {"nummer": phone_display(data["telefoonnummer"])}
            )
            return redirect("accounts:uitnodigen")
    return render(request, "accounts/uitnodigen.html", {"form": form}, status=status)
