"""skops's lists of trusted type names, kept on disk between starts of the server.

Importing skops.io (it reads the intent classifier's model file, addons/components/intent_classifier.py)
computes, in skops.io._trusted_types, the names of the types it trusts: scikit-learn's estimators
(all_estimators() imports every module of scikit-learn) and numpy's and scipy's ufuncs (each found
by a search through every module loaded). 0.7 to 1 s of each Rasa server's start (about a tenth
of its time to ready), for lists that change only with the versions of the four libraries.
`install()` (scripts/rasa_server.py, for `run` and `shell`) gives skops.io, as that module, one
made from the lists kept under var/skops-cache/ (one file per set of versions); without the file,
skops.io is imported as usual and the lists are written. tests/test_skops_types.py checks that
the module made from the file holds what skops's own computes.
"""
from __future__ import annotations

import importlib
import json
import logging
import sys
import types
from pathlib import Path
from typing import Any, Dict, List, Optional

logger = logging.getLogger(__name__)

CACHE = Path(__file__).resolve().parents[2] / "var" / "skops-cache"
TRUSTED = "skops.io._trusted_types"
# the lists of names that skops.io._trusted_types computes, and its one list of types
LISTS = ("PRIMITIVE_TYPE_NAMES", "SKLEARN_ESTIMATOR_TYPE_NAMES", "SCIPY_UFUNC_TYPE_NAMES", "NUMPY_UFUNC_TYPE_NAMES",
         "NUMPY_DTYPE_TYPE_NAMES")
PRIMITIVES_TYPES = [int, float, str, bool]


def _path(folder: Path) -> Path:
    import numpy
    import scipy
    import sklearn
    import skops

    versions = f"skops-{skops.__version__}-sklearn-{sklearn.__version__}-scipy-{scipy.__version__}-numpy-{numpy.__version__}"
    return folder / f"{versions}-py{sys.version_info[0]}.{sys.version_info[1]}.json"


def _read(path: Path) -> Optional[Dict[str, List[str]]]:
    try:
        lists = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(lists, dict) or set(lists) != set(LISTS) or not all(
            isinstance(names, list) and all(isinstance(n, str) for n in names) for names in lists.values()):
        return None
    return lists


def module_of(lists: Dict[str, List[str]]) -> types.ModuleType:
    """skops.io._trusted_types as its import makes it, from its lists of names."""
    import numpy
    import scipy
    from sklearn.utils import all_estimators

    module = types.ModuleType(TRUSTED)
    module.__dict__.update(np=numpy, scipy=scipy, all_estimators=all_estimators, PRIMITIVES_TYPES=list(PRIMITIVES_TYPES),
                           **{name: list(names) for name, names in lists.items()})
    return module


def install(folder: Path = CACHE) -> None:
    """Imports skops.io, its trusted names read from `folder` when they are kept there; nothing
    when skops.io is imported already."""
    if TRUSTED in sys.modules:
        return
    path = _path(folder)
    lists = _read(path)
    if lists is None:
        trusted: Any = importlib.import_module(TRUSTED)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({name: getattr(trusted, name) for name in LISTS}), encoding="utf-8")
        except OSError as error:  # a read-only checkout: the next start computes them again
            logger.warning("skops' trusted names not kept in %s: %s", folder, error)
        return
    module = module_of(lists)
    sys.modules[TRUSTED] = module
    try:
        importlib.import_module("skops.io")
    except BaseException:
        sys.modules.pop(TRUSTED, None)
        raise
    from skops.io import _utils

    module.get_public_type_names, module.get_type_name = _utils.get_public_type_names, _utils.get_type_name
    sys.modules["skops.io"]._trusted_types = module  # the package's attribute, as an import sets it
