"""What a message may write to the profile, decided from its dialogue acts (actions/profile_writes.py),
end to end through the rest channel: questions and hypotheses never write, whatever their wording
and however they are typed; a change of a field already set is confirmed first; a correction writes.
Each test reads the slots from the conversation store."""
import pytest

from tests.conversations.context_helpers import slots_of
from tests.french import nb

COMMUNE = ("Bonjour, nous sommes une commune de 350 000 habitants, projet de plateforme de participation "
           "citoyenne à 400 000 €")
CENTRAL = "Je suis à la DNUM d'un ministère, on veut sécuriser les terminaux de nos agents, budget 1 M€"


def profile(chat, database_url):
    slots = slots_of(database_url, chat.sender)
    return {name: slots.get(name) for name in ("applicant_type", "budget", "project_nature", "population")}


@pytest.mark.parametrize("question", [
    "faut-il associer des services déconcentrés dans l'équipe ?",
    "faut il associer des services deconcentres ds l'equipe",
    "est-ce qu'une préfecture peut être partenaire du projet",
    "et un opérateur de l'État, il pourrait candidater ?",
])
def test_a_question_about_another_body_never_changes_who_speaks(chat, database_url, question):
    chat.say(CENTRAL)
    before = profile(chat, database_url)
    assert before["applicant_type"] == "administration_centrale"
    answer = chat.say(question)
    assert profile(chat, database_url) == before
    assert "passe de" not in answer and "Faut-il remplacer" not in answer


@pytest.mark.parametrize("question", [
    "les serveurs c eligible pour un budget de 2 M€ ?",
    "c quoi le taux pr une commune de 50 000 hab ?",
])
def test_a_question_with_figures_in_it_never_writes_them(chat, database_url, question):
    chat.say(COMMUNE)
    before = profile(chat, database_url)
    chat.say(question)
    assert profile(chat, database_url) == before


@pytest.mark.parametrize("hypothesis", [
    "imaginons un budget de 1 M€",
    "et pr 1me ?",
    "dans le cas où on aurait 1 000 000 € de budget",
    "si jamais le budget montait a 1 M€, ca donnerait quoi",
])
def test_a_hypothesis_in_any_wording_is_computed_on_a_copy(chat, database_url, hypothesis):
    chat.say(COMMUNE)
    answer = chat.say(hypothesis)
    assert answer.startswith("C'est une hypothèse : votre profil n'est pas modifié.")
    assert nb("Si le budget était de 1 000 000 € TTC (au lieu de 400 000 € TTC) :") in answer
    assert [b["title"] for b in chat.buttons] == ["Adopter ce profil", "Garder mon profil"]
    assert profile(chat, database_url)["budget"] == 400_000.0


def test_a_hypothesis_says_which_calls_it_would_lose_and_why(chat, database_url):
    chat.say(COMMUNE)
    answer = chat.say("et si on n'était que 20 000 habitants ?")
    assert answer.startswith("C'est une hypothèse : votre profil n'est pas modifié.")
    assert "ne conviendrait plus" in answer or "restent les mêmes" in answer
    assert profile(chat, database_url)["population"] == 350_000.0


@pytest.mark.parametrize("change", ["budget 600 000 €", "on a 600ke de budget"])
def test_a_change_not_worded_as_a_correction_is_confirmed_first(chat, database_url, change):
    chat.say(COMMUNE)
    answer = chat.say(change)
    assert nb("Faut-il remplacer par 600 000 € TTC ?") in answer
    titles = [b["title"] for b in chat.buttons]
    assert titles[:2] == ["Oui, remplacer", nb("Non, garder 400 000 € TTC")]
    assert profile(chat, database_url)["budget"] == 400_000.0
    answer = chat.say(chat.buttons[0]["payload"])
    assert nb("le budget passe de 400 000 € TTC à 600 000 € TTC") in answer
    assert profile(chat, database_url)["budget"] == 600_000.0


def test_keeping_the_field_leaves_it(chat, database_url):
    chat.say(COMMUNE)
    chat.say("le budget sera de 650 000 €")
    answer = chat.say(chat.buttons[1]["payload"])
    assert "je garde votre profil" in answer
    assert profile(chat, database_url)["budget"] == 400_000.0


@pytest.mark.parametrize("correction", ["en fait le budget c'est 600 000 €", "pardon je me suis trompé, c 600ke",
                                        "non, 600 000 € le budget"])
def test_a_correction_writes_at_once(chat, database_url, correction):
    chat.say(COMMUNE)
    answer = chat.say(correction)
    assert nb("le budget passe de 400 000 € TTC à 600 000 € TTC") in answer
    assert "Faut-il remplacer" not in answer
    assert profile(chat, database_url)["budget"] == 600_000.0


def test_the_same_sentence_with_or_without_accents_gets_the_same_answer(chat, new_chat):
    other = new_chat()
    assert chat.say("les serveurs c'est éligible ?") == other.say("les serveurs c eligible ?")


@pytest.mark.parametrize("reply", ["ok", "ok merci", "parfait", "d'accord"])
def test_a_yes_word_alone_changes_nothing(chat, database_url, reply):
    chat.say(COMMUNE)
    before = profile(chat, database_url)
    chat.say(reply)
    assert profile(chat, database_url) == before


@pytest.mark.parametrize("leaving", ["je vais en parler à mon DGS", "je réfléchis et je reviens vers vous",
                                     "jdois y aller"])
def test_leaving_is_answered_not_asked_again(chat, database_url, leaving):
    chat.say(COMMUNE)
    before = profile(chat, database_url)
    answer = chat.say(leaving)
    assert "reformuler" not in answer and "pas compris" not in answer
    assert profile(chat, database_url) == before


@pytest.mark.parametrize("leaving", ["je vais en parler à mon DGS", "je réfléchis", "jdois y aller"])
def test_leaving_while_the_profile_is_asked_stops_the_questions(chat, database_url, leaving):
    chat.say("on est une commune")
    answer = chat.say(leaving)
    assert "j'arrête les questions" in answer
    assert profile(chat, database_url)["applicant_type"] == "commune"


@pytest.mark.parametrize("opening, given, correction, budget", [
    ("commune de 8000 habitants, projet de site web a 50k", None, "non en fait c 60 000", 60000),
    ("Nous sommes une communauté de communes de 25 000 habitants, projet de portail citoyen", "budget 200 000 €",
     "pardon, je me suis trompé : 240 000", 240000),
    # the official population (144 196) is of the same order: the budget is clearly nearer
    ("departement du Cantal, on veut ouvrir nos donnees, budget 300k", None, "euh non 400 000 en fait", 400000),
    ("mairie de Crest, on veut un outil de gestion de la relation usagers", "75 000€", "ah non c 90 000", 90000),
])
def test_a_bare_figure_in_a_correction_replaces_the_figure_it_plainly_corrects(chat, database_url, opening, given,
                                                                                correction, budget):
    chat.say(opening)
    if given:
        chat.say(given)
    before = profile(chat, database_url)
    answer = chat.say(correction)
    after = profile(chat, database_url)
    assert after["budget"] == budget and after["population"] == before["population"]
    assert "le budget passe de" in answer and "À quoi correspond" not in answer


def test_a_correction_the_bot_cannot_place_is_asked_never_met_with_silence(chat, database_url):
    chat.say("commune de 8000 habitants, projet de site web a 50k")
    before = profile(chat, database_url)
    for correction in ("non c 30", "ah non c 2 000 000", "non non c pas ca"):
        answer = chat.say(correction)
        assert answer.strip(), correction
        assert profile(chat, database_url) == before
