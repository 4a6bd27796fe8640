import json
from functools import cache

import pytest

from orientation.territories.build import SOURCE_DIR, build
from orientation.territories.index import load_index


@pytest.fixture(scope="session")
def index(tmp_path_factory):
    """An index built now from the pinned npm package, as `make install` builds it."""
    path = tmp_path_factory.mktemp("territories") / "territories.json"
    build(SOURCE_DIR, path)
    return load_index(path)


@pytest.fixture(scope="session")
def data():
    """The package's own files, to check the index against."""
    @cache
    def _read(name):
        return json.loads((SOURCE_DIR / "data" / f"{name}.json").read_text(encoding="utf-8"))
    return _read
