"""« À quels appels une région peut-elle candidater ? »: a question about a kind of structure, not
the user's own, gets the calls that admit it (from the catalogue's rules of who may apply), each
with its status; the profile is not touched and the question goes to the advisor's summary."""
import pytest

from tests.conversations.context_helpers import slots_of


@pytest.mark.parametrize("question, kind", [
    ("Bonjour, une région peut candidater à quels appels ?", "les régions"),
    ("un syndicat mixte peut il deposer un dossier ?", "les groupements de collectivités"),
    ("quels appels pour les EPCI svp", "les EPCI (intercommunalités)"),
])
def test_the_calls_open_to_a_kind_of_structure(chat, database_url, question, kind):
    answer = chat.say(question)
    assert f"admettent {kind} parmi les porteurs" in answer, answer
    assert "FEDER-NUM" in answer and ("clôturé" in answer or "au fil de l'eau" in answer)
    assert slots_of(database_url, chat.sender).get("applicant_type") is None


def test_and_another_kind_right_after(chat, database_url):
    chat.say("à quels appels une commune peut-elle répondre ?")
    answer = chat.say("et un département ?")
    assert "admettent les départements parmi les porteurs" in answer, answer
    assert slots_of(database_url, chat.sender).get("applicant_type") is None
