"""Answers to « Quelle structure porte le projet ? » end to end: a family of kinds said alone (« état »,
« une collectivité ») is asked again as its kinds, with a button each; a place said alone (« le 59 »)
is its collectivité; a bare word or an SMS answer fills the type."""
import pytest

from tests.conversations.context_helpers import slots_of

OPENING = "je voudrais savoir quels appels a projets existent pour nous"


def _type(servers, chat):
    return slots_of(servers["database_url"], chat.sender).get("applicant_type")


@pytest.mark.parametrize("answer, button, expected", [
    ("etat", "Service déconcentré (préfecture, DDT…)", "service_deconcentre"),
    ("une collectivité", "Intercommunalité", "epci"),
])
def test_a_family_of_kinds_is_asked_as_its_kinds(chat, servers, answer, button, expected):
    chat.say(OPENING)
    asked = chat.say(answer)
    assert "d'accord" in asked and "Je n'ai pas reconnu" not in asked, asked
    payloads = {b["title"]: b["payload"] for b in chat.buttons}
    assert button in payloads and "Autre / je ne sais pas" in payloads
    assert _type(servers, chat) is None
    chat.say(payloads[button])
    assert _type(servers, chat) == expected


@pytest.mark.parametrize("answer, expected", [("le 59", "departement"), ("c l'hosto", "etablissement_public_sante"),
                                              ("on est un syndicat", "groupement_collectivites")])
def test_a_place_or_a_word_alone_answers_the_type_question(chat, servers, answer, expected):
    chat.say(OPENING)
    chat.say(answer)
    assert _type(servers, chat) == expected


@pytest.mark.parametrize("answer", ["ché pas", "pas dans la liste", "c quoi les choix ?"])
def test_not_knowing_or_not_finding_the_kind_lists_the_types_then_asks_again(chat, servers, answer):
    chat.say(OPENING)
    reply = chat.say(answer)
    assert "Voici les types de structures" in reply and "Laquelle porte le projet ?" in reply, reply
    assert "Autre / je ne sais pas" in [b["title"] for b in chat.buttons]
    assert _type(servers, chat) is None
