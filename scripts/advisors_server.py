"""Serve the advisors' web agenda (a thin wrapper of `python -m orientation.advisors_web serveur`).

    .venv/bin/python scripts/advisors_server.py --port 8001     # refuses to start without an account
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from orientation.advisors_web.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["serveur", *sys.argv[1:]]))
