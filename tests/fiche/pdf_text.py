"""The text a reader gets from a « fiche projet » PDF, read with pypdf (pure Python, in the
development lock: no poppler needed to run the tests). Line breaks and spaces of the layout are
collapsed to one space; the no-break spaces of French amounts are kept, so that tests compare with
tests.french.nb()."""
from __future__ import annotations

import io
import re

from pypdf import PdfReader

_LAYOUT_SPACES = re.compile(r"[ \n\r\t]+")
_BROKEN_AT_HYPHEN = re.compile(r"(?<=\w-)\n")  # « extra-\neuropéens »: the line broke at the word's own hyphen


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return _LAYOUT_SPACES.sub(" ", _BROKEN_AT_HYPHEN.sub("", text))


def holds_word(text: str, word: str) -> bool:
    """`word` in the extracted text, where pypdf may read a kerned pair of capitals as two words (a
    booking reference « DN-QJ3438 » comes out « DN-Q J3438 »): a space is allowed between its letters."""
    return re.search(r" ?".join(map(re.escape, word)), text) is not None


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))
