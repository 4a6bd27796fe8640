"""Fixtures shared by every test folder."""
import os
from pathlib import Path

import pytest

from actions.eligibility.sources import seeds_dir

# Set by .ci/run: in CI the source documents are always beside the repository, and a check that
# quietly skipped there would be a check lost.
REQUIRE_SEEDS = "ORIENTATION_REQUIRE_SEEDS"


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
