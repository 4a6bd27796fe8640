"""The Rasa extensions, grouped by kind and named in Rasa's configuration files:

- components/: NLU and pipeline components (config.yml);
- channels/: the input channels (credentials.yml);
- stores/: the tracker and lock stores (endpoints.yml);
- patches/: changes of Rasa's own behaviour (the French apology, the per-turn savings, TensorFlow
  left unimported, spaCy's cached pattern), which reach into Rasa's internals.

The patches were written against one Rasa release: another release may have moved or changed what
they replace, and would then fail in ways no message explains. So importing this package (which
Rasa does before using any extension) refuses any other version, with a French message.
"""
from __future__ import annotations

from importlib import metadata
from typing import Optional

RASA_VERSION = "3.6.21"


class UnsupportedRasaVersion(RuntimeError):
    """The installed Rasa is not the release the patches were written for."""


def check_rasa_version(found: Optional[str] = None) -> None:
    if found is None:
        try:
            found = metadata.version("rasa")
        except metadata.PackageNotFoundError:
            found = "aucune"
    if found != RASA_VERSION:
        raise UnsupportedRasaVersion(
            f"Version de Rasa non prise en charge : {found} installée, {RASA_VERSION} attendue. Les extensions "
            f"de addons/ modifient le fonctionnement interne de Rasa {RASA_VERSION} ; installez les dépendances "
            "verrouillées (make install) ou adaptez et retestez addons/patches/ avant de changer de version.")


check_rasa_version()
