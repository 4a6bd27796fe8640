"""addons/components/shared_spacy.py: fr_core_news_md loaded once per process, and the tokens the pipeline reads
(text, lemma, part of speech, vectors) exactly those of Rasa's own SpacyNLP."""
from pathlib import Path

import numpy as np
import yaml
from rasa.nlu.utils.spacy_utils import SpacyNLP

from addons.components.shared_spacy import SharedSpacyNLP

TEXTS = ["Bonjour, je suis la DDT du Rhône et notre projet de 300 k€ vise à ouvrir nos données",
         "Je suis une commune de 350 000 habitants, projet de participation citoyenne à 400 000 €",
         "c'est quoi TNT-COOP ?", "merci, au revoir"]


def test_the_pipeline_uses_it():
    with open(Path(__file__).resolve().parents[1] / "config.yml", encoding="utf-8") as file:
        names = [c["name"] for c in yaml.safe_load(file)["pipeline"]]
    # first after the normalisation of what people type, which every component reads
    assert names[:2] == ["addons.components.normaliser.TextNormaliser", "addons.components.shared_spacy.SharedSpacyNLP"]


def test_loaded_once_without_unused_parts_and_same_tokens():
    shared = SharedSpacyNLP.load_model("fr_core_news_md")
    assert SharedSpacyNLP.load_model("fr_core_news_md") is shared
    assert not {"ner", "parser", "senter"} & set(shared.model.component_names)
    stock = SpacyNLP.load_model("fr_core_news_md").model
    for text in TEXTS:
        ours, theirs = shared.model(text), stock(text)
        assert [(t.text, t.lemma_, t.pos_, t.tag_) for t in ours] == [(t.text, t.lemma_, t.pos_, t.tag_) for t in theirs]
        assert np.array_equal(np.array([t.vector for t in ours]), np.array([t.vector for t in theirs]))
