"""Settings and fixtures for the whole test suite."""
import os
import re
from pathlib import Path

import pytest

from orientation.eligibility.sources import seeds_dir

# Set by .ci/run: in CI the source documents are always beside the repository, and a check that
# quietly skipped there would be a check lost.
REQUIRE_SEEDS = "ORIENTATION_REQUIRE_SEEDS"

# The variables the assistant and its servers read: a test that changes one for the rest of the
# session makes the following tests depend on the order (pass them to servers with env=, or use
# monkeypatch).
PROJECT_VARIABLES = re.compile(r"ORIENTATION_|BOOKING_CONFIG$|RASA_|ACTION_|WEB_PORT$|CHROMIUM$")


def pytest_configure(config):
    # pytest-randomly shuffles the tests (its seed is in the header; `--randomly-seed=N` replays an
    # order). Its reseeding before each test hands seeds above 2**32 to thinc's entry point (spaCy),
    # which numpy refuses: every test would error (pytest-dev/pytest-randomly#736). Nothing here
    # draws random numbers, so the order is shuffled and the per-test reseeding is left off.
    if config.pluginmanager.hasplugin("randomly"):
        config.option.randomly_reset_seed = False


def _project_environment():
    return {k: v for k, v in os.environ.items() if PROJECT_VARIABLES.match(k)}


def _check_unchanged(before, who):
    after = _project_environment()
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f"{who} changed os.environ for the tests after it: {changed}"


@pytest.fixture(autouse=True, scope="session")
def session_leaves_the_environment_as_found():
    """Session fixtures (the servers) must not change os.environ either."""
    before = _project_environment()
    yield
    _check_unchanged(before, "a session fixture")


@pytest.fixture(autouse=True)
def environment_is_left_as_found():
    before = _project_environment()
    yield
    _check_unchanged(before, "this test")


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The folder of the source documents. A fresh clone has none (they live in the team's shared
    folder, not in the repository): the traceability tests then skip, visibly, unless
    ORIENTATION_REQUIRE_SEEDS=1 turns the skip into a failure."""
    folder = seeds_dir()
    if not folder.is_dir():
        reason = f"source documents not found at {folder}; set ORIENTATION_SEEDS_DIR"
        if os.environ.get(REQUIRE_SEEDS) == "1":
            pytest.fail(f"{reason} ({REQUIRE_SEEDS}=1)", pytrace=False)
        pytest.skip(reason)
    return folder
