import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test import RequestFactory

from accounts.audit import AuditRegel, AuditResultaat, audit_chain_verify, audit_log, audit_origin
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _append(n: int, actor=None) -> list[AuditRegel]:
    return [audit_log(actie=f"test.actie.{i}", actor=actor, oorsprong="10.0.0.1") for i in range(n)]


def test_rows_chain_onto_each_other_and_verify():
    user = UserFactory()
    rows = _append(5, actor=user)
    assert rows[0].vorige_hash == "0" * 64
    assert all(later.vorige_hash == earlier.hash for earlier, later in zip(rows, rows[1:], strict=False))
    assert audit_chain_verify().intact
    assert audit_chain_verify().rows == 5


def test_changing_history_behind_the_models_back_is_detected():
    rows = _append(5)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE accounts_auditregel SET resultaat = %s WHERE id = %s", ["geweigerd", rows[2].pk]
        )
    report = audit_chain_verify()
    assert not report.intact
    assert report.first_broken_id == rows[2].pk
    with pytest.raises(CommandError, match=str(rows[2].pk)):
        call_command("audit_verify")


def test_removing_a_row_from_the_middle_is_detected():
    rows = _append(4)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_auditregel WHERE id = %s", [rows[1].pk])
    assert audit_chain_verify().first_broken_id == rows[2].pk


def test_the_log_refuses_edits_and_deletes_through_the_orm():
    (row,) = _append(1)
    row.resultaat = AuditResultaat.MISLUKT
    with pytest.raises(PermissionError):
        row.save()
    with pytest.raises(PermissionError):
        row.delete()
    with pytest.raises(PermissionError):
        AuditRegel.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditRegel.objects.update(resultaat="mislukt")
    assert audit_chain_verify().intact


def test_origin_is_the_first_forwarded_hop():
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2", REMOTE_ADDR="10.0.0.2")
    assert audit_origin(request) == "203.0.113.7"
    assert audit_origin(RequestFactory().get("/", REMOTE_ADDR="198.51.100.1")) == "198.51.100.1"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_appends_never_fork_the_chain():
    """Twenty writers at once on PostgreSQL: one unbroken chain of twenty rows."""
    barrier = threading.Barrier(20)
    errors = []

    def writer(i):
        try:
            barrier.wait(timeout=10)
            audit_log(actie=f"parallel.{i}")
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = audit_chain_verify()
    assert report.intact and report.rows == 20
