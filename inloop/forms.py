from django import forms
from django.utils.translation import gettext_lazy as _

from inloop.models import GESPREKSTALEN, Doorverwijzing, Signaal, Taal, Uitkomst
from kern.forms import NLDesignForm
from kern.persoonsgegevens import persoonsgegevens_vinden, waarschuwing


class PersoonsgegevensMixin:
    """Warn before saving free text that looks like personal data (a BSN, phone, e-mail, IBAN, name).

    What was typed is kept: the form comes back with the warning at the field, and the person either
    removes it or ticks that it is not personal data and saves again.
    """

    vrije_tekst: tuple[str, ...] = ()
    vraagt_bevestiging = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["geen_persoonsgegevens"] = forms.BooleanField(
            label=_("Ik heb het nagekeken: dit zijn geen persoonsgegevens. Toch opslaan."), required=False
        )

    def clean(self):
        data = super().clean()
        # Only this form's question: the services that get cleaned_data never see it.
        if data.pop("geen_persoonsgegevens", False):
            return data
        for name in self.vrije_tekst:
            vondsten = persoonsgegevens_vinden(data.get(name) or "")
            if vondsten:
                self.add_error(name, waarschuwing(vondsten))
                self.vraagt_bevestiging = True
        return data


DUUR_KEUZES = [(m, _("%(m)s min") % {"m": m}) for m in (5, 10, 15, 20, 30, 45, 60)]


class BezoekForm(NLDesignForm, PersoonsgegevensMixin, forms.Form):
    vrije_tekst = ("notitie",)

    onderwerpen = forms.ModelMultipleChoiceField(
        label=_("Waar ging het over?"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één onderwerp.")},
    )
    uitkomst = forms.ChoiceField(
        label=_("Uitkomst"), choices=Uitkomst.choices, initial=Uitkomst.TER_PLEKKE, widget=forms.RadioSelect
    )
    doorverwezen_naar = forms.ChoiceField(
        label=_("Doorverwezen naar"),
        choices=[("", _("— kies als u heeft doorverwezen —")), *Doorverwijzing.choices],
        required=False,
    )
    eerste_bezoek = forms.TypedChoiceField(
        label=_("Eerste keer hier?"),
        choices=[("ja", _("Ja, eerste keer")), ("nee", _("Nee, eerder geweest"))],
        coerce=lambda v: v == "ja",
        initial="ja",
        widget=forms.RadioSelect,
    )
    taal = forms.ChoiceField(label=_("Taal van het gesprek"), choices=GESPREKSTALEN, initial=Taal.NEDERLANDS)
    duur_minuten = forms.TypedChoiceField(
        label=_("Hoe lang duurde het?"), choices=DUUR_KEUZES, coerce=int, initial=15, widget=forms.RadioSelect
    )
    notitie = forms.CharField(
        label=_("Notitie (niet verplicht)"),
        help_text=_("Schrijf hier geen naam, BSN, adres, telefoonnummer of andere persoonsgegevens."),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, onderwerpen, uit_wachtrij: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["onderwerpen"].queryset = onderwerpen
        if uit_wachtrij:
            # The queue measured the talk; nothing to type.
            del self.fields["duur_minuten"]

    def clean(self):
        data = super().clean()
        if data.get("uitkomst") == Uitkomst.DOORVERWEZEN and not data.get("doorverwezen_naar"):
            self.add_error("doorverwezen_naar", _("Kies naar wie u heeft doorverwezen."))
        return data


class SignaalForm(NLDesignForm, PersoonsgegevensMixin, forms.Form):
    vrije_tekst = ("titel",)

    titel = forms.CharField(
        label=_("Wat loopt steeds mis?"),
        help_text=_("Kort en zonder namen, bijvoorbeeld: brief over de energietoeslag is niet te begrijpen."),
        max_length=120,
        error_messages={"required": _("Beschrijf het signaal in een paar woorden.")},
    )
    categorie = forms.ChoiceField(label=_("Soort signaal"), choices=Signaal.Categorie.choices)


class RapportFilterForm(NLDesignForm, forms.Form):
    van = forms.DateField(label=_("Van"), widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label=_("Tot en met"), widget=forms.DateInput(attrs={"type": "date"}))
    werkplaats = forms.TypedChoiceField(label=_("Werkplaats"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, werkplaatsen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkplaats"].choices = [("", _("Alle werkplaatsen")), *[(w.pk, w.title) for w in werkplaatsen]]

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and van > tot:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        if van and tot and (tot - van).days > 800:
            self.add_error("van", _("Kies een periode van hoogstens twee jaar."))
        return data


class KioskForm(NLDesignForm, forms.Form):
    """The only question at the door, and it is optional: a mobile number for one SMS."""

    telefoonnummer = forms.CharField(
        label=_("Sms als u bijna aan de beurt bent? Vul uw mobiele nummer in (niet verplicht)"),
        help_text=_("We sturen één sms en wissen het nummer daarna. Vandaag nog."),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )

    def clean_telefoonnummer(self):
        from kern.telefoon import mobile_normalize

        value = self.cleaned_data["telefoonnummer"].strip()
        return mobile_normalize(value) if value else ""
