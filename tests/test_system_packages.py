"""scripts/install-system-packages, the part of `make install` that is not Python: silent when
everything is there, and on a system without apt-get a clear list of what to install."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "install-system-packages"


def _run(path_dirs, **env):
    return subprocess.run([shutil.which("bash"), str(SCRIPT)], capture_output=True, text=True,
                          env={"PATH": os.pathsep.join(map(str, path_dirs)), **env})


def _bin_with(tmp_path, *tools):
    """A PATH that holds only these tools (as the machine has them) and nothing else."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for tool in tools:
        (folder / tool).symlink_to(shutil.which(tool))
    return folder


def test_without_apt_get_it_names_what_is_missing_and_stops(tmp_path):
    folder = _bin_with(tmp_path, "ls", "id")
    result = _run([folder], CHROMIUM=str(tmp_path / "no-chromium"))
    assert result.returncode == 1
    assert "missing system packages: chromium postgresql nodejs npm" in result.stderr
    assert "gestionnaire de paquets" in result.stderr and "package manager" in result.stderr


def test_with_everything_there_it_does_nothing(tmp_path):
    fake = {}
    for tool in ("npm", "pg_virtualenv", "chromium"):
        fake[tool] = tmp_path / tool
        fake[tool].write_text("#!/bin/sh\n")
        fake[tool].chmod(0o755)
    folder = _bin_with(tmp_path, "ls", "id", "ldconfig", "grep")  # ldconfig: the libraries WeasyPrint loads
    for tool in ("npm", "pg_virtualenv"):
        (folder / tool).symlink_to(fake[tool])
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        pytest.skip("PostgreSQL's server binaries are looked for where Debian puts them, and are not there")
    result = _run([folder], CHROMIUM=str(fake["chromium"]))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
