"""The dialogue acts completed where the conversation is known, and hypotheses routed by their act.

The NLU gives each message its acts (addons/components/dialogue_acts.py) but cannot know what the
bot had just asked. Rasa 3.6 hands the conversation to `MessageProcessor.parse_message` and to no
NLU component, so that method is wrapped, once, by DialogueActsRefinement (a pass-through
component, addons/patches/server_patch.py):

- `answer`: the slot requested before the message when a form runs, or else the profile field the
  bot's last words asked about, refines the acts (orientation.language.answer_act.refine); a button's
  payload, which skips the NLU, gets its acts here;
- a hypothesis, whatever its wording and whatever intent the classifier gave, is routed as `ask_what_if`
  (actions/what_if.py computes it on a copy of the profile); a question alone that names a profile
  value and that the intent classifier read as `inform` or `correct` is routed as the likeliest question intent of
  the intent classifier's ranking; a message the intent classifier was unsure of (`nlu_fallback`) whose acts are plain is routed by
  them (`fallback_route`) rather than asked again. The intent classifier's ranking itself is kept.
"""
from __future__ import annotations

import functools
from typing import Any, Dict, List, Optional

from rasa.core.processor import MessageProcessor
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.events import BotUttered, UserUttered

from addons.patches.server_patch import ServerPatch
from orientation.booking.operations import operation_in
from orientation.language import amounts
from orientation.language.act_words import RESTART_WORDS
from orientation.language.acts import (
    BOOK_INTENTS,
    MANAGE_INTENTS,
    PROFILE_ENTITIES,
    QUESTION_INTENTS,
    acts_of,
    asks_for_recap_text,
    nonsense,
)
from orientation.language.answer_act import (
    FIGURES,
    MORE_HELP,
    asked_by_bot,
    bare_reply,
    names_an_extent,
    refine,
    says_yes_or_no,
)
from orientation.language.hesitation import hesitates
from orientation.language.limits import out_of_range
from orientation.language.normalise import normalise

ACTS = "dialogue_acts"
# a booking made earlier, by what its words ask (operation_in): the intent that starts that form
OPERATION_INTENTS = {"cancel": "cancel_booking", "move": "move_booking", "show": "show_booking"}
WHAT_IF, KEEP_ROUTE = "ask_what_if", ("ask_what_if", "adopt_what_if", "keep_profile", "restart")
# the least confidence at which a question intent of the ranking answers a question read as inform:
# measured through the whole pipeline on the held-out NLU sets for the intent classifier's
# confidences (docs/performance.md), 0.2 reads best (DIET's 0.005 lost 0.6 point of macro-F1)
QUESTION_FLOOR = 0.2
FALLBACK = "nlu_fallback"
# what the intent classifier may make of words asking for the recommendation again (« refaire le
# recap »): a new start, nothing sure, or a question on the bot; each is the recap when they ask it
RECAP_READ_AS = ("restart", FALLBACK, "bot_challenge", "out_of_scope")
# the booking forms read their own answers (a booking turn never writes the profile anyway)
BOOKING_LOOPS = ("booking_form", "manage_booking_form")
# what the bot's last words asked, by their text: the bot says the same few sentences again and again,
# and reading one (normalising it, then a dozen patterns) was 3 % of a real turn's time
_asked_by_bot = functools.lru_cache(maxsize=1024)(asked_by_bot)


def asked_slot(tracker: Any) -> Optional[str]:
    """What the bot is asking for, before the message is logged: the slot its form requests, or
    else the profile field its last words asked about (orientation.language.answer_act.asked_by_bot)."""
    if tracker is None:
        return None
    if getattr(tracker, "active_loop_name", None) and tracker.get_slot("requested_slot"):
        return tracker.get_slot("requested_slot")
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return None
        if isinstance(event, BotUttered) and event.text:
            return _asked_by_bot(event.text)
    return None


def restates(entity: Dict[str, Any], tracker: Any) -> bool:
    """The entity gives the value its profile slot already holds."""
    if tracker is None or entity.get("entity") not in ("applicant_type", "population", "budget", "project_nature",
                                                         "departement_count", "territory"):
        return False
    held = tracker.get_slot(entity["entity"])
    value = entity.get("value")
    if held is None or value is None:
        return False
    if isinstance(held, (int, float)) and isinstance(value, (int, float)):
        return abs(float(held) - float(value)) < 0.5
    if entity["entity"] == "territory":
        return set(value if isinstance(value, list) else [value]) <= set(held if isinstance(held, list) else [held])
    return held == value


def read_for_the_question(parse_data: Dict[str, Any], tracker: Any, asked: Optional[str]) -> bool:
    """The entities of a reply read as the reply to what the bot asked; True when they changed:
    - « toute la région », « tout le département » to the question about the population or the
      départements give the extent of the project: the body they name is not who carries it (the
      role « other » fills no slot);
    - a few words answering a figure (« une quinzaine de milliers d'habitants ») carry no theme: the
      theme model's guess on them is dropped when the project's theme is already known;
    - a bare figure outside a form is the figure the bot lacks (`lacking_figure`)."""
    text = parse_data.get("text") or ""
    entities = parse_data.get("entities") or []
    changed = False
    if asked in ("population", "departement_count") and names_an_extent(text):
        for entity in entities:
            if entity.get("entity") == "applicant_type" and not entity.get("role"):
                entity["role"], changed = "other", True
    figure = lacking_figure(text, entities, tracker, asked)
    if figure is not None:
        parse_data["entities"], changed = entities + [figure], True
        entities = parse_data["entities"]
    if asked in FIGURES and tracker is not None and tracker.get_slot("project_nature") is not None \
            and bare_reply(normalise(text).text):
        kept = [e for e in entities if not (e.get("entity") == "project_nature" and e.get("extractor") == "ThemeClassifier")]
        if len(kept) != len(entities):
            parse_data["entities"], changed = kept, True
    return changed


def lacking_figure(text: str, entities, tracker: Any, asked: Optional[str]) -> Optional[Dict[str, Any]]:
    """A bare figure (« 150 000 », « environ 12 000 ») outside a form, without a unit: the figure the bot
    asked for, or else the only figure the user said earlier not to know (« jsp » to the budget
    question, then « 150 000 » after the calls), as its entity; None otherwise (the form reads its
    own answers; a figure beside a unit or a profile value is the extractors')."""
    if tracker is None or getattr(tracker, "active_loop_name", None) or any(
            e.get("entity") in PROFILE_ENTITIES for e in entities) or not bare_reply(normalise(text).text):
        return None
    numbers = [q for q in amounts.extract_quantities(text) if q.kind == "number" and not q.negative]
    if len(numbers) != 1:
        return None
    unknown = [f for f in tracker.get_slot("unknown_fields") or [] if f in FIGURES]
    field = asked if asked in FIGURES else (unknown[0] if len(unknown) == 1 else None)
    if field is None or out_of_range(field, numbers[0].value) or field == "budget" and numbers[0].value < 1000:
        return None  # a bare « 12 » is no budget (as for a correction's bare figure)
    return {"entity": field, "value": float(numbers[0].value), "start": numbers[0].start, "end": numbers[0].end,
            "extractor": "DialogueActsRefinement"}


def held(tracker: Any) -> Optional[List[str]]:
    """The profile fields the conversation already holds or named before (a range not settled, a
    what-if, a value refused): what a hedged correction may correct; None when it is not known."""
    if tracker is None:
        return None
    named = {e.get("entity") for event in tracker.events if isinstance(event, UserUttered)
             for e in event.entities or []}
    return [slot for slot in PROFILE_ENTITIES if tracker.get_slot(slot) not in (None, [], "") or slot in named]


def complete(parse_data: Dict[str, Any], tracker: Any) -> Dict[str, Any]:
    intent = parse_data.get("intent") or {}
    asked = asked_slot(tracker)
    reread = read_for_the_question(parse_data, tracker, asked)
    entities = parse_data.get("entities") or []
    acts = parse_data.get(ACTS)
    if acts is None or reread or (("describe" in acts or "correct" in acts) and tracker is not None):
        # a question that restates the profile (« nous, une commune, on peut… ? ») describes nothing new;
        # a hedged correction (« plutôt 200k ») corrects only what the profile holds
        new = entities if acts is not None and "correct" in acts else [e for e in entities if not restates(e, tracker)]
        acts = acts_of(parse_data.get("text") or "", intent.get("name"), float(intent.get("confidence") or 0.0), new,
                       held(tracker))
    acts = refine(acts, asked, entities, parse_data.get("text") or "")
    parse_data[ACTS] = acts
    booking = tracker is not None and getattr(tracker, "active_loop_name", None) in BOOKING_LOOPS
    if intent.get("name") in RECAP_READ_AS and asks_for_recap_text(parse_data.get("text") or ""):
        # « tu peux me refaire le recap ? » asks for the recommendation again: never a new start, nor
        # a message not understood
        parse_data["intent"] = {"name": "inform", "confidence": 1.0}
    elif "hypothesis" in acts and intent.get("name") not in KEEP_ROUTE and not booking:
        parse_data["intent"] = {"name": WHAT_IF, "confidence": 1.0}
    elif "manage_booking" in acts and intent.get("name") in ("ask_appointment", "ask_other_slot", "inform") and not booking \
            and (operation := OPERATION_INTENTS.get(operation_in(parse_data.get("text") or ""))):
        # « décaler le rdv DN-… à mercredi » read as a new booking: the booking made earlier is meant,
        # and its words say what to do with it (orientation/booking/operations.py)
        parse_data["intent"] = {"name": operation, "confidence": 1.0}
    elif question_only(acts, entities) and intent.get("name") in ("inform", "correct") and not booking:
        # « une boîte privée peut candidater, oui ou non ? »: the intent classifier read a description in the words of
        # the body asked about; the question is answered as the likeliest question the intent classifier saw
        likeliest = next((r for r in parse_data.get("intent_ranking") or [] if r.get("name") in QUESTION_INTENTS
                          and float(r.get("confidence") or 0) >= QUESTION_FLOOR), None)
        if likeliest is not None:
            parse_data["intent"] = {"name": likeliest["name"], "confidence": float(likeliest["confidence"])}
    elif intent.get("name") == "affirm" and not booking and hesitates(parse_data.get("text") or ""):
        # « hmm », « bof » read as a yes: nothing is booked nor adopted on it; the bot asks to rephrase
        parse_data["intent"] = {"name": FALLBACK, "confidence": float(intent.get("confidence") or 0.0)}
    elif (routed := act_route(acts, intent.get("name"), parse_data.get("text") or "", parse_data.get("intent_ranking") or [],
                              getattr(tracker, "active_loop_name", None) if tracker is not None else None, asked)):
        parse_data["intent"] = {"name": routed, "confidence": 1.0}
    elif intent.get("name") == FALLBACK and not booking:
        routed = fallback_route(acts, parse_data.get("intent_ranking") or [],
                                getattr(tracker, "active_loop_name", None) if tracker is not None else None)
        if routed is not None:
            parse_data["intent"] = {"name": routed, "confidence": 1.0}
    return parse_data


def fallback_route(acts, ranking, loop: Optional[str]) -> Optional[str]:
    """The intent of a message the intent classifier was unsure of but whose acts are plain, so that it is answered
    rather than asked again (« je vais en parler à mon DGS », « une CC de 15 000 hab ça passe »):
    a question alone, as the likeliest question the intent classifier saw; outside a form, leaving as a goodbye and
    thanks as thanks; in the profile form, leaving, which stops its questions. Anything else stays
    unclear (action_rephrase)."""
    acts = set(acts)
    if "question" in acts and not acts & {"describe", "answer", "correct", "hypothesis", "book", "manage_booking"}:
        return next((r["name"] for r in ranking if r.get("name") in QUESTION_INTENTS), None)
    if loop is None and acts and acts <= {"leave", "thanks_goodbye", "greet"} and acts & {"leave", "thanks_goodbye"}:
        return "goodbye" if "leave" in acts else "thank"
    if loop == "profile_form" and acts == {"leave"}:
        return "goodbye"  # the profile form stops its questions (actions/profile_form.py)
    return None


# Below this, a yes or a no the classifier read in a message without « oui », « non » or the like is none.
YES_NO_FLOOR = 0.6


def _confidence(ranking, intent: Optional[str]) -> float:
    return next((float(r.get("confidence") or 0) for r in ranking or () if r.get("name") == intent), 0.0)


def act_route(acts, intent: Optional[str], text: str, ranking, loop: Optional[str],
              asked: Optional[str] = None) -> Optional[str]:
    """The intent that the plain acts of a message call for when the classifier's says otherwise, outside the
    booking forms (they read their own answers):
    - a closing (« ok merci », « dommage », « je lui dirai », « thx ») never starts the recommendation,
      a booking or a profile write: leaving is a goodbye, a polite close thanks (in the profile form,
      only leaving, which stops its questions). A « non » keeps the classifier's deny and a new start stays; a
      bare « ok » to what the bot asked is an answer, not a closing (after a proposal to book, it accepts);
      after « Avez-vous une autre question ? », any closing, a « non » included, is a goodbye;
    - keys hit at random (« jkljkl », « dsl chat sur le clavier ») are not understood: asked again, as
      is a message that says nothing read as a new start (the profile is not wiped without its words),
      or a weak yes or no with no word of one (« zzz bof »);
    - a request for a person (« rdv stp », « je peux parler à qqun ? ») books;
    - a question that the intent classifier read as managing a booking (« ça change qq chose ? ») is answered as the
      likeliest question of its ranking."""
    acts = set(acts)
    if loop in BOOKING_LOOPS or text.startswith("/"):
        return None
    closing = bool(acts) and acts <= {"leave", "thanks_goodbye", "greet"} and bool(acts & {"leave", "thanks_goodbye"})
    if closing and asked == MORE_HELP and loop is None and intent != "restart":
        return "goodbye"  # « non merci », « ok » to « Avez-vous une autre question ? »: done
    if closing and intent not in ("thank", "goodbye", "deny", "restart"):
        if loop is None:
            return "goodbye" if "leave" in acts else "thank"
        return "goodbye" if loop == "profile_form" and acts == {"leave"} else None
    if acts == {"other"} and (nonsense(text) or intent == "restart" and not RESTART_WORDS.search(normalise(text).text)):
        return FALLBACK
    if acts == {"other"} and intent in ("affirm", "deny") and _confidence(ranking, intent) < YES_NO_FLOOR \
            and not says_yes_or_no(normalise(text).text):
        return FALLBACK  # « zzz bof » read as a weak yes: no yes nor no said, it books nothing
    if acts and acts <= {"book", "greet", "thanks_goodbye"} and "book" in acts and intent not in BOOK_INTENTS:
        return BOOK_INTENTS[0]
    if acts == {"question"} and intent in MANAGE_INTENTS + BOOK_INTENTS:
        # a question that manages nothing (« le CIAS peut-il porter à la place ? ») is a question: the likeliest
        # question of the ranking, however unsure, rather than a booking reference asked for
        return next((r["name"] for r in ranking if r.get("name") in QUESTION_INTENTS), "ask_side_question")
    return None


def question_only(acts, entities) -> bool:
    """A question and nothing that writes, naming a profile value (of the body it asks about)."""
    return "question" in acts and not set(acts) & {"describe", "answer", "correct", "hypothesis", "book",
                                                     "manage_booking"} \
        and any(e.get("entity") in PROFILE_ENTITIES for e in entities)


def install() -> None:
    original = MessageProcessor.parse_message
    if getattr(original, "acts", False):
        return

    @functools.wraps(original)
    async def parse_message(self, message, tracker=None, only_output_properties=True):
        parse_data = await original(self, message, tracker, only_output_properties)
        return complete(parse_data, tracker)

    parse_message.acts = True  # type: ignore[attr-defined]
    MessageProcessor.parse_message = parse_message


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class DialogueActsRefinement(ServerPatch):
    """Installs the refinement of the acts (see the module docstring)."""

    install_patch = staticmethod(install)
