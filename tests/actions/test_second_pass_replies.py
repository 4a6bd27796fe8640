"""On tracker fixtures: shared call names, the European fund
« À envisager aussi », closed calls, and the answer when nothing fits."""
import asyncio

import pytest

from actions.call_questions import ActionCallInfo, ActionCompareCalls, ActionFunding, ActionWhyNot
from actions.recommendation import ActionRecommend
from tests.actions.conftest import entity, make_tracker, texts
from tests.french import nb


def run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, {}))


def buttons(dispatcher):
    return [b for m in dispatcher.messages for b in m.get("buttons", [])]


def messages(dispatcher):
    return [m.get("text") or "" for m in dispatcher.messages]


# --- shared names -------------------------------------------------------------------------------

AAP_DONNEES = [entity("call_code", "ITN5|TNT-DONNEES", "AAP données"), entity("call_aspect", "taux")]


def test_aap_donnees_asked_by_a_region_is_tnt_donnees(dispatcher):
    tracker = make_tracker({"applicant_type": "region"}, text="quel est le taux de l'AAP données ?",
                           intent="ask_call_info", entities=AAP_DONNEES)
    events = run(ActionCallInfo(), dispatcher, tracker)
    assert texts(dispatcher).startswith(nb("TNT-DONNEES — Développer un meilleur usage des données pour nos "
                                        "territoires : cofinancement 50 %"))
    assert {"event": "slot", "name": "current_call", "value": "TNT-DONNEES", "timestamp": None} in events


def test_aap_donnees_asked_by_a_state_service_in_the_same_message_is_itn5(dispatcher):
    tracker = make_tracker(text="je suis la DDT, quel est le taux de l'AAP données ?", intent="ask_call_info",
                           entities=AAP_DONNEES + [entity("applicant_type", "service_deconcentre", "DDT")])
    run(ActionCallInfo(), dispatcher, tracker)
    assert texts(dispatcher).startswith(nb("ITN5 — Cycle de vie de la donnée : cofinancement 75 %"))


def test_aap_donnees_asked_by_nobody_known_gets_one_button_per_call(dispatcher):
    tracker = make_tracker(text="quel est le taux de l'AAP données ?", intent="ask_call_info", entities=AAP_DONNEES)
    events = run(ActionCallInfo(), dispatcher, tracker)
    said = texts(dispatcher)
    assert said.startswith("Ce nom désigne plusieurs appels : ITN5 — Cycle de vie de la donnée, ouvert aux "
                           "directions métier d'administration")
    assert "TNT-DONNEES — Meilleur usage des données des territoires, ouvert aux groupements de collectivités" in said
    assert said.endswith("Duquel parlez-vous ?")
    assert buttons(dispatcher) == [
        {"title": "ITN5 — Cycle de vie de la donnée",
         "payload": '/ask_call_info{"call_code": "ITN5", "call_aspect": "taux"}'},
        {"title": "TNT-DONNEES — Meilleur usage des données des territoires",
         "payload": '/ask_call_info{"call_code": "TNT-DONNEES", "call_aspect": "taux"}'}]
    assert not any(e.get("name") == "current_call" for e in events)


def test_a_shared_name_discussed_last_is_asked_again_not_guessed(dispatcher):
    tracker = make_tracker({"current_call": "ITN5|ITN8B"}, text="et son taux ?", intent="ask_call_info",
                           entities=[entity("call_aspect", "taux")])
    run(ActionCallInfo(), dispatcher, tracker)
    assert [b["title"].split(" — ")[0] for b in buttons(dispatcher)] == ["ITN5", "ITN8B"]


@pytest.mark.parametrize("action, intent", [(ActionWhyNot(), "ask_why_not"), (ActionFunding(), "ask_funding")])
def test_the_buttons_repeat_the_question_asked(dispatcher, action, intent):
    tracker = make_tracker({"applicant_type": "association"}, text="et l'AAP données ?", intent=intent,
                           entities=[entity("call_code", "ITN5|TNT-DONNEES")])
    run(action, dispatcher, tracker)
    assert [b["payload"] for b in buttons(dispatcher)] == [f'/{intent}{{"call_code": "ITN5"}}',
                                                          f'/{intent}{{"call_code": "TNT-DONNEES"}}']


def test_a_comparison_with_a_shared_name_asks_which(dispatcher):
    tracker = make_tracker(text="différence entre l'AAP données et ITN8B ?", intent="compare_calls",
                           entities=[entity("call_code", "ITN5|TNT-DONNEES"), entity("call_code", "ITN8B")])
    run(ActionCompareCalls(), dispatcher, tracker)
    assert "Ce nom désigne plusieurs appels" in texts(dispatcher)


# --- the recommendation ----------------------------------------------------------------------------

def test_a_departement_data_project_in_march_2021_gets_tnt_donnees_then_feder_to_consider_too(dispatcher,
                                                                                             monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", "2021-03-15")
    tracker = make_tracker({"applicant_type": "departement", "budget": 300000.0, "project_nature": "donnees"})
    events = run(ActionRecommend(), dispatcher, tracker)
    said = messages(dispatcher)
    # the answer first: the verdict sentence, the cards' data, then the cards as text
    assert said[0] == (nb("Vous êtes éligible à TNT-DONNEES : jusqu'à 150 000 €, ouvert jusqu'au 28 mai 2021. "
                       "Un autre appel vous correspond aussi."))
    cards = dispatcher.messages[1]["custom"]["data"]["cards"]
    assert [(c["code"], c["amount_text"]) for c in cards] == [("TNT-DONNEES", nb("jusqu'à 150 000 € (50 %)")),
                                                              ("FEDER-NUM", nb("jusqu'à 180 000 € (60 %)"))]
    assert dispatcher.messages[1]["custom"]["data"]["replaces"] == said[2:4]
    assert said[2].startswith("1. TNT-DONNEES — Développer un meilleur usage des données pour nos territoires")
    assert said[3] == (
        nb("À envisager aussi :\n• FEDER-NUM — Fonds européens – services numériques et données : éligible, 60 % de "
           "300 000 €, soit jusqu'à 180 000 €, dépôt au fil de l'eau, aucune date de clôture publiée.\n")
        + "  Fonds européens, hors France Relance : les critères d'éligibilité détaillés sont dans la fiche action, "
        "à télécharger ; le dossier doit expliquer dans une note votre démarche pour un numérique responsable ; "
        "la subvention de l'UE est d'au moins 75 000 €.")
    recommended = next(e for e in events if e["name"] == "recommended_calls")["value"]
    assert recommended.index("TNT-DONNEES") < recommended.index("FEDER-NUM")


def test_itn5_at_500_000_in_february_2021_is_pointed_to_the_aap_session(dispatcher, monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", "2021-02-15")
    tracker = make_tracker({"applicant_type": "service_deconcentre", "budget": 500000.0, "project_nature": "donnees"})
    run(ActionRecommend(), dispatcher, tracker)
    card = next(m for m in messages(dispatcher) if m.startswith("1. "))
    assert card.startswith(nb("1. ITN5 — Cycle de vie de la donnée\nVous êtes éligible. Financement possible : 75 % "
                           "de 500 000 €, soit jusqu'à 375 000 €."))
    assert card.endswith("Appel à projets – 2e session : ouverture au 2e trimestre 2021 (dates précises non "
                         "publiées).")


def test_a_closed_call_is_never_under_an_open_heading(dispatcher):
    # 15 October 2021: TNT-INCUB (closed on 31 May 2021) fits a commune, on another theme
    tracker = make_tracker({"applicant_type": "commune", "population": 350000.0, "budget": 400000.0,
                            "project_nature": "cooperation_usagers"})
    run(ActionRecommend(), dispatcher, tracker)
    said = messages(dispatcher)
    assert not any("TNT-INCUB" in m for m in said if m.startswith("Également ouverts"))
    assert ("TNT-INCUB (Incubateur des Territoires) correspond à votre profil, mais clôturé le 31 mai 2021.\n"
            "Demandez aux conseillers de la DINUM si une nouvelle session est prévue.") in said


def test_after_the_programme_end_closed_calls_say_why_and_the_open_fund_is_recommended(dispatcher, monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", "2023-06-01")
    tracker = make_tracker({"applicant_type": "service_deconcentre", "budget": 400000.0, "project_nature": "donnees"})
    events = run(ActionRecommend(), dispatcher, tracker)
    said = texts(dispatcher)
    # no France Relance call is open any more: the European fund is the first card, with its why
    assert "1. FEDER-NUM — Services numériques aux citoyens et infrastructures de données" in said
    assert "\n• Fonds européens, hors France Relance : les critères d'éligibilité détaillés" in said
    assert "À envisager aussi" not in said
    assert ("Appel à projets : clos : enveloppes prévues pour 2021-2022 ; aucune session postérieure n'est publiée. "
            "Les conseillers de la DINUM peuvent vous dire si un autre dispositif est prévu.") in said
    assert "nouvelle session est prévue" not in said  # the programme has ended: no new session can come
    assert ("SNAP1 (Augmentation des débits des sites de l'État) correspond à votre profil, mais clos : enveloppes "
            "prévues pour 2021-2022 ; aucune session postérieure n'est publiée.") in said
    assert "31 décembre 2022" not in said  # no source states an end date of France Relance
    assert "Également ouverts" not in said
    assert next(e for e in events if e["name"] == "recommended_calls")["value"][0] == "FEDER-NUM"


def test_nothing_fits_for_a_small_commune_two_sentences_then_the_appointment(dispatcher):
    tracker = make_tracker({"applicant_type": "commune", "population": 20000.0, "budget": 50000.0,
                            "project_nature": "cooperation_usagers"})
    run(ActionRecommend(), dispatcher, tracker)
    said = messages(dispatcher)
    assert said[0] == (
        nb("Aucun appel ne correspond à la fois à votre profil et à votre projet, d'abord à cause de la population "
        "couverte (TNT-COOP : population couverte 20 000 < 300 000 habitants requis). Un projet porté en "
        "regroupement avec d'autres collectivités, pour couvrir plus d'habitants, pourrait vous ouvrir ces appels ; "
        "les conseillers de la DINUM peuvent vous aider à le monter."))
    assert dispatcher.messages[-1]["text"] == nb("Souhaitez-vous en parler 15 minutes avec un conseiller de la DINUM ?")
    assert dispatcher.messages[-1]["buttons"] == [{"title": "Prendre rendez-vous avec la DINUM",
                                                   "payload": "/ask_appointment"},
                                                  {"title": "Télécharger la fiche projet (PDF)",
                                                   "payload": "/ask_fiche"}]


def test_nothing_fits_for_an_association_with_a_tiny_budget_says_the_project_is_too_small(dispatcher):
    tracker = make_tracker({"applicant_type": "association", "budget": 20000.0, "project_nature": "donnees"})
    run(ActionRecommend(), dispatcher, tracker)
    said = messages(dispatcher)[0]
    assert said.startswith(nb("Aucun appel ne correspond à la fois à votre profil et à votre projet, d'abord à cause "
                           "du budget du projet (FEDER-NUM : subvention minimale 75 000 €"))
    assert "Un projet plus ample" in said
    assert any(b["payload"] == "/ask_appointment" for b in buttons(dispatcher))


def test_a_state_service_too_small_for_itn3_is_not_told_to_join_collectivites(dispatcher, monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", "2021-01-15")
    tracker = make_tracker({"applicant_type": "service_deconcentre", "population": 200000.0, "departement_count": 1.0,
                            "budget": 500000.0, "project_nature": "extension_territoriale"})
    run(ActionRecommend(), dispatcher, tracker)
    said = messages(dispatcher)[0]
    assert nb("ITN3 : population couverte 200 000 < 1 000 000 habitants (exemple de bassin représentatif donné "
              "par la source)") in said
    assert "Un projet couvrant un territoire plus large, porté avec d'autres services" in said
    assert "collectivités" not in said


def test_a_private_person_is_told_the_calls_are_for_public_bodies(dispatcher):
    run(ActionRecommend(), dispatcher, make_tracker({"applicant_type": "particulier"}))
    said = texts(dispatcher)
    assert "organismes publics" in said and "aucun n'est ouvert aux particuliers" in said
    assert buttons(dispatcher) == []


def test_itn3_who_may_apply_gives_the_threshold_as_an_example(dispatcher):
    tracker = make_tracker(text="qui peut candidater à ITN3 ?", intent="ask_call_info",
                           entities=[entity("call_code", "ITN3"), entity("call_aspect", "beneficiaires")])
    run(ActionCallInfo(), dispatcher, tracker)
    assert nb("Le projet doit couvrir un bassin de population représentatif, par exemple "
              "1 000 000 habitants ou 3 départements.") in texts(dispatcher)


def test_itn8a_dates_say_a_call_for_projects_not_a_continuous_deposit(dispatcher, monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", "2021-06-15")
    tracker = make_tracker(text="jusqu'à quand ITN8A ?", intent="ask_call_info",
                           entities=[entity("call_code", "ITN8A"), entity("call_aspect", "dates")])
    run(ActionCallInfo(), dispatcher, tracker)
    assert texts(dispatcher) == ("ITN8A — Mettre en œuvre une stratégie de contact omnicanale : Appel à projets : "
                                 "ouverture annoncée le 16 novembre 2020, aucune date de clôture publiée.")
