"""What kind of turn the user's latest message is, for the replies that depend on it: a question
(never answered with the full recommendation), a request to see the recommendation again, or
today's question (« qu'est-ce qui est ouvert ? »).

`is_question` reads the dialogue acts (orientation/language/acts.py decides what is a question)."""
from __future__ import annotations

import re
from typing import List, Optional

from rasa_sdk import Tracker

from actions.tracker import dialogue_acts, latest_entity_values
from orientation.language.act_words import THIRD_PERSON_ASKS
from orientation.language.acts import QUESTION_INTENTS as ACT_QUESTION_INTENTS
from orientation.language.acts import asks_for_recap_in_words_text, asks_for_recap_text
from orientation.language.fold import fold
from orientation.language.normalise import normalise

# Intents that are questions whatever their wording: the acts' list (orientation/language/acts.py)
# but « êtes-vous un robot ? », which asks nothing of the calls.
QUESTION_INTENTS = frozenset(ACT_QUESTION_INTENTS) - {"bot_challenge"}


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message.get("text") or "").strip()


def is_question_intent(tracker: Tracker) -> bool:
    """The NLU read the latest message as a question (its intent alone): the profile form leaves such
    a message to the rules that answer it, and resumes after."""
    return (tracker.latest_message.get("intent") or {}).get("name") in QUESTION_INTENTS


# What runs every turn around a form, answering nothing of what the user asked.
_FORM_MACHINERY = ("action_listen", "action_extract_slots", "action_validate_slot_mappings", "action_session_start")


def answered_this_turn(tracker: Tracker) -> bool:
    """An action other than a form and its slot machinery ran since the user's latest message: a rule
    answered the question before the form resumed. When the form takes a question because it carries
    a profile value (« on est une asso, on peut candidater ? »), no rule runs."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    return any(e.get("event") == "action" and (name := e.get("name") or "") not in _FORM_MACHINERY
               and not name.endswith("_form") and not name.startswith(("validate_", "action_ask_"))
               for e in events[last_user + 1:])


def is_question(tracker: Tracker) -> bool:
    """The latest message asks something: its dialogue acts (orientation/language/acts.py, read from
    its wording as well as its intent) or an intent that only asks."""
    return "question" in dialogue_acts(tracker) or is_question_intent(tracker)


def asks_for_recap(tracker: Tracker) -> bool:
    """The user asks to see the recommendation again; the suggestion button « Quels appels pour mon
    projet ? » (payload /inform with nothing in it) asks the same."""
    text = latest_text(tracker)
    if text == "/inform":
        return True
    return not text.startswith("/") and asks_for_recap_text(text)


def asks_for_recap_in_so_many_words(tracker: Tracker) -> bool:
    """« récapitulez », or the recap button: the whole recommendation, even just after it was given."""
    text = latest_text(tracker)
    return text == "/inform" or not text.startswith("/") and asks_for_recap_in_words_text(text)


# « qu'est-ce qui est ouvert ? », « quels appels sont ouverts en ce moment ? », « France Relance c'est
# fini ? »: about the calls in general (no call named), and about today.
ABOUT_CALLS = re.compile(r"qu.?est.?ce qui|\b(quoi|koi|ce qui)\b|quel(le)?s? (sont les )?(appels?|dispositifs?|aides?|"
                         r"guichets?)|\b(des|les|d.) ?appels\b|france relance|plan de relance|\bil reste\b|qqch|quelque chose")
ABOUT_NOW = re.compile(r"ouverts?|\bfinis?\b|termine|\bclos|en cours|disponibles?|en ce moment|actuellement|"
                       r"aujourd.?hui|encore|toujours")


def asks_whats_open(tracker: Tracker) -> bool:
    """Today's question about the calls in general: no call named in the message."""
    if any(e.get("entity") == "call_code" for e in tracker.latest_message.get("entities") or []):
        return False
    folded = fold(latest_text(tracker)).text
    return bool(ABOUT_CALLS.search(folded) and ABOUT_NOW.search(folded))


# « une collectivité peut candidater ? », « les collectivités territoriales y ont droit ? »: the group
# as a whole, not one kind of it nor the user's own structure (« nous, collectivité, … »).
COLLECTIVITES = re.compile(r"\b(une|les|des|aux|la) collectivites?\b(?! d.outre)")


def asks_about_collectivites(tracker: Tracker) -> bool:
    return bool(COLLECTIVITES.search(fold(latest_text(tracker)).text))


# « une boîte privée peut candidater ? », « on a le droit de déposer ? »: whether a body may apply.
CAN_APPLY = re.compile(r"\b(peu[tx]|peuvent|pourrai[st]?|pourrions|pourraient|pouvons|puis.je|droit de|"
                       r"autorise[es]* a|eligibles? a)\b.{0,20}\b(candidater|postuler|deposer|repondre|beneficier|"
                       r"pretendre)\b|\bsommes.nous eligibles?\b|\bon est eligibles?\b")


def asks_whether_one_may_apply(tracker: Tracker) -> bool:
    return bool(CAN_APPLY.search(fold(latest_text(tracker)).text))


def asks_whether_it_qualifies(tracker: Tracker) -> bool:
    """« on peut candidater ? », « ça passe ? », « c'est suffisant ? », « on est éligible ? »: the
    recommendation answers it."""
    return asks_whether_one_may_apply(tracker) or bool(THIRD_PERSON_ASKS.search(normalise(latest_text(tracker)).text))


def last_bot_text(tracker: Tracker) -> str:
    """What the bot said last before the user's latest message (its last text message)."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    said = [e.get("text") or "" for e in events[:last_user] if e.get("event") == "bot" and e.get("text")]
    return said[-1] if said else ""


def previous_reply(tracker: Tracker) -> List[str]:
    """The bot's messages between the user's two latest messages (its reply to the one before)."""
    events = list(tracker.events)
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    start = users[-2] + 1 if len(users) > 1 else 0
    end = users[-1] if users else len(events)
    return [e.get("text") or "" for e in events[start:end] if e.get("event") == "bot" and e.get("text")]


def this_turn_replies(tracker: Tracker) -> List[str]:
    """The bot's messages since the user's latest message (from the actions run so far this turn)."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    return [e.get("text") or "" for e in events[last_user + 1:] if e.get("event") == "bot" and e.get("text")]


def said_this_turn(tracker: Tracker) -> bool:
    return bool(this_turn_replies(tracker))


def repeats_last_turn(tracker: Tracker, dispatcher_texts: List[str], planned: str) -> bool:
    """What the bot would say this turn (its messages so far, from other actions in the tracker and from
    this action in `dispatcher_texts`, then `planned`) is word for word its previous turn's reply."""
    if sum(1 for e in tracker.events if e.get("event") == "user") < 2:
        return False
    before = previous_reply(tracker)
    return bool(before) and before == this_turn_replies(tracker) + list(dispatcher_texts) + [planned]


# « à quels appels… ? », « quels dispositifs… ? », « lesquels ? »: which calls, not whether one call
WHICH_CALLS = re.compile(r"\bquel(?:le)?s? (?:sont les )?(?:appels?|aap|dispositifs?|aides?|financements?)\b|\blesquels\b")


def asks_which_calls(text: str) -> bool:
    return bool(WHICH_CALLS.search(fold(text).text))


def asks_calls_for_a_kind(tracker: Tracker) -> bool:
    """Which calls a kind of structure may apply to: asked outright (« à quels appels une région
    peut-elle candidater ? »), or « et un département ? » right after such a list."""
    text = latest_text(tracker)
    if asks_whether_one_may_apply(tracker) or asks_which_calls(text):
        return True
    listed = any(m.startswith("D'après les fiches,") and "parmi les porteurs" in m for m in previous_reply(tracker))
    return listed and len(text.split()) <= 6


def type_asked_about(tracker: Tracker) -> Optional[str]:
    """The one applicant type a question names (« une région peut-elle… ? », « et un département ? »)
    when no call is named in it; None otherwise."""
    if latest_entity_values(tracker, "call_code"):
        return None
    types = set(latest_entity_values(tracker, "applicant_type"))
    return types.pop() if len(types) == 1 else None
