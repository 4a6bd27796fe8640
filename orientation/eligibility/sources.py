"""Where the seed documents are, and how a quoted sentence is matched against them.

Only tests and maintenance tools need the seeds; the running assistant does not.
"""
from __future__ import annotations

import re
from pathlib import Path

from orientation.settings import get_settings


def seeds_dir() -> Path:
    """ORIENTATION_SEEDS_DIR if set, else ../shared/seeds next to the repository."""
    return get_settings().seeds_dir


# a tag starts with a letter or a slash: « (< 100.000 € TTC) » is text, not markup
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " ", "•": " "})


def normalise(text: str) -> str:
    """Markup, emphasis, typographic apostrophes and line breaks do not count."""
    text = _TAG.sub(" ", text).replace("**", "").translate(_QUOTES)
    return " ".join(text.split())


def quote_in_text(quote: str, text: str) -> bool:
    return normalise(quote) in normalise(text)
