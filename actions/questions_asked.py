"""The questions the user asked, kept for the advisor's summary; those left unanswered marked."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from orientation.replies.side_questions import OPEN_QUESTION_MARK

MAX_QUESTION_LENGTH = 300
OPEN_QUESTIONS = "open_questions"


def remember_question(tracker: Tracker) -> SlotSet:
    """Keep what the user asked, for the advisor's summary."""
    text = (tracker.latest_message.get("text") or "").strip()
    questions = list(tracker.get_slot("questions_asked") or [])
    last = questions[-1].removesuffix(OPEN_QUESTION_MARK) if questions else None
    if text and not text.startswith("/") and last != text[:MAX_QUESTION_LENGTH]:  # once, if two replies answer it
        questions.append(text[:MAX_QUESTION_LENGTH])
    return SlotSet("questions_asked", questions[-20:])


def open_question_events(tracker: Tracker, question: str) -> List[Dict[Text, Any]]:
    """The question goes to the advisor: in open_questions, and marked in the questions asked that
    the summary stored with a booking lists."""
    asked = remember_question(tracker)
    questions = list(asked["value"])
    if questions and questions[-1] == question[:len(questions[-1])]:
        questions[-1] += OPEN_QUESTION_MARK
    open_questions = list(tracker.get_slot(OPEN_QUESTIONS) or []) + [question[:MAX_QUESTION_LENGTH]]
    return [SlotSet("questions_asked", questions), SlotSet(OPEN_QUESTIONS, open_questions[-10:])]
