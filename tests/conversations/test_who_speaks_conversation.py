"""Who is speaking, end to end: the speaker's type and official population however they write it
(lower case, SMS, abbreviations), never the bodies the project serves, and words that are not a
place (a time zone, a street) never the user's territory. Two wordings of each."""
import pytest

from orientation.language import french as fmt
from tests.conversations.context_helpers import official_population, slots_of

SLOTS = ("applicant_type", "population", "territory")


@pytest.fixture
def slots(servers):
    """The profile slots of a conversation after its last message (None when never set)."""
    def read(chat):
        values = slots_of(servers["database_url"], chat.sender)
        return {slot: values.get(slot) for slot in SLOTS}
    return read


@pytest.mark.parametrize("text", ["je suis maire de Crest, on veut mettre nos demarches en ligne",
                                  "bjr c la mairie de crest (26), projet de demat des demarches"])
def test_a_mayor_or_a_town_hall_in_lower_case(chat, slots, text):
    answer = chat.say(text)
    slots = slots(chat)
    assert slots["applicant_type"] == "commune"
    assert slots["population"] == official_population("commune", "26108")
    assert f"Crest (26) : {fmt.number(official_population('commune', '26108'))} habitants" in answer


@pytest.mark.parametrize("text", ["CD du Cantal, on veut ouvrir nos donnees", "bonjour, cd 15 ici, projet open data"])
def test_a_departement_by_its_abbreviation(chat, slots, text):
    chat.say(text)
    slots = slots(chat)
    assert (slots["applicant_type"], slots["population"]) == ("departement", official_population("departement", "15"))


@pytest.mark.parametrize("text", ["Golfe du Morbihan - Vannes Agglomération, un projet de dématérialisation",
                                  "on est l'agglo de vannes, projet de demat"])
def test_an_epci_named_after_a_departement_is_the_epci(chat, slots, text):
    answer = chat.say(text)
    slots = slots(chat)
    assert (slots["applicant_type"], slots["population"]) == ("epci", official_population("epci", "200067932"))
    assert "Morbihan (56)" not in answer


@pytest.mark.parametrize("text", ["Ville de Montreuil (93), participation citoyenne",
                                  "mairie de montreuil 93 projet de participation citoyenne"])
def test_a_departement_number_settles_a_homonym(chat, slots, text):
    answer = chat.say(text)
    assert "Plusieurs communes" not in answer
    assert slots(chat)["population"] == official_population("commune", "93048")


@pytest.mark.parametrize("text", [
    "on est un etablissement public de sante (EPS), ca rentre dans quelle case ? operateur de l'Etat ?",
    "je suis acheteuse au centre hospitalier de Valence, on est opérateur de l'État ou pas ?"])
def test_a_public_hospital_is_never_a_state_operator(chat, slots, text):
    chat.say(text)
    assert slots(chat)["applicant_type"] == "etablissement_public_sante"


@pytest.mark.parametrize("text", ["on veut une plateforme pour les associations du territoire",
                                  "notre projet : aider nos communes a dematerialiser"])
def test_the_bodies_served_are_not_the_speaker(chat, slots, text):
    chat.say(text)
    assert slots(chat)["applicant_type"] is None


@pytest.mark.parametrize("when", ["lundi 14h heure de paris svp", "mardi 10h, heure de métropole"])
def test_a_time_zone_is_not_the_territory(chat, slots, when):
    chat.say("on est la cc de marie galante, projet de demat des demarches a 100 000 euros")
    before = slots(chat)
    assert (before["applicant_type"], before["population"]) == ("epci", official_population("epci", "249710047"))
    answer = chat.say(when)
    after = slots(chat)
    assert "Paris (75)" not in answer and "passe" not in answer
    assert (after["applicant_type"], after["population"], after["territory"]) == \
        (before["applicant_type"], before["population"], before["territory"])


def test_other_or_unknown_explains_the_types_and_asks_again(chat, slots):
    answer = chat.say("je voudrais savoir quels appels a projets existent pour nous")
    assert "Autre / je ne sais pas" in [b["title"] for b in chat.buttons], answer
    answer = chat.say("Autre / je ne sais pas")
    assert "Voici les types de structures" in answer
    assert "Un établissement public de santé : hôpital public" in answer
    assert "Quelle structure porte le projet ?" in answer
    chat.say("je sais pas trop, on est un hopital")
    assert slots(chat)["applicant_type"] == "etablissement_public_sante"


@pytest.mark.parametrize("answer", ["celle du 93", "93 svp"])
def test_the_homonym_asked_is_chosen_by_typing_its_departement(chat, slots, answer):
    asked = chat.say("Je suis la mairie de Saint-Denis, projet de participation citoyenne à 400 000 €")
    assert "Plusieurs communes s'appellent « Saint-Denis »" in asked
    chat.say(answer)
    after = slots(chat)
    assert after["territory"] == ["commune:93066"]
    assert after["population"] == official_population("commune", "93066")  # the commune's, not the département's
