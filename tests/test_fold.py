"""The one folding of French text (orientation/language/fold.py), shared by the lexicon, the amounts and the
booking calendar."""
import datetime as dt
import subprocess
import sys

import pytest

from orientation.booking.wishes import parse_wish
from orientation.entities import lexicon
from orientation.language import amounts
from orientation.language.fold import fold

NBSP, NARROW_NBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize("text, folded", [
    ("cœur", "coeur"),
    ("Œuvre", "oeuvre"),
    ("l’État", "l'etat"),
    ("d‘accord", "d'accord"),
    ("l`aprem", "l'aprem"),
    ("ex æquo", "ex aequo"),
    ("eﬃcace", "efficace"),
    (f"300{NBSP}000{NARROW_NBSP}€", "300 000 €"),
    ("DÉMATÉRIALISATION Préfecture", "dematerialisation prefecture"),
])
def test_folded_text(text, folded):
    assert fold(text).text == folded


@pytest.mark.parametrize("text, word, original", [
    ("la mise en œuvre d’une réforme", "oeuvre", "œuvre"),
    ("Œuvre commune", "commune", "commune"),
    ("le cœur de l’État", "etat", "État"),
    ("eﬃcace ou pas", "pas", "pas"),
    ("eﬃcace ou pas", "efficace", "eﬃcace"),
])
def test_offsets_map_back_to_the_original_characters(text, word, original):
    folded = fold(text)
    start = folded.text.index(word)
    begin, end = folded.span(start, start + len(word))
    assert text[begin:end] == original
    assert len(folded.index) == len(folded.text)


def test_the_lexicon_reads_ligatures_and_gives_original_spans():
    text = "Le cœur du projet : la mise en œuvre d’une réforme prioritaire"
    match = next(m for m in lexicon.entities(text) if m.entity == "project_nature")
    assert match.value == "pilotage_reforme"
    assert text[match.start:match.end] == match.text and match.text.startswith("mise en œuvre")


def test_amount_spans_stay_right_after_a_ligature():
    text = f"Nos œuvres : un projet à 300{NARROW_NBSP}000{NBSP}€ pour 50 000 habitants"
    found = {q.kind: q for q in amounts.extract_quantities(text)}
    assert found["budget"].value == 300000 and found["budget"].text == f"300{NARROW_NBSP}000{NBSP}€"
    assert found["population"].text == "50 000 habitants"
    assert text[found["population"].start:found["population"].end] == "50 000 habitants"


def test_amounts_and_wishes_read_typographic_apostrophes_alike():
    now = dt.datetime(2021, 10, 14, 10, tzinfo=dt.timezone.utc)
    for apostrophe in "'’‘`ʼ":
        assert parse_wish(f"aujourd{apostrophe}hui", now).day == dt.date(2021, 10, 14)
        assert [(q.kind, q.value) for q in amounts.extract_quantities(f"2 millions d{apostrophe}habitants")] == \
            [("population", 2e6)]


def test_the_booking_package_loads_neither_the_lexicon_nor_the_catalogue():
    code = ("import sys, orientation.booking.slots, orientation.booking.wishes, orientation.booking.store, "
            "orientation.booking.agenda; "
            "print(sorted(m for m in sys.modules if m.startswith(('orientation.language.lexicon', 'orientation.eligibility'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
