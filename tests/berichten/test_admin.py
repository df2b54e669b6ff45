"""The outbox in the Wagtail admin and the RQ dashboard: staff only, with filters and a retry action."""

import pytest
from django.contrib.auth.models import Permission

from berichten.models import Bericht, BerichtStatus
from kern.clock import AMSTERDAM
from kern.clock import now as clock_now
from tests.berichten.conftest import MOBIEL
from tests.factories import UserFactory
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

INDEX = "/beheer/bericht/"


@pytest.fixture(autouse=True)
def no_second_factor(settings):
    # The second factor is accounts' subject (tests/accounts); here the question is staff or not.
    settings.TWO_FACTOR_REQUIRED = False


def admin_user(*, staff: bool):
    user = UserFactory(is_staff=staff)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def rows(n, status=BerichtStatus.SENT, soort="dienst", start=0):
    Bericht.objects.bulk_create(
        Bericht(
            telefoonnummer=MOBIEL,
            tekst="Morgen dienst.",
            soort=soort,
            sleutel=f"{soort}:{start + i}",
            niet_voor=clock_now(),
            status=status,
        )
        for i in range(n)
    )


def test_staff_see_the_outbox_with_masked_numbers(client):
    rows(2)
    client.force_login(admin_user(staff=True))
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "+31******78" in html
    assert MOBIEL not in html
    assert "verzonden" in html


def test_an_admin_user_who_is_not_staff_is_refused(client):
    rows(1)
    client.force_login(admin_user(staff=False))
    response = client.get(INDEX)
    assert response.status_code in (302, 403)
    assert MOBIEL[-2:] + "</" not in response.content.decode()
    if response.status_code == 302:
        assert response.url != INDEX


def test_filters_on_status_kind_and_date(client):
    rows(2, status=BerichtStatus.FAILED, soort="dienst")
    rows(3, status=BerichtStatus.SENT, soort="wachtrij")
    client.force_login(admin_user(staff=True))
    by_status = client.get(INDEX, {"status": "failed"})
    assert list(by_status.context["object_list"].values_list("status", flat=True)) == ["failed", "failed"]
    by_kind = client.get(INDEX, {"soort": "wachtrij"})
    assert by_kind.context["object_list"].count() == 3
    today = clock_now().astimezone(AMSTERDAM).date().isoformat()
    assert client.get(INDEX, {"aangemaakt_op__date__gte": today}).context["object_list"].count() == 5
    assert client.get(INDEX, {"aangemaakt_op__date__lte": "2000-01-01"}).context["object_list"].count() == 0


def test_the_listing_query_count_does_not_grow_with_the_rows(client):
    client.force_login(admin_user(staff=True))
    rows(3, status=BerichtStatus.FAILED)
    client.get(INDEX)  # warm caches (content types, site)
    small = queries_for(lambda: client.get(INDEX))
    rows(40, status=BerichtStatus.FAILED, start=100)
    large = queries_for(lambda: client.get(INDEX))
    assert large == small
    assert large <= 20


def test_staff_retry_a_failed_message_and_it_is_sent(client, verzonden, django_capture_on_commit_callbacks):
    rows(1, status=BerichtStatus.FAILED)
    bericht = Bericht.objects.get()
    client.force_login(admin_user(staff=True))
    listing = client.get(INDEX).content.decode()
    assert f"/beheer/bericht/retry/{bericht.pk}/" in listing
    assert client.get(f"/beheer/bericht/retry/{bericht.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/beheer/bericht/retry/{bericht.pk}/")
    assert response.status_code == 302
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.SENT
    assert len(verzonden) == 1

    # A message that is not failed cannot be retried into a second send.
    client.post(f"/beheer/bericht/retry/{bericht.pk}/")
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.SENT
    assert len(verzonden) == 1


def test_non_staff_cannot_retry(client, verzonden):
    rows(1, status=BerichtStatus.FAILED)
    bericht = Bericht.objects.get()
    client.force_login(admin_user(staff=False))
    response = client.post(f"/beheer/bericht/retry/{bericht.pk}/")
    assert response.status_code in (302, 403)
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.FAILED
    assert verzonden == []


def test_nobody_adds_or_edits_outbox_rows_by_hand(client):
    rows(1)
    client.force_login(admin_user(staff=True))
    pk = Bericht.objects.get().pk
    assert client.get("/beheer/bericht/new/").status_code == 404
    assert client.get(f"/beheer/bericht/edit/{pk}/").status_code == 404


def test_the_rq_dashboard_refuses_non_staff(client):
    client.force_login(UserFactory(is_staff=False))
    response = client.get("/django-rq/")
    assert response.status_code == 302
    assert "/django-rq/" not in response.url.split("?")[0]


def test_the_rq_dashboard_asks_staff_for_a_second_factor_when_required(client, settings):
    settings.TWO_FACTOR_REQUIRED = True
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/django-rq/")
    assert response.status_code == 302
    assert "tweestaps" in response.url or "2fa" in response.url.lower()


@pytest.mark.redis
def test_the_rq_dashboard_shows_the_berichten_queue_to_staff(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/django-rq/")
    assert response.status_code == 200
    assert "berichten" in response.content.decode()
