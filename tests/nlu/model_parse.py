"""The trained model parsing messages (devtools/model_parse.py), failing the test when it cannot."""
from typing import Any, Dict, List, Sequence

import pytest

from devtools.model_parse import ModelError, theme_of
from devtools.model_parse import parse as _parse

__all__ = ["parse", "theme_of"]


def parse(texts: Sequence[str]) -> List[Dict[str, Any]]:
    try:
        return _parse(texts)
    except ModelError as error:
        pytest.fail(str(error))
