"""The renames of docs/glossary.md keep the rows and map stored values both ways."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kern import clock
from rooster.models import Dienst
from tests.factories import UserFactory, gemeente_create, werkplaats_create
from tests.helpers import wagtail_baseline_restore


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.fixture
def migrator():
    yield _migrate
    # Leave the database at the latest migrations for the tests that follow.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_sms_opt_outs_and_their_confirmations_survive_the_rename_to_sms_stop(migrator):
    apps = migrator([("berichten", "0003_queued_at")])
    apps.get_model("berichten", "Afmelding").objects.create(telefoonnummer="+31612345678")
    apps.get_model("berichten", "Bericht").objects.create(
        telefoonnummer="+31612345678", tekst="t", soort="afmelding", sleutel="afmelding:SM1", niet_voor=clock.now()
    )
    apps = migrator([("berichten", "0004_smsstop")])
    assert apps.get_model("berichten", "SmsStop").objects.get().gestopt_op
    assert apps.get_model("berichten", "Bericht").objects.get().soort == "sms_stop"
    apps = migrator([("berichten", "0003_queued_at")])
    assert apps.get_model("berichten", "Bericht").objects.get().soort == "afmelding"
    assert apps.get_model("berichten", "Afmelding").objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_cancelled_sign_ups_become_afgemeld_and_cancelled_shifts_stay_geannuleerd(migrator):
    wagtail_baseline_restore()
    begin = clock.now() + timedelta(days=7)
    werkplaats = werkplaats_create(gemeente_create())
    dienst = Dienst.objects.create(werkplaats=werkplaats, begin=begin, einde=begin + timedelta(hours=3))
    user = UserFactory()
    apps = migrator([("rooster", "0004_tablet")])
    apps.get_model("rooster", "Inschrijving").objects.create(
        dienst_id=dienst.pk, user_id=user.pk, status="geannuleerd", aangemeld_op=clock.now()
    )
    apps.get_model("rooster", "Dienst").objects.filter(pk=dienst.pk).update(status="geannuleerd")
    apps = migrator([("rooster", "0005_inschrijving_afgemeld")])
    assert apps.get_model("rooster", "Inschrijving").objects.get().status == "afgemeld"
    assert apps.get_model("rooster", "Dienst").objects.get(pk=dienst.pk).status == "geannuleerd"
    apps = migrator([("rooster", "0004_tablet")])
    assert apps.get_model("rooster", "Inschrijving").objects.get().status == "geannuleerd"


@pytest.mark.django_db(transaction=True)
def test_numbers_that_were_weg_become_niet_verschenen_in_the_queue_and_the_counts(migrator):
    wagtail_baseline_restore()
    werkplaats = werkplaats_create(gemeente_create())
    apps = migrator([("inloop", "0005_klok")])
    wachtrij = apps.get_model("inloop", "Wachtrij").objects.create(werkplaats_id=werkplaats.pk, datum=clock.today())
    apps.get_model("inloop", "Wachtnummer").objects.create(
        wachtrij=wachtrij, nummer=1, status="weg", aangemaakt=clock.now()
    )
    apps.get_model("inloop", "BezoekTelling").objects.create(
        werkplaats_id=werkplaats.pk, week=clock.today(), dimensie="weg", aantal=1
    )
    apps = migrator([("inloop", "0006_niet_verschenen")])
    assert apps.get_model("inloop", "Wachtnummer").objects.get().status == "niet_verschenen"
    assert apps.get_model("inloop", "BezoekTelling").objects.get().dimensie == "niet_verschenen"
    apps = migrator([("inloop", "0005_klok")])
    assert apps.get_model("inloop", "Wachtnummer").objects.get().status == "weg"
    assert apps.get_model("inloop", "BezoekTelling").objects.get().dimensie == "weg"
