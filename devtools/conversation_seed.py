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


# A month of varied conversations for the statistics page's browser test and screenshot: who, what,
# where, and how far each went; the calls recommended are the engine's for the profile.
DEMO_PROFILES = [  # (weight, slots)
    (6, dict(applicant_type="commune", theme="cooperation_usagers", budget=400_000.0, population=350_000.0,
             territory=["commune:35238"])),
    (4, dict(applicant_type="commune", theme="demarches_en_ligne", budget=250_000.0, population=519_127.0,
             territory=["commune:69123"])),
    (4, dict(applicant_type="service_deconcentre", theme="donnees", budget=300_000.0, territory=["departement:31"])),
    (3, dict(applicant_type="departement", theme="donnees", budget=300_000.0, population=2_615_635.0,
             territory=["departement:59"])),
    (3, dict(applicant_type="operateur_etat", theme="relation_usagers", budget=800_000.0)),
    (2, dict(applicant_type="region", theme="cooperation_usagers", budget=1_200_000.0, territory=["region:53"])),
    (2, dict(applicant_type="commune", theme="cooperation_usagers", budget=150_000.0)),
    (2, dict(applicant_type="service_deconcentre", theme="transformation_organisation")),
    (2, dict()),
]
DEMO_QUESTIONS = [
    "Peut-on financer du personnel ?", "le personnel est il financé ?", "peut on financer du personel ??",
    "Les licences Office sont-elles finançables ?", "licences office financables ?",
    "Quel délai pour avoir une réponse ?", "quel délai de réponse après le dépôt ?",
    "je m'appelle Claire Dubois, écrivez-moi à claire.dubois@lenord.fr : le dossier peut-il être déposé en anglais ?",
]


def demo_seeds(first: dt.date, days: int, zone: Any, reference: dt.date, seed: int = 7) -> List[Seed]:
    """`days` days of conversations from `first` (2 to 9 a day), as a busy month would leave them."""
    import random

    from orientation.eligibility import INELIGIBLE, evaluate
    from orientation.eligibility.profile import profile_from_slots

    chance = random.Random(seed)
    weights = [w for w, _ in DEMO_PROFILES]
    seeds = []
    for n in range(days):
        day = first + dt.timedelta(days=n)
        for _ in range(chance.randint(2, 9)):
            slots = dict(chance.choices([p for _, p in DEMO_PROFILES], weights)[0])
            start = dt.datetime.combine(day, dt.time(chance.randint(8, 18), chance.randint(0, 59)), zone)
            complete = all(slots.get(k) is not None for k in ("applicant_type", "theme", "budget"))
            recommended = None
            if slots and chance.random() < (0.9 if complete else 0.4):
                profile = profile_from_slots({**slots, "project_nature": slots.get("theme")}, date=reference)
                recommended = [r.code for r in evaluate(profile) if r.verdict != INELIGIBLE]
            asked = chance.sample(DEMO_QUESTIONS, chance.choice((0, 0, 1, 2)))
            seeds.append(Seed(start, slots.get("applicant_type"), slots.get("theme"), slots.get("budget"),
                              slots.get("population"), slots.get("territory", ()), recommended,
                              booked=recommended is not None and chance.random() < 0.35, unanswered=asked))
    return seeds
