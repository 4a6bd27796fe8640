"""TensorFlow imported only by what uses it: the Rasa server, whose pipeline has no TensorFlow
component, never imports it (about 450 MB and 3 s of every start).

Rasa 3.6 imports TensorFlow on every path through one module: rasa.utils.train_utils, read by every
extractor, featurizer and policy, imports at its top the training callbacks and the batch generator,
and those two modules import TensorFlow. train_utils uses them only in its training functions. So
train_utils is imported here with the three names standing for functions that import the real
class when called, then the two modules are left to their ordinary import: a DIET or a TED loaded
later imports TensorFlow as usual. Installed by scripts/rasa_server.py before Rasa is imported;
tests/test_deferred_tensorflow.py checks that a served message leaves TensorFlow unimported.
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import Any, Callable

TRAINING_ONLY = {"rasa.utils.tensorflow.callback": ("RasaTrainingLogger", "RasaModelCheckpoint"),
                 "rasa.utils.tensorflow.data_generator": ("RasaBatchDataGenerator",)}


def deferred(module: str, name: str) -> Callable[..., Any]:
    def create(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)
    create.__name__ = create.__qualname__ = name
    return create


def install() -> None:
    """Imports rasa.utils.train_utils without TensorFlow; nothing to do when it is imported already."""
    if "rasa.utils.train_utils" in sys.modules:
        return
    stand_ins = {}
    for module, names in TRAINING_ONLY.items():
        if module not in sys.modules:
            stand_ins[module] = types.ModuleType(module)
            for name in names:
                setattr(stand_ins[module], name, deferred(module, name))
    sys.modules.update(stand_ins)
    try:
        importlib.import_module("rasa.utils.train_utils")
    finally:
        for module, stand_in in stand_ins.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]
