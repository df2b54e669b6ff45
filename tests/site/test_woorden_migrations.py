"""The renames of docs/glossary.md keep the rows and map stored values both ways."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone


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
        telefoonnummer="+31612345678", tekst="t", soort="afmelding", sleutel="afmelding:SM1", niet_voor=timezone.now()
    )
    apps = migrator([("berichten", "0004_smsstop")])
    assert apps.get_model("berichten", "SmsStop").objects.get().gestopt_op
    assert apps.get_model("berichten", "Bericht").objects.get().soort == "sms_stop"
    apps = migrator([("berichten", "0003_queued_at")])
    assert apps.get_model("berichten", "Bericht").objects.get().soort == "afmelding"
    assert apps.get_model("berichten", "Afmelding").objects.count() == 1
