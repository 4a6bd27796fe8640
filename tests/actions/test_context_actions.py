"""On tracker fixtures, the profile side of a conversation: amounts in context, questions and
hypotheses that leave the profile alone, side questions, plain words."""
import asyncio

from actions.profile_form import ActionAskBudget, ValidateProfileForm
from actions.profile_slots import ValidateProfileSlots
from actions.recommendation import ActionRecommend
from actions.side_questions import ActionExplainPlainly, ActionSideQuestion
from actions.what_if import ActionAdoptWhatIf, ActionKeepProfile, ActionWhatIf
from orientation.entities import amount_entities, lexicon_entities
from orientation.replies.message import APPOINTMENT_BUTTON
from orientation.replies.side_questions import NO_ANSWER
from tests.actions.conftest import make_tracker, texts
from tests.french import nb


def user(text="..."):
    return {"event": "user", "text": text}


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def run(action, dispatcher, tracker):
    return {e["name"]: e["value"] for e in asyncio.run(action.run(dispatcher, tracker, {})) if e.get("event") == "slot"}


def turn(before, text, intent="inform", slots=None, extra=(), extracted=True):
    """A tracker after the user's `text`: the slots of `before` set earlier, then what the NLU
    extracted from `text` (the real extractors) as slot candidates (once validated, with
    extracted=False: the validation put the profile back)."""
    found = amount_entities(text) + lexicon_entities(text)
    candidates = {e["entity"]: e["value"] for e in found
                  if e["entity"] in ("applicant_type", "project_nature", "budget", "population")}
    events = [user("avant")] + [slot(k, v) for k, v in before.items()] + [user(text)]
    events += [slot(k, v) for k, v in candidates.items()] + list(extra)
    values = {**before, **(candidates if extracted else {}), **(slots or {})}
    return make_tracker(values, text=text, intent=intent, entities=found, events=events)


REGION = {"applicant_type": "region", "project_nature": "donnees"}


def test_the_total_and_its_personnel_part_are_both_kept(dispatcher):
    tracker = turn(REGION, "budget autour de 800k … dans les 800k y a ~200k de salaires internes")
    result = run(ValidateProfileSlots(), dispatcher, tracker)
    assert result["budget"] == 800_000 and result["budget_parts"] == {"personnel": 200_000}
    assert (nb("Je note que le budget de 800 000 € TTC comprend 200 000 € de personnel : les appels qui ne financent "
            "pas ces dépenses appliquent leur taux au reste.")) in texts(dispatcher)


def test_a_correction_that_confirms_the_total_is_said_not_ignored(dispatcher):
    before = {**REGION, "budget": 800_000.0, "budget_parts": {"personnel": 200_000.0}}
    tracker = turn(before, "non non le budget total reste 800k !! les 200k c juste la part salaires", intent="correct")
    result = run(ValidateProfileSlots(), dispatcher, tracker)
    assert result["budget"] == 800_000 and result["budget_parts"] == {"personnel": 200_000}
    assert texts(dispatcher) == nb("C'est noté : le budget reste 800 000 € TTC.")


def test_a_bare_number_given_ht_corrects_the_budget(dispatcher):
    before = {**REGION, "budget": 450_000.0}
    tracker = turn(before, "380 000 HT en fait, le 450 c'était avec la maintenance", intent="correct")
    result = run(ValidateProfileSlots(), dispatcher, tracker)
    assert result["budget"] == 456_000
    assert nb("le budget passe de 450 000 € TTC à 456 000 € TTC") in texts(dispatcher)
    assert nb("converti le montant hors taxes en TTC (TVA à 20 %) : 456 000 € TTC") in texts(dispatcher)


def test_two_possible_totals_are_asked_with_buttons_and_the_budget_kept(dispatcher):
    before = {**REGION, "budget": 450_000.0}
    tracker = turn(before, "non, on hésite entre 500k et 300k", intent="correct")
    result = run(ValidateProfileSlots(), dispatcher, tracker)
    assert "budget" not in result and result["budget_pending"]["values"] == [300_000, 500_000]
    assert (nb("Vous hésitez entre 300 000 € et 500 000 € : quel montant dois-je retenir comme coût total du "
            "projet ? En attendant, je garde 450 000 € TTC.")) in texts(dispatcher)
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == [
        '/inform{"budget": 300000.0}', '/inform{"budget": 500000.0}', '/inform{"budget": 400000.0}']


def test_the_budget_question_offers_the_candidates(dispatcher):
    tracker = make_tracker({"budget_candidates": [500_000.0, 300_000.0]}, text="500k ou 300k")
    asyncio.run(ActionAskBudget().run(dispatcher, tracker, {}))
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == [nb("500 000 € au total"), nb("300 000 € au total")]


def test_the_form_reads_an_answer_with_two_totals_as_candidates(dispatcher):
    tracker = make_tracker({**REGION, "requested_slot": "budget"}, text="500 000 € pour la v1, 700 000 € pour la v2")
    result = run(ValidateProfileForm(), dispatcher, tracker)
    assert result["budget"] is None and result["budget_candidates"] == [500_000, 700_000]
    tracker = make_tracker({**REGION, "requested_slot": "budget"}, text="500 000 ou 700 000 €, selon les options")
    result = run(ValidateProfileForm(), dispatcher, tracker)
    assert result["budget"] is None and result["budget_pending"]["values"] == [500_000, 700_000]


def test_an_unreadable_correction_says_what_is_kept_and_asks(dispatcher):
    before = {**REGION, "budget": 450_000.0}
    result = run(ValidateProfileSlots(), dispatcher, turn(before, "non c'est pas le bon montant", intent="correct"))
    assert result.get("budget", 450_000.0) == 450_000.0
    assert texts(dispatcher).startswith(nb("Je n'ai pas compris ce qu'il faut corriger : je garde votre profil "
                                        "(une région, projet de 450 000 € TTC, données"))


def test_a_bare_figure_in_a_correction_is_offered_for_each_field_it_could_be(dispatcher):
    before = {**REGION, "budget": 450_000.0, "population": 120_000.0}
    run(ValidateProfileSlots(), dispatcher, turn(before, "non c'est 380 000 en fait", intent="correct"))
    assert texts(dispatcher).startswith(nb("À quoi correspond 380 000 ? Pour l'instant je garde votre profil"))
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == [
        '/inform{"budget": 380000.0}', '/inform{"population": 380000.0}']


def test_a_comparison_does_not_change_the_theme(dispatcher):
    before = {"applicant_type": "administration_centrale", "project_nature": "terminaux", "budget": 2e6}
    tracker = turn(before, "et snap4 ça couvre quoi par rapport à snap3 ? on veut aussi la visio",
                   intent="compare_calls")
    assert run(ValidateProfileSlots(), dispatcher, tracker)["project_nature"] == "terminaux"


def test_a_question_may_fill_an_empty_field_but_not_replace_one(dispatcher):
    tracker = turn({"applicant_type": "association"}, "une commune peut candidater à ITN3 ? projet de 200 k€",
                   intent="ask_call_info")
    result = run(ValidateProfileSlots(), dispatcher, tracker)
    assert result["applicant_type"] == "association" and result["budget"] == 200_000


def test_a_hypothesis_never_writes_the_profile(dispatcher):
    tracker = turn({"applicant_type": "association"}, "et si le budget était de 1 M€ ? avec 3 mairies",
                   intent="ask_what_if")
    result = run(ValidateProfileSlots(), dispatcher, tracker)
    assert result["applicant_type"] == "association" and result["budget"] is None


ASSOCIATION = {"applicant_type": "association", "project_nature": "cooperation_usagers", "budget": 150_000.0,
               "recommended_calls": ["FEDER-NUM"]}


def test_what_if_is_computed_on_a_copy_and_offers_to_adopt_it(dispatcher):
    tracker = turn(ASSOCIATION, "et si on s'associe avec 3 mairies ?", intent="ask_what_if", extracted=False)
    result = run(ActionWhatIf(), dispatcher, tracker)
    assert result["what_if"] == {"applicant_type": "commune"}
    assert set(result) == {"what_if", "questions_asked"}  # no profile slot
    text = texts(dispatcher)
    assert text.startswith("C'est une hypothèse : votre profil n'est pas modifié.\n"
                           "Si le projet était porté par une commune (au lieu d'une association) :")
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == ["Adopter ce profil", "Garder mon profil"]


def test_what_if_on_the_budget_gives_the_amounts_of_the_copy(dispatcher):
    before = {"applicant_type": "commune", "project_nature": "cooperation_usagers", "budget": 400_000.0,
              "population": 350_000.0}
    run(ActionWhatIf(), dispatcher, turn(before, "et si le budget était de 1 M€ ?", intent="ask_what_if",
                                                extracted=False))
    text = texts(dispatcher)
    assert nb("Si le budget était de 1 000 000 € TTC (au lieu de 400 000 € TTC) :") in text
    # TNT-COOP 2e session: 75 % hors personnel et matériel, nothing excluded named: 750 000 €.
    assert nb("• Coopération avec partenaires et usagers : jusqu'à 750 000 € pour votre projet ; ouvert jusqu'au " \
           "22 novembre 2021 (code TNT-COOP).") in text


def test_adopting_sets_the_slots_and_keeping_drops_the_hypothesis(dispatcher):
    tracker = make_tracker({**ASSOCIATION, "what_if": {"applicant_type": "commune"}}, intent="adopt_what_if")
    assert run(ActionAdoptWhatIf(), dispatcher, tracker) == {"applicant_type": "commune", "what_if": None}
    assert texts(dispatcher) == "C'est noté, j'adopte ce profil (porteur : une commune)."
    assert run(ActionKeepProfile(), dispatcher, tracker) == {"what_if": None}


def test_a_side_question_is_answered_from_the_catalogue_for_the_call_discussed(dispatcher):
    tracker = make_tracker({"applicant_type": "administration_centrale", "current_call": "SNAP4"},
                           text="les licences Windows/Office c'est financé ?", intent="ask_side_question")
    result = run(ActionSideQuestion(), dispatcher, tracker)
    assert texts(dispatcher).startswith("SNAP4 — Services de communication unifiée : Les licences de produits "
                                        "extra-européens sont hors périmètre ; leur intégration peut en revanche "
                                        "être financée.")
    assert "open_questions" not in result


def test_personnel_is_answered_from_the_base_exclusion(dispatcher):
    tracker = make_tracker({"applicant_type": "commune", "recommended_calls": ["TNT-COOP"]},
                           text="on peut payer le salaire de l'animateur ?", intent="ask_side_question")
    run(ActionSideQuestion(), dispatcher, tracker)
    assert texts(dispatcher).startswith("TNT-COOP — Développer la coopération avec mes partenaires et usagers grâce "
                                        "au numérique : Non : TNT-COOP ne finance pas ces dépenses")


def test_what_the_catalogue_does_not_say_goes_to_the_advisor(dispatcher):
    tracker = make_tracker({"applicant_type": "association", "recommended_calls": ["FEDER-NUM"],
                            "questions_asked": ["quel est le taux ?"]},
                           text="on peut payer le salaire de l'animateur ?", intent="ask_side_question")
    result = run(ActionSideQuestion(), dispatcher, tracker)
    assert "la fiche ne dit rien sur les dépenses de personnel" in texts(dispatcher)
    assert NO_ANSWER in texts(dispatcher)
    assert dispatcher.messages[0]["buttons"] == [APPOINTMENT_BUTTON]
    assert result["open_questions"] == ["on peut payer le salaire de l'animateur ?"]
    assert result["questions_asked"] == ["quel est le taux ?", "on peut payer le salaire de l'animateur ? "
                                         "(sans réponse : pour le conseiller)"]


def test_where_to_apply_gives_what_the_catalogue_knows_and_says_what_it_does_not(dispatcher):
    tracker = make_tracker({"applicant_type": "region"}, text="c'est où qu'on dépose pour le FEDER ?",
                           intent="ask_side_question", entities=[{"entity": "call_code", "value": "FEDER-NUM"}])
    result = run(ActionSideQuestion(), dispatcher, tracker)
    assert texts(dispatcher).startswith("Pour candidater à FEDER-NUM — Services numériques aux citoyens et "
                                        "infrastructures de données (fonds européens) : Dépôt des dossiers au fil de l'eau")
    assert NO_ANSWER in texts(dispatcher) and result["current_call"] == "FEDER-NUM"


def test_plain_words_list_each_call_with_its_title_and_money(dispatcher):
    tracker = make_tracker({"applicant_type": "commune", "project_nature": "cooperation_usagers",
                            "budget": 400_000.0, "population": 350_000.0})
    run(ActionExplainPlainly(), dispatcher, tracker)
    lines = texts(dispatcher).split("\n")
    assert lines[0].startswith("En clair : oui, vous pouvez demander un financement.")
    assert all(not line.startswith("• ") or (" : " in line and "(code " in line) for line in lines)
    assert nb("• Coopération avec partenaires et usagers : jusqu'à 300 000 € pour votre projet") in texts(dispatcher)


def test_plain_words_when_nothing_fits(dispatcher):
    tracker = make_tracker({"applicant_type": "commune", "project_nature": "terminaux", "budget": 20_000.0,
                            "population": 1200.0})
    run(ActionExplainPlainly(), dispatcher, tracker)
    assert texts(dispatcher).startswith("En clair : aujourd'hui, aucun appel ne correspond")


def test_a_correction_that_changes_nothing_does_not_repeat_the_recommendation(dispatcher):
    events = [user("x"), slot("budget", 450_000.0), slot("applicant_type", "region"),
              {"event": "action", "name": "action_recommend"},
              user("non c'est pas ça"), slot("budget", 450_000.0)]
    said = events + [{"event": "bot", "text": "Je garde 450 000 € TTC : quel est le bon budget ?"}]
    tracker = make_tracker({"budget": 450_000.0, "applicant_type": "region"}, text="non c'est pas ça",
                           intent="correct", events=said)
    assert asyncio.run(ActionRecommend().run(dispatcher, tracker, {})) == [] and dispatcher.messages == []
    # nothing said by the validation: never an empty reply, the short prompt
    tracker = make_tracker({"budget": 450_000.0, "applicant_type": "region"}, text="non c'est pas ça",
                           intent="correct", events=events)
    asyncio.run(ActionRecommend().run(dispatcher, tracker, {}))
    assert texts(dispatcher).startswith("Je n'ai rien relevé de nouveau")
    dispatcher.messages.clear()
    tracker = make_tracker({"budget": 450_000.0, "applicant_type": "region"}, text="ok", intent="inform", events=events)
    asyncio.run(ActionRecommend().run(dispatcher, tracker, {}))  # not a correction: the short prompt, not the wall
    assert texts(dispatcher).startswith("Je n'ai rien relevé de nouveau")


def test_parts_before_the_total_are_kept_and_parts_above_it_are_refused(dispatcher):
    result = run(ValidateProfileSlots(), dispatcher, turn(REGION, "dont 150 000 € de salaires"))
    assert result["budget_parts"] == {"personnel": 150_000} and "budget" not in result
    assert texts(dispatcher) == nb("Je note que le coût du projet comprend 150 000 € de personnel.")
    dispatcher.messages.clear()
    result = run(ValidateProfileSlots(), dispatcher, turn({**REGION, "budget": 100_000.0}, "dont 150 000 € de salaires"))
    assert "budget_parts" not in result
    assert texts(dispatcher) == (nb("Ces dépenses (150 000 €) dépassent le budget de 100 000 € TTC que je garde : "
                                 "quel est le coût total du projet ?"))
