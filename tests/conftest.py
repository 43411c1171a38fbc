import sys
from pathlib import Path

# Make tests/helpers.py importable as `helpers` whatever pytest's import mode.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles of tests/test_fuzz.py (each test there asks for a multiple of
# max_examples). `ORGLINT_FUZZ=long pytest tests/test_fuzz.py`: 20x more examples,
# a longer run for local use.
settings.register_profile(
    "orglint-fuzz",
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
        HealthCheck.large_base_example,
    ],
)
settings.register_profile("orglint-fuzz-long", settings.get_profile("orglint-fuzz"), max_examples=20 * 40)


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch):
    # GITHUB_ACTIONS=true makes `check` default to --format github; the suite must
    # behave the same when it runs inside GitHub Actions.
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
