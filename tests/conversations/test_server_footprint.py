"""The servers started as `make run` starts them (devtools/stack_config.py) leave out the libraries
they do not use, so that each starts faster and weighs less: TensorFlow and JAX in the Rasa server
(scripts/rasa_server.py, addons/patches/deferred_tensorflow.py), scikit-learn and SciPy in the action
server (python -m rasa_sdk --actions actions). Read from the live processes' memory maps."""
from pathlib import Path
from typing import List


def process_listening_on(port: int) -> int:
    """The pid whose command line ends its options with `--port PORT` (the test servers)."""
    for entry in Path("/proc").iterdir():
        try:
            arguments = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"--port" in arguments and arguments[arguments.index(b"--port") + 1:][:1] == [str(port).encode()]:
            return int(entry.name)
    raise AssertionError(f"no process with --port {port}")


def libraries(pid: int) -> List[str]:
    return sorted({line.split()[-1] for line in Path(f"/proc/{pid}/maps").read_text().splitlines()
                   if line.rstrip().endswith(".so") or ".so." in line})


def test_the_rasa_server_has_neither_tensorflow_nor_jax(chat, servers):
    assert chat.say("bonjour")  # a message through the whole pipeline, intent classifier included
    loaded = libraries(process_listening_on(servers["rasa"]))
    assert any("/sklearn/" in path for path in loaded)  # the maps of the live Rasa server were read
    assert not [path for path in loaded if "tensorflow" in path or "/jaxlib/" in path]


def test_the_action_server_has_neither_scikit_learn_nor_scipy(servers):
    loaded = libraries(process_listening_on(servers["actions"]))
    assert any("_ssl" in path for path in loaded)  # the maps of the live Python server were read
    assert not [path for path in loaded if "/sklearn/" in path or "/scipy/" in path]
