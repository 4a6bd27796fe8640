"""The deterministic extractors run on every message: a long paste must not stall the bot."""
import time

import pytest

from orientation.entities import lexicon
from orientation.language import amounts

SENTENCES = (
    "Bonjour, je suis la DDT du Rhône et notre projet de 300 k€ vise à ouvrir nos données. ",
    "Nous sommes une commune de 350 000 habitants, projet de participation citoyenne à 400 000 € HT. ",
    "Quel est le taux de SNAP3 ? Et l'appel coopération, c'est pour qui ? ",
    "La préfecture couvre trois départements et souhaite dématérialiser ses démarches en ligne. ",
    "En fait nous sommes une communauté d'agglomération, le budget passe à deux cent mille euros. ",
    "Pourquoi pas ITN2 ? Comparez FEDER et l'incubateur des territoires, s'il vous plaît. ",
)


def long_message(length=10_000):
    text, i = "", 0
    while len(text) < length:
        text += SENTENCES[i % len(SENTENCES)]
        i += 1
    return text[:length]


def best_of_three(function, text):
    function("échauffement : mairie, 300 €")  # vocabulary and catalogue are loaded once
    times = []
    for _ in range(3):
        start = time.perf_counter()
        function(text)
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize("name, extractor", [("lexicon", lexicon.entities),
                                             ("amounts", amounts.extract_quantities)])
def test_a_10000_character_message_is_read_in_under_half_a_second(name, extractor):
    assert best_of_three(extractor, long_message()) < 0.5, name


def test_the_long_message_is_really_read():
    found = {(m.entity, m.value) for m in lexicon.entities(long_message())}
    assert {("applicant_type", "service_deconcentre"), ("call_code", "SNAP3"), ("call_code", "ITN2")} <= found
    assert {q.kind for q in amounts.extract_quantities(long_message())} >= {"budget", "population"}
