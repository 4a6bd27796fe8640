"""The recommendation answers first and sends its calls as cards (a `custom` payload the
widget draws) next to the same calls as text (rest channel, `make shell`)."""
import asyncio
import datetime as dt

from rasa_sdk.executor import CollectingDispatcher

from actions.call_questions import ActionCallInfo
from actions.recommendation import ActionRecommend
from orientation.eligibility import INELIGIBLE, Profile, evaluate
from orientation.replies.cards import card, verdict_sentence
from tests.actions.conftest import entity, make_tracker, texts
from tests.french import nb

COMMUNE = {"applicant_type": "commune", "population": 350000.0, "budget": 400000.0,
           "project_nature": "cooperation_usagers"}


def run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, {}))


def best(date, **profile):
    return next(r for r in evaluate(Profile(date=dt.date.fromisoformat(date), **profile)) if r.verdict != INELIGIBLE)


def test_the_answer_comes_first_then_the_cards_then_the_same_calls_as_text(dispatcher):
    run(ActionRecommend(), dispatcher, make_tracker(COMMUNE))
    first, payload, *rest = dispatcher.messages
    assert first["text"] == (nb("Vous êtes éligible à TNT-COOP : jusqu'à 300 000 €, ouvert jusqu'au 22 novembre 2021. "
                             "Un autre appel vous correspond aussi."))
    data = payload["custom"]["data"]  # "data": what Rasa's socketio channel emits
    assert payload.get("text") is None
    tnt_coop, feder = data["cards"]
    assert (tnt_coop["code"], tnt_coop["verdict"], tnt_coop["verdict_text"]) == ("TNT-COOP", "eligible", "Éligible")
    assert (tnt_coop["amount_eur"], tnt_coop["rate"], tnt_coop["amount_text"]) == (300000.0, 0.75,
                                                                                    nb("jusqu'à 300 000 € (75 %)"))
    assert (tnt_coop["status"], tnt_coop["status_text"], tnt_coop["closes"]) == (
        "open", "Ouvert jusqu'au 22 novembre 2021", "2021-11-22")
    # what an advisor would insist on stays in the first reply: the base without personnel
    assert tnt_coop["notes"] == ["Taux appliqué hors dépenses de personnel (T2) et achats de matériel."]
    assert tnt_coop["buttons"] == [{"title": "Détails", "label": "Détails de TNT-COOP",
                                    "payload": '/ask_call_info{"call_code": "TNT-COOP", "call_aspect": "details"}'}]
    assert (feder["code"], feder["amount_text"], feder["fund"]) == (
        "FEDER-NUM", nb("jusqu'à 240 000 € (60 %)"), "Fonds européens, hors France Relance")
    # the widget skips exactly the texts that follow, which the rest channel shows; Rasa's channels
    # cut a text at blank lines, so a replaced text must have none
    following = [m["text"] for m in rest[:len(data["replaces"])]]
    assert data["replaces"] == following and len(following) == 2
    assert following[0].startswith("1. TNT-COOP — Développer la coopération")
    assert following[1].startswith("À envisager aussi :\n• FEDER-NUM")
    assert not any("\n\n" in text for text in following)


def test_reasons_and_commitments_are_not_in_the_first_reply_but_in_details(dispatcher):
    run(ActionRecommend(), dispatcher, make_tracker(COMMUNE))
    said = texts(dispatcher)
    assert "Population couverte" not in said and "Seules les prestations" not in said
    assert said.index("1. TNT-COOP") < said.index("Votre profil : une commune")  # the profile comes after
    details = CollectingDispatcher()
    run(ActionCallInfo(), details, make_tracker(COMMUNE, intent="ask_call_info", entities=[
        entity("call_code", "TNT-COOP"), entity("call_aspect", "details")]))
    answer = texts(details)
    assert answer.startswith("TNT-COOP — Développer la coopération")
    assert nb("Cofinancement : 75 %") in answer
    assert (nb("Pour votre projet : vous êtes éligible. Financement possible : 75 % de 400 000 €, soit jusqu'à "
            "300 000 €.\n• Type de porteur admis : une commune")) in answer
    assert nb("• Population couverte 350 000 ≥ 300 000 habitants requis.") in answer
    assert "Engagements du lauréat et autres conditions :\n• Taux appliqué hors dépenses de personnel (T2) et achats de matériel.\n• Seules les " \
           "prestations sont financées" in answer


def test_a_typed_presentation_question_stays_a_presentation(dispatcher):
    run(ActionCallInfo(), dispatcher, make_tracker(COMMUNE, intent="ask_call_info", entities=[
        entity("call_code", "TNT-COOP"), entity("call_aspect", "presentation")]))
    assert "Pour votre projet" not in texts(dispatcher)


def test_a_capped_amount_says_so_on_its_card():
    result = best("2021-10-15", applicant_type="administration_centrale", budget=3000000, nature="terminaux")
    assert (result.code, card(result)["amount_text"]) == ("SNAP3", nb("jusqu'à 2 000 000 € (75 %, plafonné)"))
    # the livret announces the opening (« Ouverture : 09/11/2020 ») and no closing: not « ouvert »
    assert card(result)["status_text"] == "Ouverture annoncée le 9 novembre 2020, sans date de clôture publiée"


def test_without_a_budget_the_card_gives_the_rate_and_what_remains_to_confirm():
    result = best("2021-10-15", applicant_type="service_deconcentre", nature="relation_usagers")
    data = card(result)
    assert (data["code"], data["verdict_text"], data["amount_eur"]) == ("ITN8A", "À confirmer, sous conditions", None)
    assert data["amount_text"] == nb("Cofinancement jusqu'à 75 % du coût du projet")
    assert data["notes"] == [
        "Sous conditions : faire appel à une ou plusieurs entreprises dont le siège est établi en France ; produire "
        "des premiers résultats tangibles et mesurables dans un délai de 12 mois maximum après le lancement du projet.",
        nb("Budget non précisé : taille attendue plus de 150 000 € TTC.")]
    assert verdict_sentence(result).startswith(nb("ITN8A peut vous convenir, éligibilité à confirmer : cofinancement "
                                               "jusqu'à 75 % du coût du projet"))


def test_an_upcoming_session_is_tagged_to_come():
    result = best("2021-02-15", applicant_type="service_deconcentre", budget=500000, nature="donnees")
    assert (result.code, card(result)["status"]) == ("ITN5", "upcoming")
    assert card(result)["status_text"] == "À venir : ouverture au 2e trimestre 2021 (dates précises non publiées)"


def test_a_closed_best_call_is_said_closed_in_the_first_sentence():
    result = next(r for r in evaluate(Profile(applicant_type="region", budget=1000000, nature="donnees",
                                              date=dt.date(2021, 10, 15))) if r.code == "TNT-DONNEES")
    assert verdict_sentence(result) == "TNT-DONNEES correspond à votre projet, mais clôturé le 28 mai 2021."
    data = card(result)
    assert (data["status"], data["status_text"]) == ("closed", "Clôturé le 28 mai 2021")
    assert data["notes"][-1] == ("1re session : clôturé le 28 mai 2021. Demandez aux conseillers de la DINUM si "
                                 "une nouvelle session est prévue.")


def test_the_calls_that_do_not_fit_are_named_with_a_button_each(dispatcher):
    run(ActionRecommend(), dispatcher, make_tracker({"applicant_type": "region", "budget": 1000000.0,
                                                     "project_nature": "donnees"}))
    closing = dispatcher.messages[-1]
    assert "Sur ce thème, ne vous sont pas ouverts : ITN5, ITN8B." in closing["text"]
    assert [b["title"] for b in closing["buttons"]] == ["Détails de FEDER-NUM", "Détails de TNT-DONNEES",
                                                        "Pourquoi pas ITN5 ?", "Pourquoi pas ITN8B ?",
                                                        "Prendre rendez-vous avec la DINUM",
                                                        "Télécharger la fiche projet (PDF)"]
    assert "Type de porteur non admis" not in texts(dispatcher)


def test_the_terminal_gets_the_calls_as_text_only(dispatcher):
    """`make shell` would print the cards as raw JSON: it reads the same calls as text."""
    tracker = make_tracker(COMMUNE, events=[{"event": "user", "text": "bonjour", "input_channel": "cmdline"}])
    run(ActionRecommend(), dispatcher, tracker)
    assert not any(m.get("custom") for m in dispatcher.messages)
    assert "1. TNT-COOP — Développer la coopération" in texts(dispatcher)
    widget = CollectingDispatcher()
    run(ActionRecommend(), widget, make_tracker(COMMUNE, events=[{"event": "user", "text": "bonjour",
                                                                  "input_channel": "socketio"}]))
    assert [m["custom"]["data"]["cards"][0]["code"] for m in widget.messages if m.get("custom")] == ["TNT-COOP"]
