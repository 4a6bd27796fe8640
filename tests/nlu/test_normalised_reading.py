"""The trained model reads a message however it is typed (addons/components/normaliser.py): the same
intent and acts with or without accents, in capitals or SMS style; the actions still get the text as
typed, and the entities point into it."""
import pytest

from tests.nlu.model_parse import parse

VARIANTS = [
    ["les serveurs c'est éligible ?", "les serveurs c'est eligible ?", "LES SERVEURS C'EST ÉLIGIBLE ?",
     "les serveurs c eligible ?"],
    ["Je voudrais un rendez-vous s'il vous plaît", "je voudrais un rdv svp", "JE VOUDRAIS UN RDV STP",
     "je voudrais un rendez vous svp"],
    ["Je dois annuler le rendez-vous DN-K8WSW5", "je dois annuler le rdv dn-k8wsw5", "jdois annuler le rdv DN-K8WSW5"],
    ["Merci beaucoup, bonne journée !", "merci bcp bonne journee", "MERCIIII bcp, bonne journée !!!"],
    ["Nous sommes une commune de 12 000 habitants, quels appels à projets pour nous ?",
     "on est une commune de 12000 hab, quels appels a projets pr nous ?",
     "NOUS SOMMES UNE COMMUNE DE 12 000 HABITANTS, QUELS APPELS À PROJETS POUR NOUS ?"],
]


@pytest.fixture(scope="module")
def parsed():
    texts = [text for group in VARIANTS for text in group] + ["Bonjour, Mairie de Crêt-Bérard, budget 40ke"]
    return dict(zip(texts, parse(texts)))


@pytest.mark.parametrize("group", VARIANTS, ids=[g[0][:30] for g in VARIANTS])
def test_every_way_of_typing_a_sentence_gets_the_same_intent_and_acts(parsed, group):
    assert len({parsed[text]["intent"]["name"] for text in group}) == 1, {t: parsed[t]["intent"] for t in group}
    assert len({tuple(parsed[text]["dialogue_acts"]) for text in group}) == 1


def test_the_text_the_actions_read_is_the_text_as_typed(parsed):
    for text, data in parsed.items():
        assert data["text"] == text
        assert "original_text" not in data


def test_entities_point_into_the_text_as_typed(parsed):
    text = "Bonjour, Mairie de Crêt-Bérard, budget 40ke"
    data = parsed[text]
    budget = next(e for e in data["entities"] if e["entity"] == "budget")
    assert budget["value"] == 40_000 and text[budget["start"]:budget["end"]] == "40ke"
    assert data["text"] == text and data["dialogue_acts"] == ["greet", "describe"]
