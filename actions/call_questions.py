"""Questions about calls: what one is, why one does not fit, whether a structure may apply, how two
compare, how much the project could receive, and the list of them all."""
from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.call_meant import (
    asked_codes,
    call_slots,
    can_apply_answer,
    known_code,
    result_for,
    which_call_message,
    which_of_message,
)
from actions.dialogue_turn import asks_for_recap, asks_whats_open, asks_which_calls, latest_text, type_asked_about
from actions.last_recommendation import slots_at_last_recommendation
from actions.messages import send
from actions.questions_asked import remember_question
from actions.recommendation import full_recommendation
from actions.side_questions import answer_question
from actions.today import send_call_list, send_calls_for, send_whats_open
from actions.tracker import asked_before_last_message, latest_entity, profile_from_tracker
from orientation.eligibility import INELIGIBLE, CallResult, call_choice, evaluate
from orientation.language.acts import speaks_of_itself
from orientation.replies import call_questions as replies
from orientation.replies import side_questions as side_topics
from orientation.replies.applicant_types import applicant_types_explained, asks_the_types
from orientation.replies.call_result import VERDICT_WORDS, cite


class OneCallAnswer(Action, metaclass=ABCMeta):
    """The path shared by questions about one call: which call (named now or discussed last), a code
    that does not exist, then the answer. Abstract: the SDK does not register it as an action."""

    @abstractmethod
    def answer(self, result: CallResult, tracker: Tracker) -> str:
        """The reply about this call."""

    def told_fits(self, result: CallResult, tracker: Tracker) -> bool:
        """This reply tells the user the call fits them (the advisor's summary lists it)."""
        return False

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        events = [remember_question(tracker)]
        code = known_code(tracker)
        if not code and asked_before_last_message(tracker) == "applicant_type" and asks_the_types(latest_text(tracker)):
            dispatcher.utter_message(text=applicant_types_explained())  # « c quoi les choix ? » to the type question
            return events
        if not code:
            send(dispatcher, [which_call_message(tracker)])
            return events
        if call_choice.is_ambiguous(code):
            send(dispatcher, [which_of_message(tracker, code)])
            return events
        result = result_for(tracker, code)
        if result is None:
            dispatcher.utter_message(text=replies.unknown_call(code))
            return events
        dispatcher.utter_message(text=self.answer(result, tracker))
        told = list(tracker.get_slot("recommended_calls") or [])
        if self.told_fits(result, tracker) and result.code not in told:
            events.append(SlotSet("recommended_calls", told + [result.code]))
        return events + call_slots(code)


class ActionCallInfo(OneCallAnswer):
    """One property of one call (rate, dates, who may apply…), from the catalogue. « Qu'est-ce qui est
    ouvert ? » (no call named) is today's question, for every call."""

    def name(self) -> Text:
        return "action_call_info"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        if asks_whats_open(tracker):
            return send_whats_open(dispatcher, tracker)
        # how to apply is an aspect of its own (« qui peut candidater ? » is not « comment candidater ? »)
        asked = side_topics.topics_of(latest_text(tracker))
        asks_more = [t for t in asked if t != "candidature"]
        if not latest_entity(tracker, "call_aspect") and asked:
            # « la formation des agents est financée par SNAP5 ? »: a question on expenses, not the
            # presentation; « on envoie le dossier FEDER où ? », no other property asked: how to apply
            return answer_question(dispatcher, tracker, skip=("candidature",) if asks_more else ())
        events = await super().run(dispatcher, tracker, domain)
        if asks_more:  # « quel taux, et les serveurs c'est éligible ? »: every question of the message
            events += answer_question(dispatcher, tracker, skip=("candidature",))
        return events

    def answer(self, result: CallResult, tracker: Tracker) -> str:
        return replies.call_info(result, latest_entity(tracker, "call_aspect"))


class ActionWhyNot(OneCallAnswer):
    """'Pourquoi pas ITN2 ?': the blocking criteria with their figures."""

    def name(self) -> Text:
        return "action_why_not"

    def answer(self, result: CallResult, tracker: Tracker) -> str:
        return replies.why_not(result, profile_from_tracker(tracker))

    def told_fits(self, result: CallResult, tracker: Tracker) -> bool:
        return result.verdict != INELIGIBLE


class ActionCompareCalls(Action):
    """Two calls side by side, for this profile."""

    def name(self) -> Text:
        return "action_compare_calls"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        events = [remember_question(tracker)]
        codes = asked_codes(tracker)
        if len(codes) == 1 and tracker.get_slot("current_call") not in (None, codes[0]):
            codes.insert(0, tracker.get_slot("current_call"))
        if len(codes) < 2:
            dispatcher.utter_message(text="Quels appels voulez-vous comparer ? Donnez-moi deux codes, par exemple "
                                          "« ITN8A et ITN8C ».")
            return events
        shared = [code for code in codes[:2] if call_choice.is_ambiguous(code)]
        if shared:
            send(dispatcher, [which_of_message(tracker, shared[0])])
            return events
        results = [result_for(tracker, code) for code in codes[:2]]
        unknown = [code for code, result in zip(codes, results) if result is None]
        if unknown:
            dispatcher.utter_message(text=replies.unknown_call(unknown[0]))
            return events
        dispatcher.utter_message(text=replies.compare(results[0], results[1]))
        return events + call_slots(codes[1])


class ActionCanApply(OneCallAnswer):
    """« Un EPCI peut-il répondre à ITN6 ? », « sommes-nous éligibles à ITN5 ? »: Oui or Non, why,
    and the money. The applicant type named in the question is the one asked about (it does not
    change the profile: domain.yml), else the profile's."""

    def name(self) -> Text:
        return "action_can_apply"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        body = type_asked_about(tracker)
        if body and (known_code(tracker) is None or asks_which_calls(latest_text(tracker))):
            return send_calls_for(dispatcher, tracker, body)  # « à quels appels une région peut-elle… ? »
        return await super().run(dispatcher, tracker, domain)

    def answer(self, result: CallResult, tracker: Tracker) -> str:
        return can_apply_answer(tracker, result)

    def told_fits(self, result: CallResult, tracker: Tracker) -> bool:
        """« Oui » about the user's own structure, not about another body asked about."""
        asked = latest_entity(tracker, "applicant_type")
        own = tracker.get_slot("applicant_type")
        return own is not None and asked in (None, own) and result.verdict != INELIGIBLE


class ActionListCalls(Action):
    """Every call of the catalogue with its status at the reference date; today's question gets its
    plain sentence first; « rappelez-moi les appels » after a recommendation, the recommendation."""

    def name(self) -> Text:
        return "action_list_calls"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        if asks_for_recap(tracker) and slots_at_last_recommendation(tracker) is not None:
            return full_recommendation(dispatcher, tracker)
        if asks_whats_open(tracker):
            return send_whats_open(dispatcher, tracker)
        body = type_asked_about(tracker)
        if body and not speaks_of_itself(latest_text(tracker)):  # « quels appels pour les EPCI ? »
            return send_calls_for(dispatcher, tracker, body)
        return send_call_list(dispatcher, tracker)


class ActionFunding(Action):
    """'Combien pourrions-nous obtenir ?', for one call or over the recommended ones."""

    def name(self) -> Text:
        return "action_funding"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        profile = profile_from_tracker(tracker)
        # « combien je peux avoir ? » after talking about a call means that call; with no call
        # discussed, the answer covers every recommended call (the first one included).
        code = known_code(tracker, or_first_recommended=False)
        events = [remember_question(tracker)]
        if code and call_choice.is_ambiguous(code):
            send(dispatcher, [which_of_message(tracker, code)])
            return events
        if code:
            result = result_for(tracker, code)
            if result is None:
                dispatcher.utter_message(text=replies.unknown_call(code))
                return events
            if profile.budget is None:
                dispatcher.utter_message(text=replies.call_info(result, "taux") + " Indiquez-moi le coût total "
                                              "du projet pour que je calcule le montant.")
            else:
                dispatcher.utter_message(text=f"{cite(result.call)} : {result.funding.explanation} "
                                              f"({VERDICT_WORDS[result.verdict].lower()}).")
            return events + call_slots(result.code)
        dispatcher.utter_message(text=replies.funding_answer(evaluate(profile), profile))
        return events
