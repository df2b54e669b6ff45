"""The code version: part of every cache key, so a deploy never reads a pickle an older class wrote.

A deploy may set ``CODE_VERSION`` (the commit it deploys). Without it, the version is a fingerprint
of the project's Python source plus the Python, Django and Wagtail versions: any change to a class
that ends up pickled in the cache (a page, a snapshot row, a response) gives new keys.
"""

import hashlib
import os
import sys
from pathlib import Path

# Folders that hold no code the running site pickles.
_SKIP = {".venv", "node_modules", ".git", "tests", "benchmarks", "docs", "staticfiles", "__pycache__"}


def code_version(root: Path) -> str:
    """A short, stable fingerprint of the code under ``root`` (or ``CODE_VERSION`` when set)."""
    explicit = os.environ.get("CODE_VERSION", "").strip()
    if explicit:
        return explicit[:40]
    import django
    import wagtail

    digest = hashlib.sha256(f"{sys.version_info[:3]}|{django.__version__}|{wagtail.__version__}".encode())
    for path in sorted(_source_files(root)):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _source_files(root: Path):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in _SKIP and not d.startswith(".")]
        for name in filenames:
            if name.endswith(".py"):
                yield Path(dirpath) / name
