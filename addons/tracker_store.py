"""The conversations' tracker store: Rasa's SQL store on the assistant's database
(actions/database.py), so a restart of the Rasa server loses no conversation."""
from __future__ import annotations

from typing import Any, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy.engine import make_url

from actions.database import database_url


class OrientationTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Optional[Domain] = None, host: Optional[str] = None,
                 event_broker: Optional[EventBroker] = None, **kwargs: Any) -> None:
        url = host or database_url()  # a full URL in endpoints.yml wins over the environment
        super().__init__(domain=domain, host=url, dialect=make_url(url).get_backend_name(),
                         event_broker=event_broker, **kwargs)
