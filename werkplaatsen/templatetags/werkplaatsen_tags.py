import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a value would end or break the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.filter
def jsonld(value) -> str:
    """A dict as JSON that is safe inside <script type="application/ld+json">."""
    return mark_safe(json.dumps(value, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308


@register.filter
def choice_labels(page, field_name: str) -> list[str]:
    """The labels of a ChoiceListField's values, in the page's language."""
    return page._meta.get_field(field_name).labels(getattr(page, field_name))
