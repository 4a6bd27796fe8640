"""Hesitation is never a yes (orientation/language/hesitation.py): « hmm », « bof », « mouais » and
their SMS forms, alone or with soft words; « euh oui » and « je ne sais pas » are not hesitation."""
import pytest

from orientation.language.hesitation import hesitates


@pytest.mark.parametrize("text", ["hmm", "Hmmm...", "hum", "euh", "euuuh ?", "heu", "bof", "bof bof", "mouais", "moui",
                                  "ouais bof", "hmm ok", "bon euh", "pfff", "bah"])
def test_hesitation(text):
    assert hesitates(text)


@pytest.mark.parametrize("text", ["oui", "ok", "ouais", "euh oui", "bah oui", "d'accord", "ok merci", "je ne sais pas",
                                  "jsp", "non", "", "bof le budget c'est 300k"])
def test_not_hesitation(text):
    assert not hesitates(text)
