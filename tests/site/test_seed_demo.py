import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from accounts.models import User, WerkplaatsLidmaatschap
from werkplaatsen.models import Gemeente, WerkplaatsPage


def _row_counts() -> dict[str, int]:
    return {
        m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.managed and not m._meta.proxy
    }


@pytest.mark.django_db
def test_seed_demo_builds_a_gemeente_with_six_werkplaatsen_and_prints_logins(capsys, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    out = capsys.readouterr().out
    gemeente = Gemeente.objects.get()
    werkplaatsen = WerkplaatsPage.objects.filter(gemeente=gemeente)
    assert werkplaatsen.count() == 6
    assert len({w.postcode[:4] for w in werkplaatsen}) == 6, "six different neighbourhoods"
    assert all(w.latitude and w.longitude for w in werkplaatsen)
    assert WerkplaatsLidmaatschap.objects.filter(werkplaats__gemeente=gemeente).count() >= 18
    assert "beheerder" in out and "werkplaats-demo" in out
    assert User.objects.get(username="beheerder").check_password("werkplaats-demo")


@pytest.mark.django_db
def test_seed_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    first = _row_counts()
    call_command("seed_demo")
    assert _row_counts() == first


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_demo_serves_a_home_page_and_the_admin_login(client, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    home = client.get("/")
    assert home.status_code == 200
    assert "Werkplaats Geldzaken Zwolle" in home.content.decode()
    assert client.get("/beheer/login/").status_code == 200
    assert client.login(username="beheerder", password="werkplaats-demo")
    assert client.get("/beheer/").status_code == 200
