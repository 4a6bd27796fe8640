"""Eligibility, third pass, end to end through the rest channel: every verdict and every sentence as
the sources write them (conditions to meet with the verdict, strict bounds, the titre 3 base, a public
hospital, a session with no published opening, routes by size, announced openings).

Spring 2021 cases run against servers started for this module with ORIENTATION_DATE=2021-05-01 (the
mechanism of devtools/stack.py); the others against the shared servers at the suite's reference date,
15 October 2021."""
import pytest

from tests.conversations.conftest import Chat, servers_at

SPRING_2021 = "2021-05-01"


@pytest.fixture(scope="module")
def spring_servers(tmp_path_factory, server_env):
    with servers_at(SPRING_2021, tmp_path_factory, server_env) as port:
        yield port


@pytest.fixture
def spring_chat(spring_servers):
    return Chat(spring_servers)


def _plain(text: str) -> str:
    """The answer as a reader compares it: no-break spaces read as spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# --- on 15 October 2021 ----------------------------------------------------------------------------

def test_the_conditions_to_meet_come_with_the_verdict_in_the_first_reply(chat):
    chat.say("Je suis la DREAL Occitanie")
    chat.say("un centre de contact pour les usagers")
    answer = _plain(chat.say("le budget est de 300 000 €"))
    assert ("sous conditions : faire appel à une ou plusieurs entreprises dont le siège est établi en France ; "
            "produire des premiers résultats tangibles et mesurables dans un délai de 12 mois maximum après le "
            "lancement du projet") in answer
    assert "Appel à projets : ouverture annoncée le 16 novembre 2020, aucune date de clôture publiée" in answer
    assert "ouvert depuis" not in answer


def test_a_public_hospital_is_pointed_to_the_european_fund_never_to_snap4(chat):
    answer = _plain(chat.say("Je suis le centre hospitalier de Valence, projet de visioconférence et messagerie "
                             "unifiée à 800 000 €"))
    # a public hospital is not a State operator: SNAP4 is closed to it, the European sheet admits it
    assert "SNAP4 : type de porteur non admis (les établissements publics de santé)" in answer
    assert "vous pourriez candidater à : FEDER-NUM" in answer
    assert "Votre profil : un établissement public de santé" in answer


def test_snap2a_pays_the_titre_3_only(chat):
    chat.say("Je suis la DNUM du ministère de l'Intérieur")
    answer = _plain(chat.say("projet de fournisseur d'identités AgentConnect, budget de 400 000 € dont 100 000 € "
                             "de salaires internes"))
    assert "SNAP2A" in answer
    assert "100 % de 300 000 € (400 000 € moins 100 000 € de personnel)" in answer


def test_a_rolling_call_card_says_the_announced_opening_not_open(chat):
    chat.say("Je suis la DNUM du ministère des Armées, projet de terminaux sécurisés pour les agents à 3 000 000 €")
    cards = [card for reply in chat.replies for card in ((reply.get("custom") or {}).get("data") or {}).get("cards", [])]
    snap3 = next(card for card in cards if card["code"] == "SNAP3")
    assert _plain(snap3["status_text"]) == "Ouverture annoncée le 9 novembre 2020, sans date de clôture publiée"
    assert snap3["verdict_text"] == "Éligible, sous conditions"
    assert any(note.startswith("Sous conditions : seules les dépenses réalisées en 2021 et 2022 sont prises en compte")
               for note in snap3["notes"])


# --- on 1 May 2021 ----------------------------------------------------------------------------------

def test_itn3_second_session_is_never_said_open(spring_chat):
    answer = _plain(spring_chat.say("jusqu'à quand peut-on candidater à ITN3 ?"))
    assert "date d'ouverture non publiée, dépôt annoncé jusqu'au 2 juillet 2021" in answer
    assert "ouvert jusqu'au 2 juillet 2021" not in answer


def test_itn5_above_a_million_is_judged_on_the_aap_not_the_guichet(spring_chat):
    answer = _plain(spring_chat.say("Je suis la DDT du Rhône, projet de 1 200 000 € pour ouvrir nos données"))
    assert "ITN5" in answer
    assert "jusqu'à 75 000 €" not in answer and "moins de 100 000 € TTC" not in answer
    details = next(b["payload"] for b in spring_chat.buttons if b["title"] == "Détails de ITN5")
    explained = _plain(spring_chat.say(details))
    assert ("Pour un projet de 1 200 000 €, la voie de l'appel est celle des projets de 100 000 € à 1 000 000 € TTC"
            in explained)
