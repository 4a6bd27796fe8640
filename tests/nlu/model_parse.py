"""The trained model (models/orientation.tar.gz) parsing messages, loaded once per test session:
what the Rasa server would make of each message, without starting it."""
from __future__ import annotations

import asyncio
import logging
from functools import lru_cache
from typing import Any, Dict, List, Optional, Sequence

import pytest

from tests.servers import MODEL


@lru_cache(maxsize=1)
def _agent():
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train`")
    import structlog
    from rasa.core.agent import Agent
    logging.getLogger("rasa").setLevel(logging.WARNING)
    # Rasa logs every parse at debug level through structlog: one line per message is too many
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    return Agent.load(str(MODEL))


def parse(texts: Sequence[str]) -> List[Dict[str, Any]]:
    agent, loop = _agent(), asyncio.new_event_loop()
    try:
        return [loop.run_until_complete(agent.parse_message(text)) for text in texts]
    finally:
        loop.close()


def theme_of(parsed: Dict[str, Any]) -> Optional[str]:
    """The project_nature value the message gives: the lexicon's, else the theme model's."""
    values = [e["value"] for e in parsed.get("entities", []) if e.get("entity") == "project_nature"]
    return values[0] if values else None
