"""TensorFlow imported only by what uses it: the Rasa server, whose pipeline has no TensorFlow
component, never imports it (about 450 MB and 3 s of every start).

Rasa 3.6 imports TensorFlow on every path through one module: rasa.utils.train_utils, read by every
extractor, featurizer and policy, imports at its top the training callbacks and the batch generator,
and those two modules import TensorFlow. train_utils uses them only in its training functions. So
train_utils is imported here with the three names standing for functions that import the real
class when called, then the two modules are left to their ordinary import: a DIET or a TED loaded
later imports TensorFlow as usual.

Loading a model also resolves the classes of its training graph, which a server never runs: one of
them, the training-data validator, imports DIET, the response selector and TED only to compare the
configured components with them. It is imported with three classes standing for those, which no
component is: a server does not validate training data. So this is installed for `rasa run`
(scripts/rasa_server.py, before Rasa is imported), and `rasa shell`, never where Rasa trains.
tests/test_deferred_tensorflow.py and tests/conversations/test_server_footprint.py check that a
served message leaves TensorFlow unimported.
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import Any, Callable, Dict

TRAINING_ONLY = {"rasa.utils.tensorflow.callback": ("RasaTrainingLogger", "RasaModelCheckpoint"),
                 "rasa.utils.tensorflow.data_generator": ("RasaBatchDataGenerator",)}
VALIDATOR = "rasa.graph_components.validators.default_recipe_validator"
COMPARED_BY_VALIDATOR = {"rasa.nlu.classifiers.diet_classifier": "DIETClassifier",
                         "rasa.nlu.selectors.response_selector": "ResponseSelector",
                         "rasa.core.policies.ted_policy": "TEDPolicy"}


def deferred(module: str, name: str) -> Callable[..., Any]:
    def create(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)
    create.__name__ = create.__qualname__ = name
    return create


def import_with(target: str, stand_ins: Dict[str, Dict[str, Any]]) -> None:
    """Imports `target` while each module of `stand_ins` (not imported yet) is a stand-in holding the
    given names; the stand-ins are gone afterwards, so that a later import gets the real module."""
    made = {module: types.ModuleType(module) for module in stand_ins if module not in sys.modules}
    for module, stand_in in made.items():
        stand_in.__dict__.update(stand_ins[module])
    sys.modules.update(made)
    try:
        importlib.import_module(target)
    finally:
        for module, stand_in in made.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]


def install() -> None:
    """Imports rasa.utils.train_utils and the training-data validator without TensorFlow; each is
    left as it is when imported already."""
    if "rasa.utils.train_utils" not in sys.modules:
        import_with("rasa.utils.train_utils", {module: {name: deferred(module, name) for name in names}
                                               for module, names in TRAINING_ONLY.items()})
    if VALIDATOR not in sys.modules:
        import_with(VALIDATOR, {module: {name: type(name, (), {"__module__": module})}
                                for module, name in COMPARED_BY_VALIDATOR.items()})
