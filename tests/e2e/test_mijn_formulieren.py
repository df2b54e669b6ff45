"""The volunteers' front door on a phone: styled NL Design System fields, announced help, 24 px targets."""

import pytest

from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Chromium's own look for a bare <input>: a 2 px inset border, 1 px 2 px padding, about 21 px high.
STYLE = """el => { const s = getComputedStyle(el); return {
  border: s.borderTopStyle + ' ' + s.borderBottomWidth, padding: parseFloat(s.paddingLeft),
  height: el.getBoundingClientRect().height, width: el.getBoundingClientRect().width }; }"""

# Every control in the page's main part that is smaller than 24 by 24 CSS pixels (WCAG 2.2, 2.5.8).
SMALL_TARGETS = """() => [...document.querySelectorAll('main a, main button, main input, main select, main textarea, main summary')]
  .filter(el => el.type !== 'hidden')
  .map(el => ({el: el.outerHTML.slice(0, 80), r: el.getBoundingClientRect()}))
  .filter(x => x.r.width < 24 || x.r.height < 24)
  .map(x => `${x.el} ${Math.round(x.r.width)}x${Math.round(x.r.height)}`)"""

# aria-describedby ids that name no element on the page.
DANGLING = """() => [...document.querySelectorAll('[aria-describedby]')].flatMap(el =>
  el.getAttribute('aria-describedby').split(/\\s+/).filter(id => !document.getElementById(id)))"""


def _assert_styled(locator):
    style = locator.evaluate(STYLE)
    assert not style["border"].startswith("inset"), style
    assert style["padding"] >= 8, style
    assert style["height"] >= 44 and style["width"] >= 200, style


def test_login_forms_are_styled_described_and_big_enough_on_a_phone(live_server, phone_page):
    page = phone_page
    page.goto(live_server.url + "/mijn/inloggen/")
    _assert_styled(page.get_by_label("Gebruikersnaam"))
    _assert_styled(page.get_by_label("Wachtwoord"))
    assert page.evaluate(SMALL_TARGETS) == []
    assert axe_violations(page) == []

    page.goto(live_server.url + "/mijn/inloggen/sms/")
    field = page.get_by_label("Uw mobiele nummer")
    _assert_styled(field)
    # The help text is announced with the field: its id exists and names the description.
    assert page.evaluate(DANGLING) == []
    assert "bijvoorbeeld 06 12345678" in field.evaluate(
        "el => el.getAttribute('aria-describedby').split(' ').map(id => document.getElementById(id).textContent).join(' ')"
    )
    field.fill("12")
    page.get_by_role("button", name="Stuur mij een code").click()
    field = page.get_by_label("Uw mobiele nummer")
    assert field.get_attribute("aria-invalid") == "true"
    assert page.evaluate(DANGLING) == []
    described = field.evaluate(
        "el => el.getAttribute('aria-describedby').split(' ').map(id => document.getElementById(id).textContent).join(' ')"
    )
    assert "bestaat niet" in described or "klopt niet" in described, described
    assert page.evaluate(SMALL_TARGETS) == []
    assert axe_violations(page) == []
