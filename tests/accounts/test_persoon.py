import json

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.audit import AuditRegel, audit_chain_verify, audit_log
from accounts.models import User, WerkplaatsLidmaatschap
from tests.factories import UserFactory, gemeente_create, lidmaatschap_create, werkplaats_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def anouk():
    user = UserFactory(
        username="anouk",
        first_name="Anouk",
        last_name="de Vries",
        email="anouk@example.nl",
        telefoonnummer="+31612345678",
    )
    user.sms_toestemming_geven()
    user.save()
    lidmaatschap_create(user, werkplaats_create(gemeente_create()))
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    audit_log(actie="inloggen", actor=user, oorsprong="192.0.2.1")
    return user


def test_export_holds_everything_we_keep_about_the_person(anouk, capsys):
    call_command("persoon_export", "anouk")
    data = json.loads(capsys.readouterr().out)
    assert data["account"]["telefoonnummer"] == "+31612345678"
    assert data["account"]["sms_toestemming"] is True
    assert data["rollen"] == [
        {"rol": "vrijwilliger", "werkplaats": "Werkplaats Centrum", "sinds": data["rollen"][0]["sinds"]}
    ]
    assert data["tweestapsverificatie"] is True
    assert [r["actie"] for r in data["auditlog"]] == ["inloggen"]


def test_erasure_removes_identifying_data_and_keeps_the_audit_chain(anouk, client):
    call_command("persoon_wissen", "anouk", "--ja")
    erased = User.objects.get(pk=anouk.pk)
    assert erased.username.startswith("gewist-")
    assert (erased.first_name, erased.last_name, erased.email, erased.telefoonnummer) == ("", "", "", None)
    assert not erased.is_active and not erased.has_usable_password()
    assert not WerkplaatsLidmaatschap.objects.filter(user=erased).exists()
    assert not TOTPDevice.objects.filter(user=erased).exists()
    assert AuditRegel.objects.filter(actor=erased, actie="inloggen").exists()
    assert AuditRegel.objects.filter(actie="persoon.wissen").exists()
    assert audit_chain_verify().intact
    assert not client.login(username="anouk", password="correct-paard-batterij")


def test_erasure_asks_for_confirmation_and_changes_nothing_without_it(anouk):
    with pytest.raises(CommandError, match="--ja"):
        call_command("persoon_wissen", "anouk")
    assert User.objects.get(pk=anouk.pk).first_name == "Anouk"


def test_unknown_person_gets_a_clear_message():
    with pytest.raises(CommandError, match="geen account"):
        call_command("persoon_export", "niemand")
