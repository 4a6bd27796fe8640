"""The Rasa extensions refuse a Rasa release other than the one their patches were written for."""
import pytest

from addons import RASA_VERSION, UnsupportedRasaVersion, check_rasa_version


def test_the_installed_release_is_accepted():
    check_rasa_version()
    check_rasa_version(RASA_VERSION)


@pytest.mark.parametrize("other", ["3.6.20", "3.7.0", "3.6.21rc1", "aucune"])
def test_another_release_is_refused_in_french(other):
    with pytest.raises(UnsupportedRasaVersion, match=f"Version de Rasa non prise en charge : {other} installée"):
        check_rasa_version(other)
