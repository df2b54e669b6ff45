"""A list of choices in one JSON column: works the same on SQLite (demo) and PostgreSQL."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """Several values from a fixed list, stored as a JSON array, edited as checkboxes.

    ``choices`` would make Django treat the column as one choice, so the list is kept as
    ``item_choices`` instead.
    """

    def __init__(self, *args, choices=(), **kwargs):
        self.item_choices = list(choices)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.item_choices
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.item_choices}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            raise ValidationError(_("Onbekende keuze: %(keuze)s"), params={"keuze": ", ".join(map(str, unknown))})

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, value) -> list[str]:
        names = dict(self.item_choices)
        return [str(names[item]) for item in value or [] if item in names]
