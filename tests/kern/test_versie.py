"""Cache keys carry the code version, so a deploy never reads a pickle written by older classes."""

import importlib

from kern.versie import code_version


def _project(tmp_path, body: str):
    (tmp_path / "werkplaatsen").mkdir(exist_ok=True)
    (tmp_path / "werkplaatsen" / "snapshot.py").write_text(body)
    (tmp_path / "tests").mkdir(exist_ok=True)
    return tmp_path


def test_a_changed_class_gives_a_new_version(tmp_path, monkeypatch):
    monkeypatch.delenv("CODE_VERSION", raising=False)
    before = code_version(_project(tmp_path, "class Rij:\n    naam: str\n"))
    assert code_version(tmp_path) == before  # stable between processes
    after = code_version(_project(tmp_path, "class Rij:\n    naam: str\n    afstand: int\n"))
    assert after != before


def test_tests_do_not_change_the_version(tmp_path, monkeypatch):
    monkeypatch.delenv("CODE_VERSION", raising=False)
    before = code_version(_project(tmp_path, "x = 1\n"))
    (tmp_path / "tests" / "test_x.py").write_text("def test_x():\n    pass\n")
    assert code_version(tmp_path) == before


def test_a_deploy_can_name_its_commit(tmp_path, monkeypatch):
    monkeypatch.setenv("CODE_VERSION", "7e6ed72")
    assert code_version(tmp_path) == "7e6ed72"


def test_every_cache_key_carries_it():
    from werkplaats_site import settings as project_settings

    importlib.reload(project_settings)
    assert project_settings.CACHES["default"]["KEY_PREFIX"] == f"werkplaats:{project_settings.CODE_VERSION}"
