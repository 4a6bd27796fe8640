"""The action server: the modules whose actions Rasa calls, and the command that serves them.

    .venv/bin/python -m actions.action_server --port 5055     (what `make run` and `make shell` start)

Given a package, rasa_sdk imports every module in it: here that would be the advisors' web agenda,
the territories builder and the theme model with their libraries (aiohttp, Jinja2, argon2,
scikit-learn, SciPy), about 65 MB that the action server never uses (issue 13). Given this module,
it imports only the modules below and registers every Action subclass they define.
tests/test_action_server.py fails when a module that defines an action is missing here.
"""
from __future__ import annotations

import sys

from actions import (booking_actions, call_actions, context_actions, fallback_actions,  # noqa: F401
                     form_questions, handoff_actions, recommendation_actions, validation)

MODULE = "actions.action_server"


def main() -> None:
    """rasa_sdk's own command line (--port, --cors, -v…), serving the actions of this module."""
    from rasa_sdk.__main__ import main as serve

    sys.argv[1:1] = ["--actions", MODULE]
    serve()


if __name__ == "__main__":
    main()
