"""Answers to the bot's own questions, end to end through the rest channel: the population question
answered in the users' words writes the figure (ask → answer → the profile has it), « toute la
région » asks which territory without changing who carries the project, « je sais pas » is accepted,
a figure said with a question writes the figure and gets the question answered; a can-apply question
that carries the user's own structure, inside the profile form, is answered before the form's next
question. The acts are read from the stored events, as the conversation report reads them."""

import pytest

from devtools.reply_checks import UNANSWERED, reply_kind
from tests.conversations.context_helpers import last_acts, slots_of

POPULATION_QUESTION = "Combien d'habitants le projet couvre-t-il ?"
# An intercommunality whose calls depend on the population: the form asks it after the budget.
START = ("Bonjour, je travaille dans une communauté de communes", "on veut dematerialiser nos demarches", "300 000 €")


def at_population_question(chat) -> None:
    for text in START:
        reply = chat.say(text)
    assert POPULATION_QUESTION in reply


def texts(chat) -> list:
    return [r.get("text") or "" for r in chat.replies]


@pytest.mark.parametrize("answer, population", [
    ("environ 12 000", 12000),
    ("12k hab", 12000),
    ("on couvre 3 communes, 8 500 habitants en tout", 8500),
    ("pas loin de 50 000 habitants", 50000),
    ("nous sommes environ 25 000 habitants", 25000),
])
def test_the_population_answered_in_any_wording_is_written(chat, database_url, answer, population):
    at_population_question(chat)
    reply = chat.say(answer)
    assert last_acts(database_url, chat.sender) == ["answer"]
    slots = slots_of(database_url, chat.sender)
    assert slots["population"] == population
    assert slots["applicant_type"] == "epci" and slots["project_nature"] == "demarches_en_ligne"
    assert "Votre profil :" in reply  # the form is done: the recommendation follows


@pytest.mark.parametrize("extent", ["toute la région", "tout le departement"])
def test_the_whole_territory_asks_which_one_and_keeps_who_carries_the_project(chat, database_url, extent):
    at_population_question(chat)
    reply = chat.say(extent)
    assert "De quel territoire s'agit-il ?" in reply
    assert "Faut-il remplacer" not in reply  # « région » there is the extent, not the structure
    assert last_acts(database_url, chat.sender) == ["answer"]
    assert slots_of(database_url, chat.sender)["applicant_type"] == "epci"
    chat.say("la région Occitanie" if "gion" in extent else "le Gard")
    slots = slots_of(database_url, chat.sender)
    assert slots["applicant_type"] == "epci" and slots["population"] > 500000


@pytest.mark.parametrize("unknown", ["jsp", "je sais pas trop", "aucune idée"])
def test_not_knowing_the_population_is_an_answer_and_is_accepted(chat, database_url, unknown):
    at_population_question(chat)
    reply = chat.say(unknown)
    assert "Pas de problème, je continue sans cette information" in reply
    assert last_acts(database_url, chat.sender) == ["answer"]
    assert slots_of(database_url, chat.sender).get("population") is None


@pytest.mark.parametrize("text", ["30 000 habitants environ, pourquoi ?", "30 000 hab, c cumulable avec la dsil ?"])
def test_a_figure_said_with_a_question_is_written_and_the_question_answered(chat, database_url, text):
    at_population_question(chat)
    chat.say(text)
    assert set(last_acts(database_url, chat.sender)) == {"answer", "question"}
    assert slots_of(database_url, chat.sender)["population"] == 30000
    assert reply_kind(texts(chat)) == "honest"  # the question kept for the advisor, then the calls


@pytest.mark.parametrize("question, applicant_type", [
    ("on est une asso, on peut candidater ?", "association"),
    ("nous sommes une association, est-ce qu'on peut postuler ?", "association"),
    ("c une mairie, on a le droit de deposer ?", "commune"),
])
def test_a_can_apply_question_inside_the_form_is_answered_before_its_next_question(chat, database_url, question,
                                                                                   applicant_type):
    chat.say("bonjour")
    assert "Quelle structure porte le projet ?" in chat.say("je cherche des financements pour un projet numerique")
    chat.say(question)
    said = texts(chat)
    assert reply_kind(said) not in UNANSWERED, said
    assert said[0].startswith("Je vous réponds dès que je connais"), said  # the calls, promised with what they need
    assert said[-1].startswith("Quel est l'objet du projet"), said
    assert slots_of(database_url, chat.sender)["applicant_type"] == applicant_type
