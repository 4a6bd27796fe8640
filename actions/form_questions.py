"""The profile form's questions. Population and départements are asked with the reason:
the call under consideration that needs them, and its threshold from the catalogue."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from orientation.eligibility import INELIGIBLE, evaluate
from actions.side_answers import which_total_message
from actions.theme_questions import theme_question
from actions.tracker_profile import profile_from_tracker

APPLICANT_BUTTONS = [
    ("Administration centrale", "administration_centrale"),
    ("Service déconcentré (préfecture, DDT…)", "service_deconcentre"),
    ("Opérateur de l'État", "operateur_etat"),
    ("Région", "region"), ("Département", "departement"), ("Commune", "commune"),
    ("Intercommunalité", "epci"), ("Groupement de collectivités", "groupement_collectivites"),
]


def _needing(tracker: Tracker, field: str) -> List[str]:
    """Codes of the calls under consideration whose verdict depends on `field`."""
    results = evaluate(profile_from_tracker(tracker))
    return [r.code for r in results
            if r.verdict != INELIGIBLE and r.theme_match is not False and field in r.missing]


class ActionAskApplicantType(Action):
    def name(self) -> Text:
        return "action_ask_applicant_type"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        buttons = [{"title": title, "payload": f'/inform{{"applicant_type": "{value}"}}'}
                   for title, value in APPLICANT_BUTTONS]
        dispatcher.utter_message(text="Quelle structure porte le projet ? Choisissez ci-dessous ou écrivez-le "
                                      "(« préfecture », « mairie », « France Travail », « association »…).",
                                 buttons=buttons)
        return []


class ActionAskProjectNature(Action):
    def name(self) -> Text:
        return "action_ask_project_nature"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        question = theme_question(tracker)  # free text once, then buttons (issue 11)
        dispatcher.utter_message(text=question["text"], buttons=question["buttons"])
        return []


class ActionAskBudget(Action):
    def name(self) -> Text:
        return "action_ask_budget"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        candidates = tracker.get_slot("budget_candidates")
        if candidates:  # the last message held several amounts: which one is the total?
            question = which_total_message(candidates)
            dispatcher.utter_message(text=question["text"], buttons=question["buttons"])
            return []
        dispatcher.utter_message(text="Quel est le coût total prévu du projet, en euros TTC ? "
                                      "(par exemple « 300 000 € » ou « 1,5 M€ » ; « je ne sais pas » est possible)")
        return []


class ActionAskPopulation(Action):
    def name(self) -> Text:
        return "action_ask_population"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        codes = _needing(tracker, "population")
        why = f" C'est une condition de {', '.join(codes[:3])}." if codes else ""
        dispatcher.utter_message(text=f"Combien d'habitants le projet couvre-t-il ?{why} "
                                      "(par exemple « 350 000 habitants »)")
        return []


class ActionAskDepartementCount(Action):
    def name(self) -> Text:
        return "action_ask_departement_count"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        codes = _needing(tracker, "departement_count")
        why = f" C'est une condition de {', '.join(codes[:3])}." if codes else ""
        dispatcher.utter_message(text=f"Combien de départements le projet couvre-t-il ?{why}")
        return []
