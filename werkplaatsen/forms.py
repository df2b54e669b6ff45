"""The finder's search form: a GET form that also works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from werkplaatsen.choices import Onderwerp, Taal, Weekdag


class FinderForm(forms.Form):
    q = forms.CharField(
        label=_("Uw postcode of woonplaats"),
        help_text=_("Bijvoorbeeld 8011 AB of Zwolle."),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "enterkeyhint": "search"}),
    )
    # Filled by "use my location" (browser geolocation); never stored.
    lat = forms.FloatField(required=False, min_value=50.0, max_value=54.0, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=3.0, max_value=7.5, widget=forms.HiddenInput)
    open_vandaag = forms.BooleanField(label=_("Vandaag nog open"), required=False)
    dag = forms.TypedChoiceField(
        label=_("Open op"),
        choices=[("", _("elke dag"))] + list(Weekdag.choices),
        coerce=int,
        empty_value=None,
        required=False,
    )
    onderwerp = forms.ChoiceField(
        label=_("Waarvoor komt u?"), choices=[("", _("alles"))] + list(Onderwerp.choices), required=False
    )
    taal = forms.ChoiceField(label=_("Taal"), choices=[("", _("alle talen"))] + list(Taal.choices), required=False)
    rolstoel = forms.BooleanField(label=_("Rolstoeltoegankelijk"), required=False)

    def unreadable_labels(self) -> list[str]:
        """What the search could not read, named as the resident knows it (the location has no label)."""
        labels = []
        for name in self.errors:
            label = str(self.fields[name].label or _("uw locatie")) if name in self.fields else name
            if label not in labels:
                labels.append(label)
        return labels

    def filters_used(self) -> bool:
        data = self.cleaned_data
        return bool(
            data.get("open_vandaag") or data.get("dag") is not None or data.get("onderwerp")
            or data.get("taal") or data.get("rolstoel")
        )
