"""The dialogue acts, third pass, end to end through the rest channel (orientation/language/acts.py,
addons/patches/dialogue_acts.py `act_route`): a closing never starts a booking nor writes the
profile, a bare « ok » to the proposal to book still accepts it, keys hit by mistake are asked
again and write nothing, a request for a person books, and doubt about the project describes it."""
import pytest

from tests.conversations.context_helpers import slots_of

COMMUNE = ("Bonjour, nous sommes une commune de 350 000 habitants, projet de plateforme de participation "
           "citoyenne à 400 000 €")
SLOTS = ("applicant_type", "budget", "project_nature", "population")


def profile(chat, database_url):
    slots = slots_of(database_url, chat.sender)
    return {name: slots.get(name) for name in SLOTS}


@pytest.mark.parametrize("closing", ["ok merci", "thx", "super merci bcp"])
def test_thanks_after_the_recommendation_never_start_a_booking(chat, database_url, closing):
    assert "rendez-vous" in chat.say(COMMUNE)
    before = profile(chat, database_url)
    answer = chat.say(closing)
    assert "créneaux" not in answer and "Avec plaisir" in answer
    assert profile(chat, database_url) == before


@pytest.mark.parametrize("closing", ["dommage", "je demande à ma cheffe et je reviens", "jreviendrai", "je lui dirai"])
def test_leaving_after_the_recommendation_says_goodbye(chat, database_url, closing):
    chat.say(COMMUNE)
    before = profile(chat, database_url)
    answer = chat.say(closing)
    assert "Au revoir" in answer and "créneaux" not in answer
    assert profile(chat, database_url) == before


def test_a_bare_ok_to_the_proposal_to_book_accepts_it(chat):
    chat.say(COMMUNE)
    assert "créneaux" in chat.say("ok")


@pytest.mark.parametrize("request_for_a_person", ["rdv stp", "je peux parler à qqun ?", "un humain svp"])
def test_a_request_for_a_person_books(chat, request_for_a_person):
    chat.say(COMMUNE)
    assert "créneaux" in chat.say(request_for_a_person)


@pytest.mark.parametrize("mistake", ["jkljkl ml", "dsl chat sur le clavier"])
def test_keys_hit_by_mistake_are_asked_again_and_write_nothing(chat, database_url, mistake):
    chat.say("bonjour, on est une commune de 5000 habitants")
    before = profile(chat, database_url)
    answer = chat.say(mistake)
    assert "créneaux" not in answer
    assert profile(chat, database_url) == before


def test_doubt_about_the_outcome_describes_the_project(chat, database_url):
    chat.say("bonjour, on est une commune de 5000 habitants")
    answer = chat.say("on sait pas si ca marchera, on veut tester un chatbot pour repondre aux usagers")
    assert "hypothèse" not in answer
    assert profile(chat, database_url)["project_nature"] is not None
