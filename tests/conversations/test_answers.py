"""Answering what was asked, end to end through the rest channel: the full recommendation once per
profile (a question gets its answer, a message that changes nothing a short prompt, a change only
what changed, « récapitulez » the whole again), questions answered from the catalogue about the body
asked about, today's question in December 2026, and the advisor's summary.

Several wordings of each, SMS style without accents included. December 2026 runs against servers
started for this module with ORIENTATION_DATE=2026-12-06 (servers_at); the rest at the suite's
reference date, 15 October 2021."""
import pytest

from orientation.replies.side_questions import NO_ANSWER
from tests.conversations.conftest import Chat, servers_at
from tests.conversations.context_helpers import slots_of

DECEMBER_2026 = "2026-12-06"
FEDER_CHECK = ("la fiche ne publie pas de date : vérifiez auprès de l'autorité de gestion des fonds européens "
               "de votre région")
MINISTRY = "Je suis à la DNUM d'un ministère, projet d'outils collaboratifs et de messagerie unifiée, budget 1 000 000 €"
WALL = "Votre profil :"


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture(scope="module")
def december_servers(tmp_path_factory, server_env):
    with servers_at(DECEMBER_2026, tmp_path_factory, server_env) as port:
        yield port


# --- never the same wall twice --------------------------------------------------------------------

def test_questions_after_the_recommendation_get_answers_never_the_wall_again(chat):
    assert WALL in chat.say(MINISTRY)
    previous = None
    for question in ["les serveurs c'est eligible ?", "et le temps de nos agents (salaires) ?",
                     "quelles depenses sont prises en charge", "en cas de retard du projet, quelles consequences ?",
                     "c'est cumulable avec de la DSIL ?"]:
        answer = chat.say(question)
        assert WALL not in answer, question
        assert answer != previous, question
        assert answer.startswith("SNAP4 —") or answer.startswith(NO_ANSWER), (question, answer)
        previous = answer


def test_a_message_not_understood_never_gets_the_recommendation(chat):
    chat.say(MINISTRY)
    for text in ["blabla truc machin", "patati patata", "zzz bof"]:
        answer = chat.say(text)
        assert WALL not in answer, text
        assert len(answer) < 600, text


def test_a_new_budget_says_only_what_changed_and_recap_gives_it_all(chat):
    chat.say(MINISTRY)
    answer = _plain(chat.say("correction : le budget est de 1 440 000 €"))
    assert "Avec 1 440 000 € TTC, SNAP4 passe à 75 % de 1 440 000 €, soit jusqu'à 1 080 000 €" in answer
    assert WALL not in answer
    for request in ["récapitulez", "tu peux me refaire le recap ?"]:
        assert WALL in chat.say(request), request


@pytest.mark.parametrize("question", ["quels appels pour nous ?", "qu'est-ce qui nous correspond du coup ?",
                                      "a quoi on peut candidater alors"])
def test_the_calls_asked_for_just_after_the_recommendation_are_pointed_at_not_sent_again(chat, question):
    assert WALL in chat.say(MINISTRY)
    answer = _plain(chat.say(question))
    assert WALL not in answer and "juste au-dessus" in answer and "SNAP4" in answer, answer
    assert len(answer) < 500
    assert WALL in chat.say("récapitulez")  # asked in so many words, the whole again


# --- questions answered from the catalogue --------------------------------------------------------

def test_who_may_apply_says_what_the_bot_cannot_check(chat):
    answer = _plain(chat.say("qui peut candidater a ITN3 ?"))
    assert "Critères que je ne peux pas vérifier" in answer and "au moins à hauteur de 50 %" in answer


@pytest.mark.parametrize("question", ["Est-ce qu'une collectivité peut candidater à ITN2 ?",
                                      "les collectivites ont le droit de candidater a itn2 ?"])
def test_a_collectivite_as_a_whole(chat, question):
    chat.say("Je suis au conseil départemental du Cantal, on veut mettre nos démarches en ligne, 300 000 €")
    answer = chat.say(question)
    assert answer.startswith("Non, aucune des collectivités territoriales"), answer


def test_cumulation_as_the_sources_state_it_and_the_unanswered_question_marked(chat, database_url):
    chat.say("Le conseil régional de Normandie veut ouvrir ses données, projet de 700 000 €")
    answer = chat.say("on peut cumuler FEDER-NUM avec de la DSIL ?")
    assert "taux maximal d'aide publique de 100 %" in _plain(answer)
    answer = chat.say("et TNT-DONNEES c'est cumulable avec la DSIL ?")
    assert "la fiche ne dit rien sur un cumul avec la DSIL" in answer
    asked = slots_of(database_url, chat.sender)["questions_asked"]
    assert asked[-1].endswith("(sans réponse : pour le conseiller)")
    assert not asked[-2].endswith("(sans réponse : pour le conseiller)")


def test_the_advisors_summary_lists_the_calls_told_and_every_question_marked(chat):
    chat.say("mairie de 8000 habitants, on veut equiper nos agents en terminaux securises, 200 000 €")
    chat.say("les licences c'est finance ?")
    answer = chat.say("je voudrais un rendez-vous avec un conseiller")
    assert "Le conseiller recevra ce résumé" in answer
    assert "FEDER-NUM" in answer  # told « pourrait candidater » on another theme
    assert "les licences c'est finance ?" in answer and ("(répondue)" in answer or "(sans réponse" in answer)


# --- today's question -----------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["quels appels sont ouverts en ce moment ?",
                                      "France Relance c'est fini ? qu'est ce qui est encore ouvert ?",
                                      "c koi qui est encore ouvert"])
def test_in_december_2026_whats_open_is_one_plain_sentence_then_the_list(december_servers, question):
    chat = Chat(december_servers)
    chat.say("Je suis maire d'une commune de 3000 habitants, on veut mettre nos démarches en ligne, 300 000 €")
    answer = chat.say(question)
    assert answer.startswith("Au 6 décembre 2026, 1 appel sur les 21 que je connais reçoit des dossiers : FEDER-NUM")
    assert FEDER_CHECK in answer and "Pour votre profil : FEDER-NUM" in answer
    assert "Je connais 21 appels :" in answer


def test_in_december_2026_every_list_shows_each_status(december_servers):
    chat = Chat(december_servers)
    answer = chat.say("la liste des appels")
    lines = [line for line in answer.splitlines() if line.startswith("• ")]
    assert len(lines) == 21
    assert all("clos" in line or "clôturé" in line or "fil de l'eau" in line for line in lines)


def test_a_question_in_the_middle_of_the_profile_form_is_answered_and_the_form_resumes(chat):
    chat.say("Je suis au conseil départemental du Cantal")
    answer = chat.say("Est-ce qu'une collectivité peut candidater à ITN2 ?")
    assert "Non, aucune des collectivités territoriales" in answer, chat.transcript
