"""What a message does in the conversation: its dialogue acts, decided before anything is written.

A message may carry several acts: « on est une CA de 120 000 hab, c'est cumulable avec la DSIL ? »
describes the speaker and asks a question. The acts (names shared with the held-out conversations,
tests/heldout_conversations/README.md):

- describe: the user states facts about themselves unprompted (a profile entity outside a question);
- answer: the message fills what the bot just asked (orientation/language/answer_act.py `refine`);
- correct: an explicit correction (« en fait », « non, … », « pardon », « je me suis trompé »);
- question: about calls, expenses, conditions, procedures or another body, with or without « ? »;
- hypothesis: a what-if about the profile (« et si… », « imaginons », « et pour 1,2 M€ ? »);
- book, manage_booking (see, move, cancel), thanks_goodbye, leave, greet; other when none applies.

Inputs: the text (normalised here, orientation/language/normalise.py), the intent the classifier gave with
its confidence, and the entities; the words are in orientation/language/act_words.py. Pure functions, no Rasa: the NLU component
(addons/components/dialogue_acts.py) calls `acts_of`, and the processor patch that knows the slot
asked calls `refine`; the actions read the result (actions/tracker.py `dialogue_acts`) and
`may_write` says, in one place, whether a message may write the profile.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from orientation.language import amounts
from orientation.language.act_words import (
    _SEGMENT,
    ABOUT_BOT,
    ACKNOWLEDGMENT,
    APPRECIATION,
    ASKING_WORDS,
    BARE_MEETING,
    BEING,
    BOOK_WORDS,
    BOOKING_NOUNS,
    CANCEL_OR_MOVE,
    CANT_COME,
    CORRECTION_WORDS,
    DECLINE,
    DOUBT,
    FIRST_PERSON,
    GENERIC_BODY,
    GENERIC_START,
    GOODBYE,
    GREETING,
    HEDGED_CORRECTION,
    HUMAN,
    HYPOTHESIS_CONTENT,
    HYPOTHESIS_TAIL,
    HYPOTHESIS_WORDS,
    INVERSION,
    INVERSION_SPACED,
    LEAVE,
    MANAGE_WORDS,
    MASHING,
    MISKEY,
    MOMENT,
    NO_START,
    NOISE,
    NOT_HYPOTHESIS,
    OTHER_BODY,
    POLITE_FILLERS,
    QUESTION_WORDS,
    RECAP,
    RECAP_IN_SO_MANY_WORDS,
    RESIGNED,
    THANKED_FOR,
    THANKS_GOODBYE,
    THIRD_PARTY,
    THIRD_PERSON_ASKS,
    WORDS,
)
from orientation.language.fold import fold
from orientation.language.normalise import normalise

ACTS = ("describe", "answer", "correct", "question", "hypothesis", "book", "manage_booking",
        "thanks_goodbye", "leave", "greet", "other")
# The acts that may write the profile; any other act alone never does.
WRITING_ACTS = ("describe", "answer", "correct")
PROFILE_ENTITIES = ("applicant_type", "population", "departement_count", "budget", "project_nature", "territory")
NUMERIC_FIELDS = ("population", "departement_count", "budget")
# What the bot asked when its last words were a question about the profile outside a form.
PROFILE_QUESTION = "profile"
# What the bot asked when it invited the user to say who they are and what the project is (the greeting).
INVITATION = "invitation"
# What the bot asked when its last words were a yes-no question (« Voulez-vous prendre rendez-vous ? »).
YES_NO_QUESTION = "yes_no"
BOOKING_SLOTS = ("booking_slot", "booking_name", "booking_organisation", "booking_email", "booking_consent", "confirm")

QUESTION_INTENTS = ("ask_call_info", "ask_why_not", "compare_calls", "list_calls", "ask_side_question",
                    "ask_plain_explanation", "ask_can_apply", "ask_funding", "bot_challenge")
BOOK_INTENTS = ("ask_appointment",)
MANAGE_INTENTS = ("show_booking", "cancel_booking", "move_booking", "get_invitation", "ask_other_slot")
TRUSTED = 0.6  # an intent below this confidence adds no act of its own


def is_acknowledgment(text: str) -> bool:
    return bool(ACKNOWLEDGMENT.match(normalise(str(text or "")).text.strip()))


def speaks_of_itself(text: str) -> bool:
    """The message says « on », « nous », « je »: a body it names may be the user's own (« commune de
    5 000 hab, on a le droit de déposer ? »), not only one asked about."""
    return bool(re.search(r"(?:^|[\s,;:(])(?:on|nous|je|j'|notre|nos|mon|ma|mes|moi)(?=[\s,;:!?.)]|$)",
                          normalise(str(text or "")).text))


def takes_leave(text: str) -> bool:
    """Goodbye or leaving words in the message (« ok ça marche, a+ », « oui je reviendrai »): not a
    plain yes to what the bot proposed."""
    normalised = normalise(str(text or "")).text
    return bool(GOODBYE.search(normalised) or LEAVE.search(normalised))




def _segments(text: str) -> List[Tuple[int, int, str]]:
    """The sentences of the normalised text, each with its span; a comma separates two sentences
    when what follows it is a question on its own (« on est une CA, c'est cumulable ? »)."""
    found = []
    for match in _SEGMENT.finditer(text):
        start, piece = match.start(), match.group(0)
        cuts = [0] + [m.start() + 1 for m in re.finditer(r",", piece)
                      if _is_question(piece[m.start() + 1:]) and not _is_question(piece[:m.start()])
                      and _a_sentence(piece[:m.start()])] + [len(piece)]
        for a, b in zip(cuts, cuts[1:]):
            if piece[a:b].strip(" ,"):
                found.append((start + a, start + b, piece[a:b]))
    return found


def _a_sentence(words: str) -> bool:
    """What comes before a comma says something of its own (« on est une CA de 120 000 hab »), not
    the subject of the question that follows (« un EPCI, il peut candidater ? »)."""
    return len(words.split()) >= 4 or bool(FIRST_PERSON.search(words)) or bool(GREETING.search(words.strip()))


def _is_question(segment: str) -> bool:
    segment = segment.strip()
    if not segment.endswith("?"):
        segment = DOUBT.sub(" ", segment).strip()  # « on ne sait pas si ça marchera » asks nothing
    return (segment.endswith("?") or bool(QUESTION_WORDS.search(segment)) or bool(INVERSION.search(segment))
            or bool(INVERSION_SPACED.search(segment)) or bool(OTHER_BODY.search(segment))
            or bool(ASKING_WORDS.search(segment.rstrip(" .!")))
            or (bool(THIRD_PERSON_ASKS.search(segment)) and not FIRST_PERSON.search(segment)))


def _generic(segment: str) -> bool:
    """A clause about a body or a figure in general (« une commune de 5 000 hab », « pour 300k »,
    « les EPCI »), not of the speaker: beside a question, its facts are the question's. A bare
    phrase (« Commune de 5 000 hab. ») or a definite one (« le budget est de 300k ») still describes."""
    words = GREETING.sub("", segment.strip(" ,.;:!")).strip(" ,")
    return not FIRST_PERSON.search(segment) and bool(GENERIC_START.search(words))


def _is_hypothesis(segment: str) -> bool:
    segment = segment.strip(" ,")
    return bool(HYPOTHESIS_WORDS.search(segment)) and not NOT_HYPOTHESIS.search(segment)


def _supposes_profile(normalised: str, span: Tuple[int, int], positions: Sequence[Tuple[str, int]]) -> bool:
    """A what-if changes a profile value or the partners (an entity or such words in its clause);
    « c'est grave si c'est petit ? » supposes nothing of the profile: it asks."""
    a, b = span
    return any(a <= p < b or p < 0 for _, p in positions) or bool(HYPOTHESIS_CONTENT.search(normalised[a:b]))


def nonsense(text: str) -> bool:
    """Keys hit by mistake or at random (« dsl chat sur le clavier », « jkljkl »): nothing to read, not
    even a theme. A word typed in capitals is an acronym (« CNFPT »), never random keys."""
    normalised = normalise(str(text or "")).text
    if MISKEY.search(normalised):
        return True
    acronyms = {w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", str(text or ""))}
    words = [w for w in re.findall(r"[a-z0-9@.'-]+", normalised)
             if not ("@" in w or w.startswith("dn-") or re.search(r"\d", w) or w in acronyms)]
    mashed = [w for w in words if MASHING.search(w)]
    return bool(mashed) and 2 * len(mashed) >= len(words)


def declines(normalised: str) -> bool:
    """A polite no and nothing more (« non merci », « non c'est bon », « ça ira, merci beaucoup »)."""
    said = [m.group(0) for m in DECLINE.finditer(normalised)]
    return bool(DECLINE.match(normalised)) and bool(set(said) - {"non", "nan"}) \
        and politeness_only(DECLINE.sub(" ", normalised))


def closing(normalised: str) -> Optional[str]:
    """The act of a message that only ends or pauses the exchange when nothing is asked: `leave` for
    giving up (« dommage », « bon ok », « tant pis »), `thanks_goodbye` for a bare « ok »; else None."""
    if RESIGNED.match(normalised):
        return "leave"
    if ACKNOWLEDGMENT.match(normalised):
        return "thanks_goodbye"
    return None


def _positions(text: str, entities: Iterable[Dict[str, Any]]) -> List[Tuple[str, int]]:
    """Each profile entity and where it starts in the normalised text."""
    read = normalise(text)
    found = []
    for e in entities:
        if e.get("entity") not in PROFILE_ENTITIES:
            continue
        start = e.get("start")
        if start is None:
            found.append((e["entity"], -1))
            continue
        position = next((i for i, original in enumerate(read.index) if original >= start), len(read.text))
        found.append((e["entity"], position))
    return found


def _budget_words(normalised: str) -> List[Tuple[str, int]]:
    """Amounts the extractors leave to the profile validation (parts of the budget, « entre 500k et
    300k »): they describe the budget too, where the first of them stands."""
    reading = amounts.read_budget(normalised)
    if not (reading.parts or reading.ambiguous):
        return []
    first = re.search(r"\d", normalised)
    return [("budget", first.start() if first else -1)]


def acts_of(text: str, intent: Optional[str] = None, confidence: float = 1.0,
            entities: Sequence[Dict[str, Any]] = (), held: Optional[Iterable[str]] = None) -> List[str]:
    """The acts of one message, before knowing what the bot asked (see `refine`). `held`: the profile
    fields already given, when the conversation is known (a hedged correction corrects only them)."""
    raw = str(text or "").strip()
    if raw.startswith("/"):  # a button's payload: its intent says what it does
        return _acts_of_payload(raw, intent, entities)
    normalised = normalise(raw).text.strip()
    if (not WORDS.search(normalised) or NOISE.search(normalised)) and not any(
            e.get("entity") in PROFILE_ENTITIES for e in entities) or nonsense(raw):
        return ["other"]  # « ??? », « hein ? », « blabla »: nothing said, whatever the intent classifier made of it
    closed = closing(normalised)
    if closed:  # « dommage, merci quand même »: the thanks close it
        return ["thanks_goodbye" if THANKS_GOODBYE.search(normalised) else closed]
    trusted = intent if confidence >= TRUSTED else None
    if (trusted == "out_of_scope" or trusted == "bot_challenge" and ABOUT_BOT.search(normalised)) \
            and not (HUMAN.search(normalised) or BOOK_WORDS.search(normalised) or BARE_MEETING.match(normalised)) \
            and not (LEAVE.search(normalised) or THANKS_GOODBYE.search(normalised)) and not any(
            e.get("entity") in PROFILE_ENTITIES + ("call_code", "call_aspect") for e in entities) \
            and not GREETING.search(normalised):
        return ["other"]  # « il fait beau chez vous ? », « t'es un robot ? »: nothing the conversation is about
    acts: List[str] = []
    segments = _segments(normalised)
    question_spans = [(a, b) for a, b, s in segments if _is_question(s)]
    if not question_spans and not FIRST_PERSON.search(normalised) and not THANKS_GOODBYE.search(normalised) and any(
            e.get("entity") == "call_aspect" for e in entities) and len(normalised.split()) <= 8:
        # « montant max pour une commune », « taux EPCI »: the words of the lexicon that ask about a call, in
        # a few words (not « une appli où les gens signalent les dépôts sauvages… », a description;
        # not « merci pour l'explication sur le taux »)
        question_spans = [(0, len(normalised))]
    positions = _positions(raw, entities)
    if not positions:
        positions = _budget_words(normalised)
    hypothesis_spans = [(a, b) for a, b, s in segments if _is_hypothesis(s)]
    whole_hypothesis = bool(HYPOTHESIS_TAIL.search(normalised)) and any(
        e.get("entity") in PROFILE_ENTITIES for e in entities) and len(normalised.split()) <= 12
    # the classifier's what-if alone never turns who the speaker says they are into a supposition
    # (« bjr jsuis a la cud dunkerque on veut un outil… »): a what-if about oneself says « si »
    stated_being = bool(BEING.search(normalised)) and not HYPOTHESIS_WORDS.search(normalised)
    if whole_hypothesis or (trusted == "ask_what_if" and not question_spans and not NOT_HYPOTHESIS.search(normalised)
                            and not DOUBT.search(normalised) and not stated_being):
        hypothesis_spans.append((0, len(normalised)))
    hypothesis_spans = [span for span in hypothesis_spans if _supposes_profile(normalised, span, positions)]
    if not hypothesis_spans and not question_spans and normalised.endswith("?") and trusted == "ask_what_if":
        question_spans = [(0, len(normalised))]  # « ça bloque si on est en retard ? »
    worded_manage = bool(CANCEL_OR_MOVE.search(normalised) or CANT_COME.search(normalised)) or bool(
        MANAGE_WORDS.search(normalised)) and (bool(re.search(r"rendez-vous(?! en ligne)|dn-", normalised))
                                           or trusted in BOOK_INTENTS)
    # Without words about a booking held, neither « je voudrais voir vos créneaux » (a request for a
    # meeting) nor « mardi 14h » (the moment wanted, the reply to the slots offered) manages one.
    moment_only = not worded_manage and trusted == "ask_other_slot" and bool(MOMENT.search(normalised)) \
        and not BOOK_WORDS.search(normalised)
    manage = worded_manage or (trusted in MANAGE_INTENTS and not moment_only and not BOOK_WORDS.search(normalised)
                               and bool(BOOKING_NOUNS.search(normalised)))
    book = not manage and (trusted in BOOK_INTENTS or bool(HUMAN.search(normalised) or BARE_MEETING.match(normalised)) or (
        bool(BOOK_WORDS.search(normalised)) and not question_spans and trusted not in QUESTION_INTENTS))
    if GREETING.search(normalised) or trusted == "greet" and not positions:
        acts.append("greet")  # the classifier's greet on « 12 000 » greets no one: a figure is said
    inside = lambda spans, p: any(a <= p < b for a, b in spans)  # noqa: E731
    # a body the speaker is not (« on n'est pas une commune », « l'accord de notre ministère ») states nothing
    others = _positions(raw, [e for e in entities if e.get("role") == "other"])
    stated = [(e, p) for e, p in positions if not inside(hypothesis_spans, p) and (e, p) not in others
              and not (e == "applicant_type" and THIRD_PARTY.search(normalised[:max(p, 0)]))]
    # « pour une commune de 5 000 habitants, quels appels ? », « une CC de 20 000 hab, c'est éligible ? »:
    # the body or the figure is the question's, not the speaker's
    asking = bool(question_spans) or trusted in QUESTION_INTENTS
    about = question_spans + ([(a, b) for a, b, s in segments if _generic(s) or (
        GENERIC_BODY.search(s) and not FIRST_PERSON.search(normalised))] if asking else [])
    unasked = [(e, p) for e, p in stated if not inside(about, p)]
    # worded as a correction, whatever the intent classifier says: « budget 600 000 € » for a budget already set is a
    # change to confirm, not a correction (actions/profile_writes.py)
    # « non c 90 000 »: a no and a bare figure is a correction too (actions/profile_slots.py says which
    # figure it replaces, or asks); « non, mardi 14h » to the slots offered is no figure of the profile
    figure = bool(re.search(r"\d", normalised)) and not MOMENT.search(normalised)
    # « plutôt 200k », « pardon, 45 000 hab »: a hedged word corrects a value given before, the same field
    # named again (or a figure when a figure is held); with nothing held, it describes or answers
    fields = {e for e, _ in positions}
    held = None if held is None else set(held)
    corrects_held = held is None or bool(fields & held) or (figure and not fields and bool(held & set(NUMERIC_FIELDS)))
    hedged = bool(HEDGED_CORRECTION.search(normalised))
    correction = bool(CORRECTION_WORDS.search(normalised)) or (
        (bool(NO_START.search(normalised)) or hedged and corrects_held) and (bool(positions) or figure)) or (
        bool(NO_START.search(normalised)) and hedged)  # « non c'est pas le bon montant »: what, then?
    # a question that names bodies or figures in general (« c'est plutôt pour les communes ? ») corrects nothing
    if correction and not hypothesis_spans and not moment_only and (positions or not (book or manage)) \
            and not (question_spans and not unasked):
        acts.append("correct")
    if "correct" not in acts and not manage and (
            unasked or any(p < 0 for _, p in stated)
            or (stated and FIRST_PERSON.search(normalised) and not hypothesis_spans)):
        acts.append("describe")
    if hypothesis_spans and (book or manage):
        hypothesis_spans = []  # « un rendez-vous mardi si ça vous va »: the meeting is the request
    if hypothesis_spans:
        acts.append("hypothesis")
    elif (question_spans or trusted in QUESTION_INTENTS) and not (book or manage):
        acts.append("question")
    if book:
        acts.append("book")
    if moment_only:
        acts.append("answer")
    if manage:
        acts.append("manage_booking")
    thanked = bool(THANKS_GOODBYE.search(normalised) or APPRECIATION.search(normalised))
    if thanked or trusted in ("thank", "goodbye"):
        acts.append("thanks_goodbye")
        if "question" in acts and (politeness_only(normalised) or not normalised.endswith("?") and not any(
                _is_question(segment) for _, _, segment in _segments(THANKED_FOR.sub(" ", normalised)))):
            acts.remove("question")  # « ok merci, bonne journée ? », « merci pour les précisions sur le taux » ask nothing
    # a body named on the way out is not described: « je vais voir ça avec mon maire »
    own = [e for e in entities if e.get("entity") in PROFILE_ENTITIES and e.get("role") != "other"
           and e.get("speaker") is not False
           and not any(p >= 0 and THIRD_PARTY.search(normalised[:p]) for _, p in _positions(raw, [e]))]
    asks_outright = normalised.endswith("?") and bool(QUESTION_WORDS.search(normalised) or INVERSION.search(normalised))
    if LEAVE.search(normalised) and not (book or manage) and not own and not asks_outright \
            and not (thanked and declines(normalised)):
        # « je peux revenir plus tard ? », « je vais voir avec le maire si c'est possible »; « je dois
        # y aller », which the intent classifier reads as a goodbye; « non merci » declines politely: thanks
        acts = [a for a in acts if a not in ("question", "describe") and (a != "thanks_goodbye" or thanked)] + ["leave"]
    return acts or ["other"]


def politeness_only(normalised: str) -> bool:
    """Nothing but thanks, greetings, goodbyes and their fillers (« ok merci beaucoup, bonne journée ? »)."""
    rest = POLITE_FILLERS.sub(" ", THANKS_GOODBYE.sub(" ", GREETING.sub(" ", normalised)))
    return not WORDS.search(rest)


def _acts_of_payload(payload: str, intent: Optional[str], entities: Sequence[Dict[str, Any]]) -> List[str]:
    if intent == "correct":
        return ["correct"]
    if intent == "inform" and any(e.get("entity") in PROFILE_ENTITIES for e in entities):
        return ["answer"]  # buttons are the bot's own questions
    if intent in BOOK_INTENTS:
        return ["book"]
    if intent in MANAGE_INTENTS:
        return ["manage_booking"]
    if intent in QUESTION_INTENTS:
        return ["question"]
    if intent == "ask_what_if":
        return ["hypothesis"]
    if intent in ("thank", "goodbye"):
        return ["thanks_goodbye"]
    if intent == "greet":
        return ["greet"]
    return ["other"]



def may_write(acts: Iterable[str]) -> bool:
    """Whether a message with these acts may write the profile: a description, an answer or a
    correction does; a question, a hypothesis or a booking turn alone never does."""
    acts = set(acts)
    return bool(acts & set(WRITING_ACTS)) and not acts & {"hypothesis"}


def is_correction(acts: Iterable[str]) -> bool:
    return "correct" in set(acts)


def asks_for_recap_text(text: str) -> bool:
    return bool(RECAP.search(fold(str(text or "")).text))


def asks_for_recap_in_words_text(text: str) -> bool:
    """« récapitulez », « redonnez-moi les appels »: the whole recommendation again, whenever asked."""
    return bool(RECAP_IN_SO_MANY_WORDS.search(fold(str(text or "")).text))
