"""Every form in /mijn/ uses the NL Design System form components, and its descriptions are announced.

A field's help text and error are read with the field only when the input's aria-describedby names
ids that exist; an input without the Utrecht class is an unstyled browser default.
"""

from html.parser import HTMLParser

import pytest

from tests.site.demo_pages import WORKSPACE, demo_pages_render

pytestmark = pytest.mark.django_db

STYLED = {
    "input": ("utrecht-textbox", "utrecht-checkbox", "utrecht-radio-button", "utrecht-button"),
    "select": ("utrecht-select",),
    "textarea": ("utrecht-textarea",),
    "button": ("utrecht-button",),
}


class _Controls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.label_for: set[str] = set()
        self.controls: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "label" and attrs.get("for"):
            self.label_for.add(attrs["for"])
        if tag in STYLED and attrs.get("type") not in ("hidden",):
            self.controls.append((tag, attrs))
        # A fieldset describes its group of radio buttons or checkboxes.
        if tag == "fieldset" and attrs.get("aria-describedby"):
            self.controls.append((tag, attrs))


def _faults(html: str) -> list[str]:
    parser = _Controls()
    parser.feed(html)
    faults = []
    for tag, attrs in parser.controls:
        what = f"<{tag} name={attrs.get('name')!r} id={attrs.get('id')!r}>"
        for ref in (attrs.get("aria-describedby") or "").split():
            if ref not in parser.ids:
                faults.append(f"{what} aria-describedby names {ref!r}, which is not on the page")
        if tag == "fieldset":
            continue
        classes = (attrs.get("class") or "").split()
        if not any(c in classes for c in STYLED[tag]):
            faults.append(f"{what} has no NL Design System class ({' or '.join(STYLED[tag])})")
        labelled = tag in ("select", "textarea") or (tag == "input" and attrs.get("type") not in ("submit", "button"))
        if labelled and attrs.get("id") not in parser.label_for:
            faults.append(f"{what} has no <label for>")
    return faults


def test_every_workspace_form_field_is_styled_labelled_and_described(client, settings):
    pages = demo_pages_render(client, settings)
    faults = {
        name: found
        for name, (part, html) in pages.items()
        if part == WORKSPACE and (found := _faults(html))
    }
    assert faults == {}
    # A field with an error is marked invalid and points at its description and its message.
    html = pages["inloggen-sms-code-fout"][1]
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_code_helptext id_code_error"' in html
    assert 'id="id_code_helptext"' in html and 'id="id_code_error"' in html
