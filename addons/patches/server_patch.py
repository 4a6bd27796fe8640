"""The base of the pipeline components that only install a change of the Rasa server.

Rasa 3.6 has no plugin hook for the server's own behaviour (the French apology, the per-turn
savings): a pass-through component listed in config.yml's pipeline is created by every Rasa server
that loads the model, so that is where the change is installed, once, and importing a module
patches nothing. Subclasses register themselves as entity extractors (non-trainable extractors are
created when the model loads) and name the function that installs their change.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


class ServerPatch(GraphComponent):
    """Installs `install_patch` when the model loads; leaves messages and training data unchanged."""

    install_patch: Callable[[], None]  # set by each subclass (a staticmethod); must be idempotent

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> ServerPatch:
        cls.install_patch()
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
