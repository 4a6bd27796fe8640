"""Who is speaking, third pass, end to end (rest channel, real servers): an EPCI named with the wrong
form, a CCAS with its commune's inhabitants, a population stated with a question taken at once, a
bare commune as a self-description, and booking answers (« mairie », a name, an e-mail) that never
write the profile."""
import pytest

from orientation.language import french as fmt
from tests.conversations.context_helpers import official_population, slots_of
from tests.conversations.test_booking_conversation import offered

PROFILE_SLOTS = ("applicant_type", "population", "territory", "budget", "project_nature")


@pytest.fixture
def profile(servers):
    def read(chat):
        values = slots_of(servers["database_url"], chat.sender)
        return {slot: values.get(slot) for slot in PROFILE_SLOTS}
    return read


@pytest.mark.parametrize("text", ["on est la comcom du pays basque, projet open data",
                                  "bjr je suis a la CAPB on veut ouvrir nos donnees"])
def test_an_epci_named_with_the_wrong_form_or_its_acronym(chat, profile, text):
    chat.say(text)
    read = profile(chat)
    assert (read["applicant_type"], read["population"]) == ("epci", official_population("epci", "200067106"))


@pytest.mark.parametrize("text", ["je suis au CCAS de Crest, on veut mettre nos demarches en ligne",
                                  "CCAS de Crest ici, projet de demat des demarches"])
def test_a_ccas_is_a_local_public_body_with_its_communes_inhabitants(chat, profile, text):
    chat.say(text)
    read = profile(chat)
    assert read["applicant_type"] == "etablissement_public_local"
    assert read["population"] == official_population("commune", "26108")


@pytest.mark.parametrize("question, figure", [("on n'est que 30 000 hab, ça bloque pour TNT-COOP ?", 30000.0),
                                              ("en fait on est seulement 52000 habitants, c'est suffisant ?", 52000.0)])
def test_a_population_stated_with_a_question_is_taken_at_once(chat, profile, question, figure):
    chat.say("bjr c la mairie de tarbes, projet de participation citoyenne")
    assert profile(chat)["population"] == official_population("commune", "65440")
    answer = chat.say(question)
    assert profile(chat)["population"] == figure
    assert "Faut-il remplacer" not in answer
    assert f"Je retiens vos {fmt.number(figure)} habitants" in answer


def test_a_bare_commune_as_a_self_description_is_the_territory(chat, profile):
    chat.say("bonjour, c'est Villefranche-de-Rouergue, on veut mettre nos demarches en ligne")
    assert profile(chat)["population"] == official_population("commune", "12300")


@pytest.mark.parametrize("organisation", ["mairie", "CCAS de Brest", "Mairie de Lyon"])
def test_booking_answers_never_write_the_profile(chat, profile, organisation):
    chat.say("je suis a la ddt de la drome, projet de centre de contact a 200 000 euros")
    before = profile(chat)
    assert before["applicant_type"] == "service_deconcentre"
    chat.say("je voudrais un rendez-vous avec un conseiller")
    chosen = offered(chat)[0]
    chat.say(f'/inform{{"booking_slot": "{chosen.isoformat()}"}}')
    for answer in ("Nina Petit", organisation, "nina.petit@lyon.fr"):
        chat.say(answer)
        assert profile(chat) == before, answer


def test_booking_answers_before_any_profile_write_nothing(chat, profile):
    chat.say("je voudrais un rendez-vous avec un conseiller")
    chosen = offered(chat)
    if not chosen:  # a booking before any profile may first ask for the project in one sentence
        pytest.skip("no slot offered before the project is described")
    chat.say(f'/inform{{"booking_slot": "{chosen[0].isoformat()}"}}')
    for answer in ("Nina Petit", "mairie de crest", "nina.petit@crest.fr"):
        chat.say(answer)
        assert profile(chat)["applicant_type"] is None and profile(chat)["population"] is None, answer


def test_a_contact_card_in_one_message_writes_no_profile(chat, profile):
    chat.say("je suis a la ddt de la drome, projet de centre de contact a 200 000 euros")
    before = profile(chat)
    chat.say("je voudrais un rendez-vous avec un conseiller")
    chosen = offered(chat)[0]
    chat.say(f'/inform{{"booking_slot": "{chosen.isoformat()}"}}')
    chat.say("nina petit, ccas de la mairie de crest, nina.petit@crest.fr")
    assert profile(chat) == before


@pytest.mark.parametrize("answer", ["c rodez", "ici rodez"])
def test_a_commune_named_bare_to_the_structure_question_is_the_territory(chat, profile, answer):
    asked = chat.say("on veut ouvrir nos donnees, budget 100 000 euros")
    assert "structure" in asked.lower()
    chat.say(answer)
    assert profile(chat)["population"] == official_population("commune", "12202")
