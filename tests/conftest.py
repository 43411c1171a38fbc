import sys
from pathlib import Path

# Make tests/helpers.py importable as `helpers` whatever pytest's import mode.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch):
    # GITHUB_ACTIONS=true makes `check` default to --format github; the suite must
    # behave the same when it runs inside GitHub Actions.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
