"""addons/components/packed_lemmas.py: the lemmatizer's packed tables answer as spaCy's dictionaries,
entry by entry, and the pipeline gives the same lemmas as spaCy's own on every training sentence."""
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import spacy
from rasa.shared.nlu.training_data.loading import load_data
from spacy.lookups import Lookups

from addons.components.packed_lemmas import PackedLookups, packed_lookups
from addons.components.shared_spacy import UNUSED_PIPES, SharedSpacyNLP

ROOT = Path(__file__).resolve().parents[1]
PARTS_OF_SPEECH = ("noun", "verb", "adj", "adp", "adv", "aux", "cconj", "det", "pron", "punct", "sconj", "propn", "x")


@cache
def tables_file() -> Path:
    return spacy.load("fr_core_news_md", exclude=["ner", "parser", "senter", "lemmatizer"]).path \
        / "lemmatizer" / "lookups" / "lookups.bin"


@cache
def spacy_tables() -> Lookups:
    return Lookups().from_disk(tables_file().parent)


def test_every_entry_as_in_spacy_dictionaries(tmp_path):
    theirs, ours = spacy_tables(), packed_lookups(tables_file(), tmp_path)
    assert set(ours.tables) == set(theirs.tables)
    lookup = ours.get_table("lemma_lookup")
    for hashed, lemmas in theirs.get_table("lemma_lookup").items():
        assert lookup.get(hashed) == lemmas
    assert lookup.get("avions", ["?"]) == theirs.get_table("lemma_lookup").get("avions", ["?"])
    assert lookup.get("zzqxw", ["zzqxw"]) == ["zzqxw"]
    for name in ("lemma_exc", "lemma_index", "lemma_rules"):
        for part_of_speech in PARTS_OF_SPEECH:
            assert (part_of_speech in ours.get_table(name)) == (part_of_speech in theirs.get_table(name))
    for part_of_speech in PARTS_OF_SPEECH:
        exceptions, index = theirs.get_table("lemma_exc").get(part_of_speech, {}), \
            theirs.get_table("lemma_index").get(part_of_speech, [])
        packed_exceptions = ours.get_table("lemma_exc").get(part_of_speech, {})
        packed_index = ours.get_table("lemma_index").get(part_of_speech, {})
        for form, lemmas in exceptions.items():
            assert packed_exceptions.get(form, []) == lemmas
        for form in index:
            assert form in packed_index
        for absent in ("zzqxw", "projetx", "", "données publiques"):
            assert (absent in packed_index) == (absent in index)
            assert packed_exceptions.get(absent, []) == exceptions.get(absent, [])
        assert ours.get_table("lemma_rules").get(part_of_speech, []) == \
            theirs.get_table("lemma_rules").get(part_of_speech, [])


def test_written_once_then_read_and_an_unreadable_file_packed_again(tmp_path):
    first = packed_lookups(tables_file(), tmp_path)
    [written] = tmp_path.glob("*.npz")
    stamp = written.stat().st_mtime_ns
    again = packed_lookups(tables_file(), tmp_path)
    assert written.stat().st_mtime_ns == stamp  # read, not written again
    assert isinstance(again, PackedLookups)
    assert again.get_table("lemma_exc").get("verb").get("suis") == first.get_table("lemma_exc").get("verb").get("suis")
    written.write_bytes(b"not an archive")
    damaged = packed_lookups(tables_file(), tmp_path)
    known = spacy_tables().get_table("lemma_index").get("verb")[:50]
    assert all(form in damaged.get_table("lemma_index").get("verb") for form in known)
    with np.load(written) as archive:  # written again, whole
        assert archive.files


@pytest.fixture(scope="module")
def sentences():
    texts = set()
    for path in sorted((ROOT / "data").glob("nlu*.yml")) + sorted((ROOT / "tests" / "nlu").glob("heldout*.yml")):
        texts.update(m.get("text") for m in load_data(str(path)).training_examples if m.get("text"))
    return sorted(texts)


def test_same_tokens_as_spacy_on_every_training_and_held_out_sentence(sentences):
    """Text, lemma, part of speech, morphology, norm and vector of every token, and the sentence's vector:
    as spaCy's own loading gives them (with its string table and dictionaries)."""
    assert len(sentences) > 1000
    ours = SharedSpacyNLP.load_model("fr_core_news_md").model
    assert ours.get_pipe("lemmatizer").lookups.__class__ is PackedLookups
    stock = spacy.load("fr_core_news_md", exclude=list(UNUSED_PIPES))
    texts = sentences + [s.lower() for s in sentences]  # people often type without capitals
    assert len(ours.vocab.strings) < 10_000 < len(stock.vocab.strings)  # the model's string table not loaded
    for mine, theirs in zip(ours.pipe(texts), stock.pipe(texts)):
        assert [(t.text, t.lemma_, t.pos_, t.tag_, str(t.morph), t.norm_, t.shape_, t.is_stop) for t in mine] == \
            [(t.text, t.lemma_, t.pos_, t.tag_, str(t.morph), t.norm_, t.shape_, t.is_stop) for t in theirs]
        assert np.array_equal(np.array([t.vector for t in mine]), np.array([t.vector for t in theirs]))
        assert np.array_equal(mine.vector, theirs.vector)
