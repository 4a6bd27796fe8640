"""The project theme of a message in the user's own words, learned from examples (no Rasa).

The lexicon (orientation/language/lexicon.yml) reads exact phrases and wins when it matches; this model reads
what the lexicon misses (« former nos agents pour qu'ils se reconvertissent dans les métiers du
numérique »). Why this design, measured by 5-fold cross-validation of the training examples
(`.venv/bin/python scripts/theme_cv.py`, figures beside the thresholds in orientation/language/themes.py):

- a linear model (logistic regression) on TF-IDF character n-grams of the normalised text (robust
  to typos, plurals and missing accents) and word uni/bigrams, plus the spaCy fr_core_news_md
  sentence vector (words never seen in training but close in meaning) when it is given;
- a « none » class learned from every training message that states no theme, so that « je suis
  la mairie de Lyon » gives no theme instead of the least unlikely one;
- it trains in a few seconds on 2 cores, where a DIET entity/role set-up would add minutes to
  `make train` and score spans, while the slot needs one value per message.

rank() gives every theme with its probability; orientation/language/themes.py turns the ranking into what the
bot does (fill the slot, offer buttons, or ask), with the thresholds chosen by that cross-validation.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from orientation.language.normalise import normalise


def features_text(text: str) -> str:
    """The text as the n-grams read it: folded, with SMS forms spelled out (« pr tt les agents » reads
    « pour tout les agents »), as the intent classifier and the lexicon read it."""
    return normalise(text).text


@dataclass(frozen=True)
class Sample:
    """A message as the model reads it: its text and, from spaCy when available, the lemmas of its
    words and the mean vector of its content words."""
    text: str
    lemmas: Optional[str] = None
    vector: Optional[np.ndarray] = None


class ThemeModel:
    """TF-IDF of characters, words and lemmas + content-word vectors -> logistic regression."""

    def __init__(self, c: float = 8.0):
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
        self.words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                     token_pattern=r"(?u)\b\w\w+\b")
        self.lemmas = TfidfVectorizer(analyzer="word", sublinear_tf=True, token_pattern=r"(?u)\b\w\w+\b")
        self.model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        self.uses_spacy = False
        self._dim = 0

    def _matrix(self, samples: Sequence[Sample], fit: bool):
        folded = [features_text(s.text) for s in samples]
        how = (lambda v, x: v.fit_transform(x)) if fit else (lambda v, x: v.transform(x))
        parts = [how(self.chars, folded), how(self.words, folded)]
        if self.uses_spacy:
            parts.append(how(self.lemmas, [features_text(s.lemmas or s.text) for s in samples]))
            dense = np.vstack([s.vector if s.vector is not None else np.zeros(self._dim) for s in samples])
            norms = np.linalg.norm(dense, axis=1, keepdims=True)
            parts.append(sparse.csr_matrix(dense / np.where(norms == 0, 1, norms)))
        return sparse.hstack(parts).tocsr()

    def fit(self, samples: Sequence[Sample], labels: Sequence[str]) -> ThemeModel:
        self.uses_spacy = all(s.vector is not None for s in samples)
        self._dim = len(samples[0].vector) if self.uses_spacy else 0
        self.model.fit(self._matrix(samples, fit=True), list(labels))
        return self

    def rank_many(self, samples: Sequence[Sample]) -> List[List[Tuple[str, float]]]:
        probabilities = self.model.predict_proba(self._matrix(samples, fit=False))
        classes = list(self.model.classes_)
        return [sorted(zip(classes, map(float, row)), key=lambda cp: -cp[1]) for row in probabilities]

    def rank(self, sample: Sample) -> List[Tuple[str, float]]:
        return self.rank_many([sample])[0]


def sample_of(text: str, doc=None, hidden: Sequence[Tuple[int, int]] = ()) -> Sample:
    """A Sample from a spaCy Doc of the normalised text (None: the text alone), without the characters
    of `hidden` (spans of the text as typed: the name of the speaker's unit, « le service data »)."""
    read = normalise(text) if hidden else None

    def shown(i: int) -> bool:  # i: an index in the text as typed
        return not any(start <= i < end for start, end in hidden)

    kept = "".join(c for i, c in enumerate(text) if shown(i)) if hidden else text
    if doc is None:
        return Sample(kept)
    tokens = [t for t in doc if read is None or t.idx >= len(read.index) or shown(read.index[t.idx])]
    content = [t.vector for t in tokens if t.has_vector and t.is_alpha and not t.is_stop]
    vector = np.mean(content, axis=0) if content else np.zeros(doc.vocab.vectors_length)
    return Sample(kept, " ".join(t.lemma_ for t in tokens), vector)
