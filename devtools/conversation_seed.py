"""Conversations written as the Rasa server writes them, for the statistics' tests and screenshot.

Rasa's own event classes, saved by the assistant's tracker store (addons/stores/tracker_store.py),
one save per message as the server does: the rows are those a real conversation leaves.
"""
from __future__ import annotations

import asyncio
import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, List, Optional, Sequence

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Restarted, SlotSet, UserUttered

from orientation.replies.side_questions import NO_ANSWER, OPEN_QUESTION_MARK

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Seed:
    """One conversation: what the user said of their profile, and what happened."""
    start: dt.datetime  # aware: the first message
    applicant_type: Optional[str] = None
    theme: Optional[str] = None
    budget: Optional[float] = None
    population: Optional[float] = None
    territory: Sequence[str] = ()  # « commune:35238 »
    recommended: Optional[Sequence[str]] = None  # codes of the recommendation, None: none given
    booked: bool = False
    moved: bool = False  # a move of an earlier booking (not a new one)
    unanswered: Sequence[str] = ()
    answered: Sequence[str] = ()
    restarted: bool = False  # « recommencer » after the profile


def _turns(seed: Seed) -> List[List[Any]]:
    """The conversation's messages, each a list of events (the user's, then the bot's)."""
    moment = seed.start.timestamp()

    def at(minutes: float) -> float:
        return moment + minutes * 60

    turns = [[UserUttered("Bonjour", {"name": "greet", "confidence": 1.0}, timestamp=at(0)),
              ActionExecuted("utter_greet", timestamp=at(0)), BotUttered("Bonjour !", timestamp=at(0)),
              ActionExecuted("action_listen", timestamp=at(0))]]
    profile = [("applicant_type", seed.applicant_type), ("project_nature", seed.theme), ("budget", seed.budget),
               ("population", seed.population), ("territory", list(seed.territory) or None)]
    told = [SlotSet(name, value, timestamp=at(1)) for name, value in profile if value is not None]
    if told:
        turns.append([UserUttered("voici mon projet", {"name": "inform", "confidence": 1.0}, timestamp=at(1)),
                      ActionExecuted("profile_form", timestamp=at(1)), *told,
                      BotUttered("Merci.", timestamp=at(1)), ActionExecuted("action_listen", timestamp=at(1))])
    if seed.restarted:
        turns.append([UserUttered("recommencer", {"name": "restart", "confidence": 1.0}, timestamp=at(2)),
                      Restarted(timestamp=at(2)), ActionExecuted("action_listen", timestamp=at(2))])
    if seed.recommended is not None:
        turns.append([UserUttered("quels appels ?", {"name": "ask_calls", "confidence": 1.0}, timestamp=at(3)),
                      ActionExecuted("action_recommend", timestamp=at(3)),
                      BotUttered("Voici les appels.", timestamp=at(3)),
                      SlotSet("recommended_calls", list(seed.recommended), timestamp=at(3)),
                      ActionExecuted("action_listen", timestamp=at(3))])
    questions: List[str] = []
    for n, (question, open_) in enumerate([(q, False) for q in seed.answered] + [(q, True) for q in seed.unanswered]):
        questions.append(question + (OPEN_QUESTION_MARK if open_ else ""))
        events = [SlotSet("questions_asked", list(questions), timestamp=at(4 + n))]
        if open_:
            events.append(SlotSet("open_questions", [q.removesuffix(OPEN_QUESTION_MARK) for q in questions
                                                     if q.endswith(OPEN_QUESTION_MARK)], timestamp=at(4 + n)))
        turns.append([UserUttered(question, {"name": "ask_question", "confidence": 1.0}, timestamp=at(4 + n)),
                      ActionExecuted("action_answer_question", timestamp=at(4 + n)),
                      BotUttered(NO_ANSWER if open_ else "La fiche dit…", timestamp=at(4 + n)), *events,
                      ActionExecuted("action_listen", timestamp=at(4 + n))])
    if seed.booked or seed.moved:
        when = at(30)
        operation = [SlotSet("booking_operation", "move", timestamp=when)] if seed.moved else []
        turns.append([UserUttered("oui, réserver", {"name": "affirm", "confidence": 1.0}, timestamp=when),
                      *operation, ActionExecuted("action_book_appointment", timestamp=when),
                      BotUttered("C'est réservé.", timestamp=when),
                      *[SlotSet(name, None, timestamp=when) for name in ("booking_slot", "booking_operation")],
                      SlotSet("booking_reference", "DN-7K3P9Q", timestamp=when),
                      SlotSet("booking_email", "sophie.martin@rennes.fr", timestamp=when),
                      ActionExecuted("action_listen", timestamp=when)])
    return turns


@lru_cache(maxsize=1)
def _domain() -> Domain:
    """The assistant's domain: its slots, as the server's trackers have them."""
    return Domain.load(str(ROOT / "domain.yml"))


async def _save(url: str, seeds: Sequence[Seed], first_id: int) -> None:
    from addons.stores.tracker_store import OrientationTrackerStore
    store = OrientationTrackerStore(domain=_domain(), host=url)
    try:
        for n, seed in enumerate(seeds, start=first_id):
            sender = f"seed-{n:05d}"
            for turn in _turns(seed):
                tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
                for event in turn:
                    tracker.update(event)
                await store.save(tracker)
    finally:
        store.engine.dispose()


def save_conversations(url: str, seeds: Sequence[Seed], first_id: int = 0) -> None:
    """Writes the conversations in the database at `url` (its own thread and loop: a test may run in
    a thread whose loop is busy, as the browser tests' is)."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, _save(url, seeds, first_id)).result()
