from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from kern.forms import NLDesignForm


class InloggenForm(NLDesignForm, AuthenticationForm):
    error_messages = {
        "invalid_login": _("De gebruikersnaam of het wachtwoord klopt niet. Probeer het opnieuw."),
        "inactive": _("Dit account is uitgezet. Neem contact op met uw coördinator."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        self.fields["password"].label = _("Wachtwoord")


class CodeForm(NLDesignForm, forms.Form):
    code = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        help_text=_("De zes cijfers die de app nu laat zien."),
        max_length=7,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*"}
        ),
    )

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("Een code bestaat uit zes cijfers."))
        return code


class TelefoonForm(NLDesignForm, forms.Form):
    telefoonnummer = forms.CharField(
        label=_("Uw mobiele nummer"),
        help_text=_("Het nummer dat uw coördinator van u heeft, bijvoorbeeld 06 12345678."),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )

    def clean_telefoonnummer(self):
        from kern.telefoon import mobile_normalize

        return mobile_normalize(self.cleaned_data["telefoonnummer"])


class SmsCodeForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code uit de sms")
        self.fields["code"].help_text = _("De zes cijfers uit de sms die we u net stuurden.")


class UitnodigingForm(NLDesignForm, forms.Form):
    voornaam = forms.CharField(label=_("Voornaam"), max_length=150)
    telefoonnummer = forms.CharField(
        label=_("Mobiel nummer"), max_length=20, widget=forms.TextInput(attrs={"inputmode": "tel"})
    )
    werkplaats = forms.ModelChoiceField(label=_("Werkplaats"), queryset=None, empty_label=None)

    def __init__(self, *args, werkplaatsen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkplaats"].queryset = werkplaatsen

    def clean_telefoonnummer(self):
        from kern.telefoon import mobile_normalize

        return mobile_normalize(self.cleaned_data["telefoonnummer"])
