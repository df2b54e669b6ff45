import os
import secrets
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _run(args, env_extra=None, cwd="/"):
    dropped = {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_extra or {})
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_settings_import_from_any_directory():
    result = _run(
        [sys.executable, "-c", "import werkplaats_site.settings as s; print(s.TIME_ZONE, s.LANGUAGE_CODE)"]
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Europe/Amsterdam nl"


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _run(
        [sys.executable, "-c", "import werkplaats_site.settings.production"],
        {"ALLOWED_HOSTS": "werkplaats.example.nl"},
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("flag", ["", "0"])
def test_production_settings_pass_the_deploy_check(flag):
    result = _run(
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        {
            "DJANGO_SETTINGS_MODULE": "werkplaats_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "werkplaats.example.nl",
            "DEBUG": flag,
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_always_require_two_factor():
    result = _run(
        [
            sys.executable,
            "-c",
            "import werkplaats_site.settings.production as s; print(s.TWO_FACTOR_REQUIRED)",
        ],
        {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "x.nl", "TWO_FACTOR_REQUIRED": "0"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_development_defaults_need_no_services():
    # The embedded default: no Redis means jobs run inline; SMS goes to the console in the demo.
    result = _run(
        [sys.executable, "-c", "import werkplaats_site.settings as s; print(s.JOBS_ASYNC, s.SMS_BACKEND)"],
        {"REDIS_URL": "", "SMS_BACKEND": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "console"]
