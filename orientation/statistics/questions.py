"""The questions the bot left unanswered: personal data masked, then grouped by similarity.

Masked: e-mail addresses and booking references (orientation/language/contacts.py), phone numbers
and street addresses (the spans orientation/language/not_amounts.py already tells from amounts),
bodies named (« la mairie de Crest », as orientation/entities.py reads them), names said as such
(« je m'appelle … », « Mme … », a signature after « cordialement »), and every name, organisation
and e-mail of the booking store met in the text.

Grouped with scikit-learn (already in the lock, with Rasa): TF-IDF on the character n-grams of the
words that carry the question (folded, without spaCy's French stop words: « peut-on », « du », « est »),
compared by cosine. Character n-grams, rather than the project's folded word sets, keep together
what people type differently: « financé »/« financer », « personel »/« personnel », SMS spellings,
which share most of their n-grams but no whole word; without the stop words, « peut-on financer du
personnel ? » and « peut-on financer du matériel ? » no longer look alike for their frame.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Tuple

from orientation.language.contacts import find_emails, find_references
from orientation.language.fold import fold
from orientation.language.not_amounts import not_profile_spans

MASKS = {"email": "[adresse e-mail]", "reference": "[référence]", "phone": "[téléphone]",
         "street": "[adresse]", "postcode": "[adresse]", "name": "[nom]", "organisation": "[organisation]"}
# Two questions whose TF-IDF vectors are at least this close (cosine) ask the same thing.
SIMILAR = 0.5
_WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’\-][^\W\d_]+)*"
# Words that end a name: articles, pronouns, verbs and roles (« Madame la maire », « marie et je… »).
_NOT_NAME = (r"(?i:le|la|les|l|un|une|des|du|de|d|au|aux|et|ou|a|à|en|pour|sur|par|avec|mon|ma|mes|notre|nos|votre|"
             r"vos|ce|cette|je|j|nous|on|il|elle|vous|c|ca|ça|qui|que|quel|quelle|est|suis|peut|peux|voudrais|"
             r"souhaite|beaucoup|bien|bonjour|svp|stp|merci|maire|mairie|president|présidente?|presidente|directeur|directrice|"
             r"chef|responsable|service|charge|chargée?|agent|dgs)\b")
_LOWER_NAME = rf"(?!{_NOT_NAME}){_WORD}"
_UPPER_NAME = rf"(?!{_NOT_NAME}){_CAPITALISED}"
# What follows the words that introduce a name: up to three capitalised words, or one or two in
# lower case as typed on a phone (« madame durand », « jm appelle marie dupont »).
_NAME = rf"({_UPPER_NAME}(?:\s+{_UPPER_NAME}){{0,2}}|{_LOWER_NAME}(?:\s+{_LOWER_NAME})?)"
# « M. Dupont », « Mme Sophie Martin », « madame durand »; not « Madame la maire ».
_CIVILITY = re.compile(rf"\b(?i:m\.|mr\.?|mme\.?|mlle\.?|monsieur|madame|mademoiselle|docteur|dr\.?)\s+{_NAME}")
# « je m'appelle Marie Dupont », « jm appelle marie », « mon nom est Durand », « moi c'est Léa ».
_INTRODUCTION = re.compile(rf"\b(?i:je\s+m['’\s]?\s*appel+e?|j\s*m['’\s]?\s*appel+e?|je\s+me\s+nomme|"
                           rf"mon\s+nom\s+(?:est|c'est)|moi\s+c['’\s]?\s*est)\s+{_NAME}")
# « je suis Marie Dupont »: two capitalised words (« je suis la DDT » names a body, not a person).
_SELF = re.compile(rf"\b(?i:je\s+suis)\s+({_UPPER_NAME}\s+{_UPPER_NAME})\b")
# A signature ending the message: « Cordialement, Marie Dupont », « bien à vous, Jean ».
_SIGNATURE = re.compile(rf"\b(?i:cordialement|bien\s+(?:a|à)\s+vous|salutations|merci)[\s,.!-]+"
                        rf"({_UPPER_NAME}(?:\s+{_UPPER_NAME}){{0,2}})\s*[.!]?\s*$")
# What may stand between an applicant type and its place: « mairie de Crest », « DDT du Rhône ».
_CONNECTOR = re.compile(r"[\s'’]*(?:(?i:de|du|des|la|le|les|l|d)\b[\s'’]*)*")
# The proper name after an applicant type (« CHU de Rennes », « CCAS de Saint-Malo »).
_PROPER_NAME = re.compile(rf"\s*(?:(?:de|du|des|de la|d['’]|de l['’])\s*)?{_CAPITALISED}(?:[\s-]+{_CAPITALISED})*")
# The end of a street address after its number and kind: the name, up to punctuation or a postcode.
_STREET_END = re.compile(r"[^,;.!?()\d]*")
_MASKED = re.compile("|".join(re.escape(m) for m in set(MASKS.values())))
# Words of SMS and politeness that say nothing of the question (besides spaCy's French stop words).
_SMS_FILLERS = frozenset({"c", "svp", "stp", "bonjour", "bjr", "merci", "slt", "pk", "pq", "koi", "quoi", "ok"})
# The town after a postcode (« 69003 Lyon », « 97100 Basse-Terre »).
_TOWN = re.compile(rf"\s*{_WORD}")


def _spans(text: str, known: Mapping[str, str]) -> List[Tuple[int, int, str]]:
    folded = fold(text)
    spans = [(s, e, "email") for s, e, _ in find_emails(text)] + [(s, e, "reference") for s, e, _ in find_references(text)]
    for start, end, what in not_profile_spans(folded, text):
        if what in ("phone", "street", "postcode"):
            start, end = folded.span(start, end)
            if what == "street":
                end = _STREET_END.match(text, end).end()
            elif what == "postcode":
                end = _TOWN.match(text, end).end() if _TOWN.match(text, end) else end
            spans.append((start, end, what))
    spans += _bodies(text)
    for pattern in (_CIVILITY, _INTRODUCTION, _SELF, _SIGNATURE):
        spans += [(m.start(1), m.end(1), "name") for m in pattern.finditer(text)]
    for value, what in known.items():  # the booking store's names, organisations and addresses, in any case
        for m in re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", folded.text):
            start, end = folded.span(m.start(), m.end())
            spans.append((start, end, what))
    return spans


def _bodies(text: str) -> List[Tuple[int, int, str]]:
    """The bodies named (« la mairie de Crest », « DDT du Rhône », « CHU de Rennes »): an applicant
    type's words (the lexicon) with the place or the proper name that follows them, as the NLU reads
    them (orientation/entities.py). A place alone (« le Nord ») or a type alone (« notre commune »)
    names no body."""
    from orientation import entities  # the lexicon and the territories' index, loaded on first use

    places = entities.places(text)
    spans = [(m.start, m.end, "organisation") for m in places if m.applicant_type]
    for found in entities.lexicon.entities(text):
        if found.entity != "applicant_type":
            continue
        after = [m for m in places if found.start <= m.start and _CONNECTOR.fullmatch(text[found.end:m.start])]
        if after:
            spans.append((found.start, max(m.end for m in after), "organisation"))
            continue
        name = _PROPER_NAME.match(text, found.end)
        if name:
            spans.append((found.start, name.end(), "organisation"))
    return spans


def mask(text: str, known: Optional[Mapping[str, str]] = None) -> str:
    """The text with its personal data replaced by MASKS (`known`: folded value -> its kind in
    MASKS, masked wherever it appears: the booking store's names, organisations, e-mails)."""
    spans = sorted(_spans(text, known or {}))
    kept: List[Tuple[int, int, str]] = []
    for start, end, what in spans:  # overlapping spans make one, masked as the first; so do a street and its town
        if kept and (start < kept[-1][1] or (MASKS[what] == MASKS[kept[-1][2]]
                                             and not text[kept[-1][1]:start].strip(" ,"))):
            kept[-1] = (kept[-1][0], max(end, kept[-1][1]), kept[-1][2])
        else:
            kept.append((start, end, what))
    for start, end, what in reversed(kept):
        text = text[:start] + MASKS[what] + text[end:]
    return " ".join(text.split())


def known_values(names: Iterable[str] = (), organisations: Iterable[str] = (),
                 emails: Iterable[str] = ()) -> Dict[str, str]:
    """Folded value -> its kind, longest first (a name inside an organisation's name is masked as
    the organisation); values under three letters are left (« Le », « Li »)."""
    values = [(v, "organisation") for v in organisations] + [(v, "name") for v in names]
    values += [(v, "email") for v in emails]
    known: Dict[str, str] = {}
    for value, what in values:
        folded = fold(str(value or "")).text.strip()
        if len(folded) >= 3:
            known.setdefault(folded, what)
    return dict(sorted(known.items(), key=lambda item: -len(item[0])))


@dataclass(frozen=True)
class QuestionGroup:
    text: str  # the question asked most often in the group, masked
    count: int  # conversations that asked a question of the group
    variants: Tuple[str, ...]  # the other wordings, masked, most asked first


def group_questions(asked: Sequence[Sequence[str]], known: Optional[Mapping[str, str]] = None) -> List[QuestionGroup]:
    """`asked`: per conversation, its unanswered questions. Each group counts a conversation once;
    the groups most asked first."""
    per_question: Dict[str, set] = {}
    for number, questions in enumerate(asked):
        for question in questions:
            masked = mask(question, known)
            if masked:
                per_question.setdefault(masked, set()).add(number)
    texts = sorted(per_question, key=lambda q: (-len(per_question[q]), q))
    if not texts:
        return []
    groups = _similar(texts)
    found = []
    for members in groups:
        conversations = set().union(*(per_question[texts[i]] for i in members))
        found.append(QuestionGroup(texts[members[0]], len(conversations), tuple(texts[i] for i in members[1:])))
    return sorted(found, key=lambda g: (-g.count, g.text))


def _content(text: str) -> str:
    """The words that say what a question is about: folded, without the masks nor French stop words
    (« peut-on financer du personnel ? » -> « financer personnel »), else the whole folded text."""
    folded = fold(_MASKED.sub(" ", text)).text
    words = [w for w in re.findall(r"[a-z0-9]+", folded) if w not in _stop_words()]
    return " ".join(words) or folded


@lru_cache(maxsize=1)
def _stop_words() -> FrozenSet[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS  # the list alone: no model is loaded
    return frozenset(fold(w).text for w in STOP_WORDS) | _SMS_FILLERS


def _similar(texts: List[str]) -> List[List[int]]:
    """Indexes of `texts` in groups: each text joins the first group whose first text is similar
    enough, else starts one (texts come most asked first, so a group is named by its most asked)."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # loaded on the first statistics only
    from sklearn.metrics.pairwise import cosine_similarity

    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(
        [_content(t) for t in texts])
    similarity = cosine_similarity(vectors)
    groups: List[List[int]] = []
    for i in range(len(texts)):
        for group in groups:
            if similarity[i, group[0]] >= SIMILAR:
                group.append(i)
                break
        else:
            groups.append([i])
    return groups
