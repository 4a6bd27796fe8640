"""Eligibility, second pass, and the recommendation's wording (closed calls, nothing that fits), end to
end through the rest channel.

Winter 2021 cases run against servers started for this module with ORIENTATION_DATE=2021-02-15
(the TNT calls open, ITN5's 2nd AAP session upcoming), the mechanism of devtools/stack.py; the
others against the shared servers at the suite's reference date, 15 October 2021."""
import pytest

from tests.conversations.conftest import Chat, servers_at
from tests.french import nb

WINTER_2021 = "2021-02-15"


@pytest.fixture(scope="module")
def winter_servers(tmp_path_factory, server_env):
    with servers_at(WINTER_2021, tmp_path_factory, server_env) as port:
        yield port


@pytest.fixture
def winter_chat(winter_servers):
    return Chat(winter_servers)


# --- the second pass, in February 2021 -------------------------------------------------------------

def test_a_groupement_of_480_000_is_to_confirm_for_tnt_demat(winter_chat):
    answer = winter_chat.say("Nous sommes un syndicat mixte couvrant 480 000 habitants, projet de "
                             "dématérialisation des démarches à 400 000 €")
    assert nb("1. TNT-DEMAT — La dématérialisation ou l'amélioration des services dématérialisés aux usagers\n"
              "Éligibilité à confirmer. Financement possible : 50 % de 400 000 €, soit jusqu'à 200 000 €.") in answer
    assert nb("• Population couverte 480 000 < environ 500 000 habitants (ordre de grandeur donné par la source) : en "
              "dessous du chiffre, que la source donne comme un ordre de grandeur (« environ ») ; à partir de "
              "400 000 habitants, l'écart peut être admis (lecture de cet assistant, pas un chiffre de la source) : "
              "éligibilité à confirmer avec le porteur de l'appel.") in answer


def test_a_state_data_project_of_500_000_in_february_is_pointed_to_the_second_aap_session(winter_chat):
    answer = winter_chat.say("Je suis la DDT du Rhône, projet de 500 000 € pour ouvrir nos données")
    assert nb("1. ITN5 — Cycle de vie de la donnée\nVous êtes éligible. Financement possible : 75 % de 500 000 €, "
              "soit jusqu'à 375 000 €.") in answer
    assert "Appel à projets – 2e session : ouverture au 2e trimestre 2021 (dates précises non publiées)." in answer
    assert "Guichet : dépôt au fil de l'eau" not in answer


def test_a_departement_data_project_gets_tnt_donnees_then_feder_to_consider_too(winter_chat):
    answer = winter_chat.say("Nous sommes le conseil départemental de la Gironde, projet de 300 000 € pour "
                             "ouvrir nos données")
    assert "1. TNT-DONNEES — Développer un meilleur usage des données pour nos territoires" in answer
    assert "1. FEDER-NUM" not in answer
    assert answer.index("1. TNT-DONNEES") < answer.index("À envisager aussi :\n• FEDER-NUM — Fonds européens – "
                                                         "services numériques et données : éligible")
    assert "Fonds européens, hors France Relance : les critères d'éligibilité détaillés sont dans la fiche action" \
        in answer


def test_aap_donnees_asked_by_a_collectivite_is_tnt_donnees(winter_chat):
    winter_chat.say("Nous sommes le conseil départemental de la Gironde, projet de 300 000 € pour ouvrir nos données")
    answer = winter_chat.say("quel est le taux de l'AAP données ?")
    assert answer.startswith(nb("TNT-DONNEES — Développer un meilleur usage des données pour nos territoires : "
                                "cofinancement 50 % du coût du projet"))


def test_aap_donnees_asked_by_nobody_known_offers_one_button_per_call(winter_chat):
    answer = winter_chat.say("quel est le taux de l'AAP données ?")
    assert answer.startswith("Ce nom désigne plusieurs appels : ITN5 — Cycle de vie de la donnée")
    assert [b["title"] for b in winter_chat.buttons] == ["ITN5 — Cycle de vie de la donnée",
                                                         "TNT-DONNEES — Meilleur usage des données des territoires"]
    chosen = winter_chat.say(winter_chat.buttons[0]["payload"])
    assert chosen.startswith(nb("ITN5 — Cycle de vie de la donnée : cofinancement 75 %"))


# --- the recommendation's wording, on 15 October 2021 -------------------------------------------------------

def test_a_closed_call_is_said_closed_never_under_an_open_heading(chat):
    answer = chat.say("Je suis une commune de 350 000 habitants, projet de participation citoyenne à 400 000 €")
    assert "TNT-INCUB (Incubateur des Territoires) correspond à votre profil, mais clôturé le 31 mai 2021." \
        in answer
    heading = [line for line in answer.splitlines() if line.startswith("Également ouverts")]
    assert not any("TNT-INCUB" in line for line in heading)


def test_nothing_fits_an_association_with_a_tiny_budget_then_the_appointment(chat):
    answer = chat.say("Nous sommes une association, projet d'open data à 20 000 €")
    assert nb("Aucun appel ne correspond à la fois à votre profil et à votre projet, d'abord à cause du budget du "
              "projet (FEDER-NUM : subvention minimale 75 000 €") in answer
    assert "Un projet plus ample, par exemple mutualisé avec d'autres porteurs" in answer
    assert answer.endswith(nb("Souhaitez-vous en parler 15 minutes avec un conseiller de la DINUM ?"))
    # the fiche projet is offered after every recommendation, « nothing fits » included (it says why)
    assert [b["payload"] for b in chat.buttons] == ["/ask_appointment", "/ask_fiche"]
    booking = chat.say("/ask_appointment")
    assert "créneau" in booking


def test_a_private_person_is_told_kindly_the_calls_are_for_public_bodies(chat):
    answer = chat.say("je suis un particulier et je voudrais une aide pour mon site internet")
    assert "Ces appels financent les projets numériques des organismes publics" in answer
    assert "aucun n'est ouvert aux particuliers" in answer
