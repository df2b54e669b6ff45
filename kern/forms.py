"""Forms in the NL Design System look, done once: every workspace form inherits ``NLDesignForm``.

The widgets get the Utrecht component classes and every field renders through one template,
``formulier/veld.html``. Ids follow Django's own convention (``<id>_helptext``, ``<id>_error``),
so the ``aria-describedby`` and ``aria-invalid`` that Django puts on the input point at elements
that exist.
"""

from django import forms
from django.forms.renderers import DjangoTemplates
from django.forms.widgets import Input

# Most specific first: CheckboxSelectMultiple is a RadioSelect, PasswordInput an Input.
_WIDGET_CLASSES = (
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (Input, "utrecht-textbox utrecht-textbox--html-input"),
)


class NLDesignRenderer(DjangoTemplates):
    field_template_name = "formulier/veld.html"


class NLDesignForm:
    """Mixin for a Django form: Utrecht classes on the widgets, one field template."""

    default_renderer = NLDesignRenderer

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if widget.is_hidden:
                continue
            for widget_class, css in _WIDGET_CLASSES:
                if isinstance(widget, widget_class):
                    widget.attrs["class"] = f"{css} {widget.attrs.get('class', '')}".strip()
                    break
