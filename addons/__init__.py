"""Rasa add-ons: custom NLU components and the action-server fallback, loaded by config.yml."""
