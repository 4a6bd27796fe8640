"""Whose population counts, end to end: the figure the user states for the project replaces at once
the official figure the bot took from a place, and the bot says both; a figure the user stated is
replaced only after the confirmation buttons; a correction naming a département's number replaces
the place read before. Two wordings of each, SMS style included."""
import pytest

from orientation.language import french as fmt
from tests.conversations.context_helpers import official_population, slots_of
from tests.french import nb

SLOTS = ("applicant_type", "population", "territory")


@pytest.fixture
def slots(servers):
    def read(chat):
        values = slots_of(servers["database_url"], chat.sender)
        return {slot: values.get(slot) for slot in SLOTS}
    return read


@pytest.mark.parametrize("first, figure_said, figure", [
    ("bjr c la mairie de tarbes, on veut mettre nos demarches en ligne", "on est 50 000 hab en fait", 50000.0),
    ("Mairie de Tarbes, projet de dématérialisation des démarches",
     "pour le projet on compte 52000 hbts", 52000.0),
])
def test_the_users_figure_replaces_the_official_one_at_once(chat, slots, first, figure_said, figure):
    chat.say(first)
    official = official_population("commune", "65440")
    assert slots(chat)["population"] == official
    answer = chat.say(figure_said)
    assert slots(chat)["population"] == figure
    assert nb(f"Je retiens vos {fmt.number(figure)} habitants (population officielle de Tarbes : "
              f"{fmt.number(official)})") in answer
    assert "Faut-il remplacer" not in answer


@pytest.mark.parametrize("second", ["on est 50 000 hab", "nous sommes 50000 habitants"])
def test_a_figure_the_user_stated_is_confirmed_before_it_is_replaced(chat, slots, second):
    chat.say("on est une commune de 45 000 habitants, projet de demat des demarches")
    assert slots(chat)["population"] == 45000.0
    answer = chat.say(second)
    assert "Faut-il remplacer par" in answer
    assert slots(chat)["population"] == 45000.0


@pytest.mark.parametrize("correction", ["oups 65 pardon", "non pardon c le 65"])
def test_a_correction_naming_a_departement_number_replaces_the_place(chat, slots, correction):
    chat.say("bonjour, ddt 64, on veut ouvrir nos donnees")
    assert slots(chat)["population"] == official_population("departement", "64")
    chat.say(correction)
    after = slots(chat)
    assert after["territory"] == ["departement:65"]
    assert after["population"] == official_population("departement", "65")
    assert after["applicant_type"] == "service_deconcentre"


@pytest.mark.parametrize("answer, applicant", [("la mairie", "commune"), ("agglo", "epci"),
                                               ("département", "departement")])
def test_a_bare_body_answers_the_structure_question(chat, slots, answer, applicant):
    chat.say("bonjour, on veut mettre nos demarches en ligne")
    chat.say(answer)
    assert slots(chat)["applicant_type"] == applicant
