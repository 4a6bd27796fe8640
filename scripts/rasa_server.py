"""Rasa's own command line (`rasa run …`, the same arguments), without TensorFlow or JAX.

    .venv/bin/python scripts/rasa_server.py run --model models --endpoints endpoints.yml …

TensorFlow 2.12 requires JAX and, when it is installed, imports it for its TF Lite converter,
which nothing here uses: 66 MB and 0.35 s of every Rasa server's start. A name set to
None in sys.modules makes `import jax` fail, and TensorFlow expects that failure and goes on.
Rasa itself imports TensorFlow on every path, for training code only: the pipeline has no
TensorFlow component, and addons/patches/deferred_tensorflow.py keeps Rasa from importing it.
`make run` (devtools/stack_config.py) and the tests start the Rasa server through this file.
"""
import sys

sys.modules["jax"] = None  # type: ignore[assignment]  # before anything imports TensorFlow

from addons.patches import deferred_tensorflow, skops_types  # noqa: E402

if sys.argv[1:2] in (["run"], ["shell"]):  # a server; `rasa train` validates with Rasa's own classes
    deferred_tensorflow.install()  # before Rasa is imported
    skops_types.install()  # skops.io without importing every module of scikit-learn (0.8 s)

from rasa.__main__ import main  # noqa: E402

if __name__ == "__main__":
    main()
