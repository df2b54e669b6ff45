from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class InloggenForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("De gebruikersnaam of het wachtwoord klopt niet. Probeer het opnieuw."),
        "inactive": _("Dit account is uitgezet. Neem contact op met uw coördinator."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        self.fields["password"].label = _("Wachtwoord")


class CodeForm(forms.Form):
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
