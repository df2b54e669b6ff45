"""The import directions of ARCHITECTURE.md hold, and the contracts in pyproject.toml would catch a breach.

The breaches are made in a copy of the packages under tmp_path, so the source tree is never touched;
lint-imports runs there with the project's own pyproject.toml and the copy first on PYTHONPATH.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
# Import name -> folder; the site's folder is installed under another name (see pyproject.toml).
PACKAGES = {
    "kern": "kern",
    "werkplaats_site": "site",
    "content": "content",
    "werkplaatsen": "werkplaatsen",
    "accounts": "accounts",
    "rooster": "rooster",
    "inloop": "inloop",
    "berichten": "berichten",
}


def _lint_imports(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(cwd / "pyproject.toml")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _copy_project(target: Path) -> None:
    for name, folder in PACKAGES.items():
        shutil.copytree(
            ROOT / folder,
            target / name,
            ignore=shutil.ignore_patterns("__pycache__", "templates", "static", "locale"),
        )
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")


def test_the_project_keeps_every_import_contract():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "contract"),
    [
        ("kern/clock.py", "import rooster", "kern is the leaf: it imports no app"),
        ("berichten/replies.py", "from accounts import models", "berichten knows numbers and texts, no domain app"),
        ("berichten/models.py", "import werkplaatsen.models", "berichten knows numbers and texts, no domain app"),
        ("inloop/services.py", "from rooster import selectors", "inloop does not know rooster"),
        ("accounts/permissions.py", "import inloop.models", "Lower apps never import higher ones"),
        ("werkplaatsen/models.py", "from werkplaats_site import views", "Lower apps never import higher ones"),
        ("content/models.py", "import accounts.models", "content builds on werkplaatsen only"),
    ],
)
def test_a_wrong_import_breaks_a_contract(tmp_path, module, bad_import, contract):
    _copy_project(tmp_path)
    path = tmp_path / module
    path.write_text(path.read_text() + f"\n{bad_import}  # noqa\n")

    result = _lint_imports(tmp_path, pythonpath=tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    broken = [line for line in result.stdout.splitlines() if line.endswith("BROKEN")]
    assert any(line.startswith(contract) for line in broken), result.stdout
