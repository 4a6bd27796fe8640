"""skops's trusted names kept on disk (addons/patches/skops_types.py): the module made from the kept
lists holds what skops.io's own import computes, and the intent classifier's model file loads the same."""
import json
import subprocess
import sys
from pathlib import Path

from addons.patches import skops_types

ROOT = Path(__file__).resolve().parents[1]

READ = """
import json, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from addons.patches import skops_types
if {install}:
    skops_types.install(Path({folder!r}))
import numpy as np, skops.io
from sklearn.neural_network import MLPClassifier
trusted = sys.modules["skops.io._trusted_types"]
model = MLPClassifier(hidden_layer_sizes=(4,), max_iter=5, random_state=0).fit(np.eye(3), ["a", "b", "c"])
del model._optimizer  # as the intent classifier stores it
path = Path({folder!r}) / "model.skops"
skops.io.dump(model, path)
loaded = skops.io.load(path)
print(json.dumps({{"lists": {{name: getattr(trusted, name) for name in skops_types.LISTS}},
                  "primitives": [t.__name__ for t in trusted.PRIMITIVES_TYPES],
                  "same_module": skops.io._trusted_types is trusted,
                  "probabilities": loaded.predict_proba(np.eye(3)).tolist()}}))
"""


def read(folder, install):
    code = READ.format(root=str(ROOT), folder=str(folder), install=install)
    return json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                     check=True).stdout.strip().splitlines()[-1])


def test_the_kept_lists_give_skops_what_it_computes_and_the_model_loads_the_same(tmp_path):
    own = read(tmp_path, install=False)
    first = read(tmp_path, install=True)  # no file yet: the usual import, the lists written
    kept = list((tmp_path).glob("skops-*.json"))
    assert len(kept) == 1 and json.loads(kept[0].read_text()) == own["lists"]
    second = read(tmp_path, install=True)  # from the file
    for reading in (first, second):
        assert reading["lists"] == own["lists"] and reading["primitives"] == own["primitives"] == \
            ["int", "float", "str", "bool"]
        assert reading["same_module"] and reading["probabilities"] == own["probabilities"]
    assert len(own["lists"]["SKLEARN_ESTIMATOR_TYPE_NAMES"]) > 100


def test_an_unreadable_file_is_computed_again(tmp_path):
    own = read(tmp_path, install=False)
    read(tmp_path, install=True)
    kept = next(tmp_path.glob("skops-*.json"))
    kept.write_text('{"SKLEARN_ESTIMATOR_TYPE_NAMES": "cassé"}', encoding="utf-8")
    assert skops_types._read(kept) is None
    assert read(tmp_path, install=True)["lists"] == own["lists"]
    assert json.loads(kept.read_text()) == own["lists"]


def test_the_rasa_server_installs_it_before_rasa_loads_the_model():
    text = (ROOT / "scripts" / "rasa_server.py").read_text(encoding="utf-8")
    assert "skops_types.install()" in text and text.index("skops_types.install()") < text.index("from rasa.__main__")
