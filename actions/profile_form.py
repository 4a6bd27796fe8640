"""The profile form: what it still needs to ask, how it asks each field, and the bare answers to
its questions.

- ValidateProfileForm (validate_profile_form) decides what the form still needs to ask (population
  only when a call under consideration depends on it) and reads bare answers to its questions
  ("400000", "je ne sais pas", "beaucoup"); leaving it keeps what was said.
- The ask actions: population and départements are asked with the reason (the call under
  consideration that needs them); the budget, when a message held several amounts, asks which one
  is the total.
- The theme is asked from what the theme model said about the user's last message
  (addons/components/theme_classifier.py puts `theme_ranking` in the parse data): nothing tried
  yet, the free-text question; medium confidence or a description not understood, the 2–3
  likeliest themes as buttons with their plain-French labels, and « Autre »; « Autre », or nothing
  worth offering, every theme as a button. The free-text question is never asked twice in a row.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, FrozenSet, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import budget_reading
from actions.dialogue_turn import (
    answered_this_turn,
    asks_calls_for_a_kind,
    asks_whats_open,
    asks_whether_one_may_apply,
    is_question,
    is_question_intent,
    repeats_last_turn,
    said_this_turn,
    type_asked_about,
)
from actions.forms import KeepingFormValidation, end_form, goodbye_suffix
from actions.profile_writes import reads_as_answer
from actions.questions_asked import remember_question
from actions.side_questions import answer_question, call_of_question
from actions.today import send_calls_for, send_whats_open
from actions.tracker import dialogue_acts, latest_entity, profile_from, profile_from_tracker
from actions.what_if import answer_what_if, hypothesis
from orientation.eligibility import INELIGIBLE, Profile, evaluate
from orientation.eligibility.vocabulary import THEMES
from orientation.language import amounts
from orientation.language import french as fmt
from orientation.language.acts import asks_for_recap_text, speaks_of_itself
from orientation.language.answer_act import names_an_extent
from orientation.language.themes import SECOND, Decision, offered
from orientation.replies.applicant_types import (
    OTHER_BUTTON_TITLE,
    applicant_types_explained,
    asks_the_types,
    family_named,
)
from orientation.replies.message import Message
from orientation.replies.profile import promised_answer, slot_label, which_territory, which_total_message

FREE_TEXT = ("Quel est l'objet du projet, en quelques mots ? Par exemple : dématérialiser des démarches, ouvrir "
             "ou exploiter des données, une plateforme de participation citoyenne, un centre de contact, des "
             "outils collaboratifs pour les agents…")
OTHER = "autre"
UNKNOWN_BUTTON = {"title": "Je ne sais pas", "payload": "je ne sais pas"}


def theme_button(theme: str) -> Dict[str, str]:
    label = THEMES[theme]
    return {"title": label[0].upper() + label[1:], "payload": f'/inform{{"project_nature": "{theme}"}}'}


def _ranking(tracker: Tracker) -> Optional[Decision]:
    data = (tracker.latest_message or {}).get("theme_ranking")
    if not data or not data.get("themes"):
        return None
    themes = tuple((t, float(p)) for t, p in data["themes"] if t in THEMES)
    return Decision(data.get("level", "low"), themes[0][0] if themes else None, float(data.get("confidence", 0)), themes)


def _asked_free_text_last(tracker: Tracker) -> bool:
    """The bot's last words before the user's latest message were the free-text question."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    said = [e.get("text") or "" for e in events[:last_user] if e.get("event") == "bot"]
    return bool(said) and said[-1] == FREE_TEXT


def _chose_other(tracker: Tracker) -> bool:
    return any(e.get("entity") == "theme_choice" and e.get("value") == OTHER
               for e in (tracker.latest_message or {}).get("entities", []))


def theme_question(tracker: Tracker) -> Message:
    if _chose_other(tracker):
        return {"text": "Voici tous les thèmes : lequel correspond le mieux à votre projet ?",
                "buttons": [theme_button(t) for t in THEMES] + [UNKNOWN_BUTTON]}
    decision = _ranking(tracker)
    worth_offering = decision is not None and bool(decision.ranking) and decision.ranking[0][1] >= SECOND
    if worth_offering and (decision.level == "medium" or _asked_free_text_last(tracker)):
        intro = ("Je ne suis pas sûr d'avoir compris le thème du projet." if decision.level == "medium"
                 else "Je n'ai pas reconnu le thème du projet.")
        buttons: List[Dict[str, Any]] = [theme_button(t) for t in offered(decision)]
        return {"text": f"{intro} S'agit-il de l'un de ceux-ci ? Sinon, choisissez « Autre ».",
                "buttons": buttons + [{"title": "Autre", "payload": f'/inform{{"theme_choice": "{OTHER}"}}'}]}
    if _asked_free_text_last(tracker):
        return {"text": "Je n'ai pas reconnu le thème du projet. Choisissez-le ci-dessous :",
                "buttons": [theme_button(t) for t in THEMES] + [UNKNOWN_BUTTON]}
    return {"text": FREE_TEXT, "buttons": []}


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


def answer_first(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """Before the form asks (again): a message that only asks something gets its answer, or the honest
    sentence and the question kept for the advisor, never the form's question alone. A question the NLU
    read as one was answered by its rule, unless the form took it for the value it carries."""
    if asks_whats_open(tracker):  # « qu'est-ce qui est ouvert ? » read as information: answered first
        return send_whats_open(dispatcher, tracker)
    text = (tracker.latest_message.get("text") or "").strip()
    acts = set(dialogue_acts(tracker))
    if not text.startswith("/") and "hypothesis" in acts:
        # « et si c'était l'agglo qui portait le projet ? » names a value, so the form took the message and no
        # rule ran: the hypothesis is answered on a copy of the profile, then the form asks again
        supposed = {} if acts & {"answer", "describe", "correct"} or answered_this_turn(tracker) else hypothesis(tracker)
        return answer_what_if(dispatcher, tracker, supposed) if supposed else []
    if text.startswith("/") or not is_question(tracker):
        return []
    body = type_asked_about(tracker)
    # about a kind of structure, not the user's own (« et un département ? »): its entity made the form
    # take the message, so no rule answered it
    if body and not speaks_of_itself(text) and call_of_question(tracker) is None and asks_calls_for_a_kind(tracker) \
            and not said_this_turn(tracker):
        return send_calls_for(dispatcher, tracker, body)
    if is_question_intent(tracker) and answered_this_turn(tracker):
        return []  # its rule answered it; a question whose value the form took was answered by none
    if asks_for_recap_text(text) or asks_whether_one_may_apply(tracker) and call_of_question(tracker) is None:
        # « commune de 8 000 hab, on peut candidater ? »: the recommendation the form leads to is the
        # answer (which calls, whether one may apply); it is promised, with what it still needs
        dispatcher.utter_message(text=promised_answer(fields_needed(tracker.slots)))
        return [remember_question(tracker)]
    # a question beside facts (« commune de 8 000 hab, les licences c'est financé ? ») is answered too;
    # the facts went to the profile
    return answer_question(dispatcher, tracker)


APPLICANT_QUESTION = ("Quelle structure porte le projet ? Choisissez ci-dessous ou écrivez-le (« préfecture », « mairie », "
                      "« France Travail », « association »…).")
APPLICANT_AGAIN = ("Il me manque encore le type de structure qui porte le projet : choisissez-le ci-dessous, ou écrivez par "
                   "exemple « mairie », « conseil départemental », « DDT », « hôpital ».")
BUDGET_QUESTION = ("Quel est le coût total prévu du projet, en euros TTC ? (par exemple « 300 000 € » ou « 1,5 M€ » ; « je ne "
                   "sais pas » est possible)")
BUDGET_AGAIN = "Il me manque encore le coût total du projet, en euros TTC (« 300 000 € », « 1,5 M€ » ou « je ne sais pas »)."


def not_twice(tracker: Tracker, dispatcher: CollectingDispatcher, question: str, again: str) -> str:
    """The form's question, or its other wording when the whole reply would be the previous one word for word."""
    said = [m.get("text") or "" for m in dispatcher.messages]
    return again if repeats_last_turn(tracker, said, question) else question


class ActionAskApplicantType(Action):
    def name(self) -> Text:
        return "action_ask_applicant_type"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        events = answer_first(dispatcher, tracker)
        family = family_named(tracker.latest_message.get("text") or "")  # « état »: which of its kinds?
        said = [m.get("text") or "" for m in dispatcher.messages]
        family = None if family and repeats_last_turn(tracker, said, family.question) else family
        buttons = [{"title": title, "payload": f'/inform{{"applicant_type": "{value}"}}'}
                   for title, value in (family.types if family else APPLICANT_BUTTONS)]
        buttons.append({"title": OTHER_BUTTON_TITLE, "payload": OTHER_BUTTON_TITLE})
        question = family.question if family else not_twice(tracker, dispatcher, APPLICANT_QUESTION, APPLICANT_AGAIN)
        dispatcher.utter_message(text=question, buttons=buttons)
        return events


class ActionAskProjectNature(Action):
    def name(self) -> Text:
        return "action_ask_project_nature"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        events = answer_first(dispatcher, tracker)
        question = theme_question(tracker)  # free text once, then buttons: never the same question twice
        dispatcher.utter_message(text=question["text"], buttons=question["buttons"])
        return events


class ActionAskBudget(Action):
    def name(self) -> Text:
        return "action_ask_budget"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        if budget_reading.ask_pending(dispatcher, tracker):  # a range to settle, an amount to confirm
            return []
        candidates = tracker.get_slot("budget_candidates")
        if candidates:  # the last message held several amounts: which one is the total?
            question = which_total_message(candidates)
            dispatcher.utter_message(text=question["text"], buttons=question["buttons"])
            return []
        events = answer_first(dispatcher, tracker)
        dispatcher.utter_message(text=not_twice(tracker, dispatcher, BUDGET_QUESTION, BUDGET_AGAIN))
        return events


class ActionAskPopulation(Action):
    def name(self) -> Text:
        return "action_ask_population"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        events = answer_first(dispatcher, tracker)
        codes = _needing(tracker, "population")
        why = f" C'est une condition de {', '.join(codes[:3])}." if codes else ""
        dispatcher.utter_message(text=not_twice(
            tracker, dispatcher, f"Combien d'habitants le projet couvre-t-il ?{why} (par exemple « 350 000 habitants »)",
            f"Il me manque encore la population couverte par le projet, en habitants.{why}"))
        return events


class ActionAskDepartementCount(Action):
    def name(self) -> Text:
        return "action_ask_departement_count"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        events = answer_first(dispatcher, tracker)
        codes = _needing(tracker, "departement_count")
        why = f" C'est une condition de {', '.join(codes[:3])}." if codes else ""
        dispatcher.utter_message(text=not_twice(tracker, dispatcher, f"Combien de départements le projet couvre-t-il ?{why}",
                                                f"Il me manque encore le nombre de départements couverts.{why}"))
        return events


def fields_needed(slots: Dict[str, Any]) -> List[str]:
    """What the form must still ask, in order; population and départements only when a call
    under consideration depends on them (the engine lists them as missing)."""
    unknown = set(slots.get("unknown_fields") or [])
    if slots.get("applicant_type") == "particulier":
        return []
    needed = [s for s in ("applicant_type", "project_nature", "budget")
              if slots.get(s) is None and s not in unknown]
    if slots.get("applicant_type") is None:
        return needed
    missing = _missing_for(profile_from(slots))
    for field in ("population", "departement_count"):
        if field in missing and slots.get(field) is None and field not in unknown:
            needed.append(field)
            break  # ask the population first; the départements only if it is not enough
    return needed


@lru_cache(maxsize=256)
def _missing_for(profile: Profile) -> FrozenSet[str]:
    """The fields the calls still under consideration depend on. Kept per profile: the SDK asks
    the form's required slots three times per message, and each asks the engine for every call."""
    considered = [r for r in evaluate(profile) if r.verdict != INELIGIBLE and r.theme_match is not False]
    return frozenset(field for r in considered for field in r.missing)


PARSERS = {"budget": amounts.parse_budget, "population": amounts.parse_population,
           "departement_count": amounts.parse_departement_count}


class ValidateProfileForm(KeepingFormValidation):
    """The profile form: dynamic questions and bare answers."""

    def name(self) -> Text:
        return "validate_profile_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        return fields_needed(tracker.slots)

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        asked, acts = tracker.get_slot("requested_slot"), set(dialogue_acts(tracker))
        if asked and acts == {"leave"}:
            # « je vais en parler à mon DGS », « je reviens vers vous »: leaving, as the acts read it
            return end_form(self.leave(dispatcher, tracker), asked)
        if asked and "thanks_goodbye" in acts and acts <= {"thanks_goodbye", "greet"}:
            # « merci » is no answer to the question: a short reply, and the question again; « ok merci
            # bye » stops the questions, what was said kept (any fact said later resumes the form)
            if not goodbye_suffix(tracker):
                dispatcher.utter_message(text="Avec plaisir !")
                return [SlotSet(asked, None)]
            dispatcher.utter_message(text=f"Je garde ce que vous m'avez dit : vous pourrez me donner {slot_label(asked)} "
                                          "plus tard pour connaître les appels qui vous correspondent." + goodbye_suffix(tracker))
            return end_form([], asked)
        events = await super().run(dispatcher, tracker, domain)
        validated = [e for e in events if e.get("event") == "slot" and e.get("name") != "requested_slot"]
        if asked and not validated and is_question(tracker) and not is_question_intent(tracker) and "answer" not in acts:
            # a question the intent classifier read as information: not the form's answer, yet the form goes on, and its
            # question, asked again, answers it first (answer_first) instead of another action guessing; « 30 000
            # habitants, pourquoi ? » answers it, and asks
            return events + [SlotSet(asked, None)]
        return events

    def leave(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        """What the user already said is kept; the form stops asking."""
        dispatcher.utter_message(
            text="D'accord, je n'enregistre rien de plus et j'arrête les questions. Je garde ce que vous m'avez déjà "
                 "dit : vous pourrez compléter votre profil à tout moment, me demander la liste des appels à projets, "
                 "ou poser une question sur l'un d'eux." + goodbye_suffix(tracker))
        return []

    def _answering(self, tracker: Tracker, slot: str) -> bool:
        """The user is answering the form's question about this slot, and the NLU found nothing for it;
        a question or a hypothesis asked meanwhile is not an answer (actions/profile_writes.py)."""
        return (tracker.get_slot("requested_slot") == slot and tracker.get_slot(slot) is None
                and reads_as_answer(tracker))

    def _mark_unknown(self, tracker: Tracker, slot: str) -> Dict[Text, Any]:
        unknown = list(tracker.get_slot("unknown_fields") or [])
        return {"unknown_fields": unknown + [slot] if slot not in unknown else unknown, slot: None}

    def _extract_number(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        if not self._answering(tracker, slot):
            return {}
        result = PARSERS[slot](tracker.latest_message.get("text") or "")
        read = budget_reading.answer_events(dispatcher, tracker, result) if slot == "budget" else None
        if read is not None:  # a range, an alternative, an amount to confirm, a choice settled
            return read
        if result.status == "ok":
            if result.excl_tax:
                dispatcher.utter_message(text=f"J'ai converti le montant hors taxes en TTC (TVA à {fmt.percent(amounts.VAT_RATE)}) : "
                                              f"{fmt.euros(result.value)} TTC.")
            return {slot: result.value}
        if result.status == "unknown":
            dispatcher.utter_message(text="Pas de problème, je continue sans cette information : "
                                          "les appels concernés seront « à confirmer ».")
            return self._mark_unknown(tracker, slot)
        if result.status == "ambiguous":  # action_ask_budget asks which one, with a button each
            text = tracker.latest_message.get("text") or ""
            return {slot: None, "budget_candidates": [q.value for q in amounts.read_budget(text).candidates]}
        if slot != "budget" and names_an_extent(tracker.latest_message.get("text") or ""):
            dispatcher.utter_message(text=which_territory(slot))  # « toute la région »: which one?
        elif result.message and not _other_profile_value_given(tracker):
            dispatcher.utter_message(text=result.message)
        return {slot: None}

    async def extract_budget(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> Dict[Text, Any]:
        return self._extract_number("budget", dispatcher, tracker)

    async def extract_population(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> Dict[Text, Any]:
        return self._extract_number("population", dispatcher, tracker)

    async def extract_departement_count(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                        domain: DomainDict) -> Dict[Text, Any]:
        return self._extract_number("departement_count", dispatcher, tracker)

    async def extract_applicant_type(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[Text, Any]:
        if not self._answering(tracker, "applicant_type") or _other_profile_value_given(tracker) or is_question_intent(tracker):
            return {}
        if asks_the_types(tracker.latest_message.get("text") or ""):
            dispatcher.utter_message(text=applicant_types_explained())
            return {"applicant_type": None}
        if family_named(tracker.latest_message.get("text") or ""):
            return {"applicant_type": None}  # understood: action_ask_applicant_type asks which of its kinds
        dispatcher.utter_message(text="Je n'ai pas reconnu le type de structure. Choisissez-en un ci-dessous ou "
                                      "écrivez-le (par exemple « préfecture », « mairie », « conseil régional », "
                                      "« France Travail », « association »).")
        return {"applicant_type": None}

    async def extract_project_nature(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> Dict[Text, Any]:
        if not self._answering(tracker, "project_nature") or _other_profile_value_given(tracker) or is_question_intent(tracker):
            return {}
        text = tracker.latest_message.get("text") or ""
        if amounts.says_unknown(text):
            dispatcher.utter_message(text="D'accord, je vous montrerai tous les appels ouverts à votre profil.")
            return self._mark_unknown(tracker, "project_nature")
        # Not understood: the question that follows offers buttons (theme_question above), so
        # that the same free-text question is never asked twice in a row.
        return {"project_nature": None}


def _other_profile_value_given(tracker: Tracker) -> bool:
    """The last message set some profile slot: the form moves on without complaining."""
    return any(latest_entity(tracker, e) is not None for e in
               ("applicant_type", "population", "departement_count", "budget", "project_nature"))
