"""What the bot asked, and the act `answer`: the acts of a message (orientation/language/acts.py)
completed once the question it follows is known (addons/patches/dialogue_acts.py, actions/tracker.py).

`asked_by_bot` reads the bot's last words outside a form; `refine` turns a message that responds to
the question into an answer, and leaves anything else (a question, a closing, a correction) as it is.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Sequence

from orientation.language import amounts
from orientation.language.act_words import (
    APPRECIATION,
    ASKING_WORDS,
    CANCEL_OR_MOVE,
    FIRST_PERSON,
    GOODBYE,
    INVERSION,
    LEAVE,
    MOMENT,
    NOISE,
    QUESTION_WORDS,
    STATING,
    THANKS_GOODBYE,
    THIRD_PERSON_ASKS,
    WORDS,
    YES_NO,
)
from orientation.language.acts import (
    BOOKING_SLOTS,
    INVITATION,
    PROFILE_ENTITIES,
    PROFILE_QUESTION,
    YES_NO_QUESTION,
    _is_question,
    _segments,
    declines,
    nonsense,
    politeness_only,
)
from orientation.language.normalise import normalise

_BOT_YES_NO = re.compile(r"(?:^|[.!?:] *)(?!(?:quel|quelle|quels|quelles|combien|quand|comment|pourquoi|ou|qui|"
                         r"lequel|laquelle|a quoi)\b)[^.!?:]*?\b(?:\w+-(?:vous|je|il|t-il|on)|est-ce qu)\b[^.!?:]*\?")

def refine(acts: Sequence[str], asked: Optional[str], entities: Sequence[Dict[str, Any]] = (),
           text: str = "") -> List[str]:
    """The acts once what the bot just asked is known: a message that responds to it is an answer.
    `asked` is the slot requested before the message (a profile slot or a booking question), or
    PROFILE_QUESTION when the bot's last words asked about the profile outside a form."""
    acts = list(acts)
    if not asked or "hypothesis" in acts:
        return acts
    named = {e.get("entity") for e in entities}
    normalised = normalise(str(text or "")).text.strip()
    if nonsense(text) or NOISE.search(normalised) or not (WORDS.search(normalised) or named) \
            and re.search(r"[^\W\d_]", str(text or "")):
        return acts  # « jkljkl », « aaaa », « ptdr » answer nothing, whatever was asked (« 👍 » may)
    if asked == MORE_HELP:
        if says_yes_or_no(normalised) and _YES.search(normalised):
            return ["answer"]
        if says_yes_or_no(normalised) or declines(normalised) or set(acts) <= {"thanks_goodbye", "other"} \
                and politeness_only(normalised):
            return ["thanks_goodbye"]  # « non », « ok », « parfait », « non c'est tout »: the end of the exchange
        return acts
    if asked == YES_NO_QUESTION or asked == "confirm":
        # « oui », « ok merci », « parfait » to « Voulez-vous… ? »: the answer; anything else is itself
        if asked == YES_NO_QUESTION and declines(normalised):
            # « non merci », « non c'est bon », « ça ira »: a polite close, not a no to act on
            return [a for a in acts if a not in ("answer", "other", "leave", "thanks_goodbye")] + ["thanks_goodbye"]
        if asked == YES_NO_QUESTION and APPRECIATION.match(normalised):
            return ["thanks_goodbye"]  # « parfait », « ok super » take note of the offer; they do not take it up
        if says_yes_or_no(normalised) or asked == "confirm" and politeness_only(normalised) \
                and not GOODBYE.search(normalised):
            return ["answer"]  # « oui merci » answers, « super merci » confirms; « ok merci » thanks an offer
        if asked == YES_NO_QUESTION:
            return acts
    if acts == ["thanks_goodbye"] and says_yes_or_no(normalised):
        return ["answer"]  # « ok », « d'accord » to whatever the bot asked: it accepts, it does not close
    if asked in BOOKING_SLOTS or asked.startswith("booking_"):
        # « Marie Martin, merci »: the name, thanked for; a goodbye or a question stays what it is
        if "thanks_goodbye" in acts and not GOODBYE.search(normalised) and not politeness_only(normalised):
            acts.remove("thanks_goodbye")
        moment = asked == "booking_slot" and MOMENT.search(normalised)
        if asked in ("confirm", "booking_slot") and "correct" in acts and not named & set(PROFILE_ENTITIES):
            acts = [a for a in acts if a != "correct"]  # « non, plutôt un autre »: the slot, not the profile
        if "question" in acts and unsure(normalised):
            acts = [a for a in acts if a != "question"]  # « Mairie de Die ? »: the name, said unsure
        if set(acts) & {"question", "leave", "correct", "thanks_goodbye"} and not (moment and "leave" not in acts):
            return acts  # but « jeudi 10h c'est possible ? », « plutôt vendredi » name the slot wanted
        if "manage_booking" in acts and CANCEL_OR_MOVE.search(normalised):
            return acts
        dropped = ("answer", "describe", "book", "manage_booking", "other") + (("question", "correct") if moment else ())
        return ["answer"] + [a for a in acts if a not in dropped]
    if asked not in PROFILE_ENTITIES + (PROFILE_QUESTION, INVITATION):
        return acts
    if set(acts) & {"correct", "book", "manage_booking", "leave"}:
        return acts
    if asked == "budget" and amounts.choice_end(text) and not QUESTION_WORDS.search(normalised) \
            and not INVERSION.search(normalised):
        # « le haut de la fourchette », « entre les deux » choose among the amounts the bot offered
        return ["answer"] + [a for a in acts if a not in ("answer", "question", "other", "describe")]
    if "question" in acts:
        # « 100k ? » to « quel est le coût total ? » is an unsure answer, not a question; « 30 000
        # habitants environ, pourquoi ? » gives the value, then asks
        if asked in named and gives_then_asks(text, entities, asked):
            return ["answer", "question"] + [a for a in acts if a not in ("answer", "question", "describe", "other")]
        own = {e.get("entity") for e in entities if e.get("role") != "other"}
        figure = asked in FIGURES and not own & set(PROFILE_ENTITIES) and bool(re.search(r"\d", normalised))
        if not (asked in named or figure) or not unsure(normalised):  # « environ 12 000 ? »
            return acts
        acts = [a for a in acts if a != "question"] + ["other"]
    if not ({"describe", "other"} & set(acts)):
        return acts
    # the value asked for (a place gives its population, and a commune named bare the structure: « c
    # rodez »), a reply that names no value of one's own, which the form reads (« jsp », « toute la
    # région »), or a bare figure to a question about a figure (« 12 000 hab » when the budget was
    # asked: the figure the user had at hand); other facts describe: « on est une commune » when the
    # budget was asked, « 150k » when the theme was
    own = {e.get("entity") for e in entities if e.get("role") != "other"}
    if asked == INVITATION:  # « dites-moi qui vous êtes et quel est votre projet »: who, or the project
        gives = bool(own & set(PROFILE_ENTITIES))
    else:
        gives = asked == PROFILE_QUESTION or asked in named or not own & set(PROFILE_ENTITIES) or (
            asked in ("population", "departement_count", "applicant_type") and "territory" in named) or (
            asked in FIGURES and bool(own & set(FIGURES + ("territory",))) and bare_reply(normalised))
    if not gives:
        return [a for a in acts if a != "other"] or ["describe"]
    # « 300k, merci »: the value, thanked for; a goodbye stays
    thanked_only = not GOODBYE.search(normalised)
    return ["answer"] + [a for a in acts if a not in ("answer", "other", "describe")
                         and not (a == "thanks_goodbye" and thanked_only)]


def unsure(normalised: str) -> bool:
    """A few words said with a question mark but without asking anything (« 100k ? », « Mairie de Die ? »);
    « et un département ? », « et pour une commune ? » ask about another case than the user's, « les
    associations sont éligibles ? », « 100k c'est assez ? » ask whether it qualifies."""
    return normalised.endswith("?") and len(normalised.split()) <= 6 and not QUESTION_WORDS.search(normalised) \
        and not INVERSION.search(normalised) and not re.match(r"(?:et|mais|sinon)\b", normalised.strip()) \
        and not ASKING_WORDS.search(normalised.rstrip(" ?")) and not THIRD_PERSON_ASKS.search(normalised)


# A body in general (« une commune de 5 000 hab, ça passe ? », « les associations sont éligibles ? »):
# its figure or its kind is the question's, not the answer to the bot's.
_SOME_BODY = re.compile(r"^(?:et |mais )?(?:(?:pour|avec|chez) )?(?:un|une|des|les|aux|ces)\b")


def gives_then_asks(text: str, entities: Sequence[Dict[str, Any]], asked: str) -> bool:
    """The value the bot asked for said first, then a question (« 30 000 habitants environ, pourquoi ? »,
    « 300k c'est assez ? », « 12 000 hab. Ça compte les résidences secondaires ? »): an answer and a question."""
    read = normalise(str(text or ""))
    said = read.text
    for e in entities:
        if e.get("entity") != asked or e.get("start") is None or e.get("end") is None:
            continue
        start = next((i for i, original in enumerate(read.index) if original >= e["start"]), len(said))
        end = next((i for i, original in enumerate(read.index) if original >= e["end"]), len(said))
        before, rest = said[:start], said[end:]
        # the rest asks by its words, or is a clause of its own ending with « ? » (not « Mairie de Die ? »)
        separated = bool(re.match(r"\s*[,.;:!?-]", rest)) or said[end - 1:end] in (".", ",", ";", ":", "!")
        asks = _is_question(rest.rstrip(" ?!.")) or separated and _is_question(rest)
        return len(before.split()) <= 3 and not _is_question(before) and not _SOME_BODY.match(said[:end]) \
            and bool(WORDS.search(rest)) and asks
    return False


def says_yes_or_no(normalised: str) -> bool:
    """A yes or a no and nothing else but politeness (« oui merci », « ok », « non »); « ok merci » thanks."""
    said = YES_NO.search(normalised)
    return bool(said) and not LEAVE.search(normalised) and not GOODBYE.search(normalised) \
        and politeness_only(YES_NO.sub(" ", normalised)) \
        and (said.group(0) in ("oui", "non", "ouais", "nan") or not THANKS_GOODBYE.search(normalised))


# The profile fields that are figures.
FIGURES = ("budget", "population", "departement_count")
# The bot's own questions about the profile, outside the form (« À quoi correspond 320 000 ? »,
# « lequel est le coût total ? », « Faut-il remplacer par … ? »), by the words that name the field.
BOT_ASKS = (("applicant_type", r"structure|porteur|type de"), ("population", r"habitants|population"),
            ("departement_count", r"departements"), ("budget", r"cout|budget|montant|total|€"),
            ("project_nature", r"theme|objet du projet|porte sur"))
_BOT_QUESTION = re.compile(r"[^.!?\n]*\?")
# A request without a question mark (« Pour préciser ces résultats, indiquez-moi le coût total du
# projet. », « Dites-moi quelle structure vous représentez »); the examples between « » ask nothing.
_BOT_REQUEST = re.compile(r"[^.!?\n]*\b(?:indiquez|dites|precisez|donnez)-(?:moi|nous)\b[^.!?\n]*")
# An invitation to describe oneself or the project (the greeting, the list of calls, the rephrase prompt):
# what follows it answers it.
_INVITES = re.compile(r"qui vous etes|quel est votre projet|decrivez(?:-moi)? votre projet|decrire votre projet")
# An offer of more help (« Avez-vous une autre question … ? », « Puis-je vous aider sur autre chose ? »):
# a yes says there is more; « ok », « non merci », « parfait » end the exchange.
MORE_HELP = "more_help"
MORE_HELP_OFFERED = re.compile(r"autre (?:question|chose)|vous aider autrement|que puis-je faire")
_YES = re.compile(r"^(?:oui|ouais|ouep|yes|volontiers|bien sur|je veux bien|avec plaisir|si)\b")
_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"")
# actions/booking_questions.py: « Voici les prochains créneaux libres … : choisissez-en un, ou indiquez-moi un autre moment »
SLOTS_OFFERED = re.compile(r"creneaux libres[^.]*choisissez-en un")


def asked_by_bot(text: str) -> Optional[str]:
    """What the bot's last words asked, outside a form: the profile slot its question names,
    PROFILE_QUESTION when it names several or a figure to place, INVITATION when it invited the user
    to say who they are and what the project is, `booking_slot` when it offered slots, YES_NO_QUESTION
    for a yes-no question (« Voulez-vous prendre rendez-vous ? »), else None."""
    said = normalise(str(text or "")).text
    if SLOTS_OFFERED.search(said):
        return "booking_slot"  # the free slots, offered without a question mark
    unquoted = _QUOTED.sub(" ", said)
    questions = " ".join(m.group(0) for m in _BOT_QUESTION.finditer(unquoted))
    requests = " ".join(m.group(0) for m in _BOT_REQUEST.finditer(unquoted))
    for asking in (questions, requests):  # « Combien d'habitants … ? » first, then « indiquez-moi … »
        named = [slot for slot, words in BOT_ASKS if re.search(words, asking)]
        if len(named) == 1:
            return named[0]
        if named or "a quoi correspond" in asking:
            return PROFILE_QUESTION
    if _INVITES.search(unquoted):
        return INVITATION  # the greeting, the list of calls: « dites-moi qui vous êtes et quel est votre projet »
    if questions and MORE_HELP_OFFERED.search(questions):
        return MORE_HELP
    return YES_NO_QUESTION if questions and _BOT_YES_NO.search(said) else None


def bare_reply(normalised: str) -> bool:
    """A few words without a sentence of one's own (« 5 000 hab », « une CC », « la mairie de Crest »):
    the reply to the bot's question about the profile, even when it gives another field than the one
    asked; « on est une commune de 3 000 habitants et on a un projet à 50k » describes."""
    return len(normalised.split()) <= 6 and not FIRST_PERSON.search(normalised) and not STATING.search(normalised) \
        and len(_segments(normalised)) <= 1


# The whole of a territory (« toute la région », « tout le département », « l'agglo entière »): said to
# the question about the population or the départements, the extent of the project, not who carries it.
_EXTENT = re.compile(r"(?:^|\s)(?:tout|toute|tous|toutes) (?:le|la|l'|les|notre|nos|mon|ma)\b|l'ensemble (?:de|du|des)\b|"
                     r"l'integralite (?:de|du|des)\b|\bentiere?s?\b")


def names_an_extent(text: str) -> bool:
    """A few words that give the extent of the project as a whole territory (see _EXTENT)."""
    normalised = normalise(str(text or "")).text
    return len(normalised.split()) <= 8 and bool(_EXTENT.search(normalised))

