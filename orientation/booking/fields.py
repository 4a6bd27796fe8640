"""What a booking answer really holds (no Rasa): a name, an organisation, an e-mail, a wish.

- what_it_is: the kind of answer, so that each question gets what it asks (an e-mail typed at the
  organisation question is not an organisation, a booking reference is not a name);
- split_name_and_organisation: « Sophie Martin, préfecture de la Gironde » gives both fields;
- contact_wish: « par téléphone », « en visio »: how the user wishes to talk with the advisor.

An organisation is recognised by the words of the lexicon (applicant types: « préfecture »,
« mairie », « DDT ») or a place (orientation/entities.py): the same readings as the NLU.
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

from orientation import entities
from orientation.entities import lexicon
from orientation.language.contacts import clean_name, clean_organisation, find_emails, find_references
from orientation.language.fold import fold

# Words between a name and an organisation: « Sophie Martin, préfecture… », « Jean Dupont de la
# mairie de… », « Léa Roux pour l'association… », « Marc Petit (DDT du Rhône) », « … - CCAS de … ».
CONNECTOR = re.compile(r"(?:\s*[,;:(\-–—/]\s*|\s+)(?:(?:de|du|des|pour|à|a|chez)(?:\s+(?:la|le|les|l'))?\s*|"
                       r"(?:de|pour|à|a)\s+l['’]\s*)?$", re.IGNORECASE)
# A person's name: one to four words of letters (« Jean-Pierre », « d'Arc », « Le Gall »).
NAME = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:\s+[^\W\d_]+(?:['’\-][^\W\d_]+)*){0,3}$")
PHONE_NUMBER = re.compile(r"(?<!\d)(?:\+33\s?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)")
CONTACT_WISHES = (
    ("téléphone", re.compile(r"\b(?:par|au|en|un|d'un) (?:tel|telephone|tél|phone|fil)\b|\btelephon(?:e|ique|er)\b"
                             r"|\bappel(?:er)? telephonique\b|\bqu'on m'appelle\b|\bme rappeler\b")),
    ("visioconférence", re.compile(r"\b(?:en |par )?visio(?:conference)?\b|\bvideo\b|\bteams\b|\bzoom\b"
                                   r"|\bwebconf(?:erence)?\b")),
)


def _organisation_start(text: str) -> Optional[int]:
    """Where the first word saying an organisation starts (an applicant type, else a place)."""
    starts = [m.start for m in lexicon.entities(text) if m.entity == "applicant_type"]
    if not starts:
        starts = [m.start for m in entities.places(text)]
    return min(starts) if starts else None


def looks_like_organisation(text: str) -> bool:
    """« Mairie de Lyon », « DDT du Rhône »: the text starts with the words of an organisation."""
    start = _organisation_start(text)
    return start is not None and not text[:start].strip(" ,;:-'’").strip()


def split_name_and_organisation(text: str) -> Optional[Tuple[str, str]]:
    """(name, organisation) from « Sophie Martin, préfecture de la Gironde »; None when the text
    is not a name followed by an organisation."""
    start = _organisation_start(text)
    if not start:
        return None
    head, organisation = text[:start], text[start:].strip(" )")
    connector = CONNECTOR.search(head)
    name = head[:connector.start()] if connector else head
    name = name.strip()
    if not NAME.match(name) or not clean_name(name) or not clean_organisation(organisation):
        return None
    if len(name.split()) < 2 and not (connector and connector.group(0).strip()):
        return None  # « Marc DDT… »: one word glued to an organisation is not a name
    return clean_name(name), clean_organisation(organisation)


def what_it_is(text: str) -> Optional[str]:
    """'email', 'reference' or 'digits' when the answer is that and not a name or an organisation;
    None otherwise."""
    stripped = str(text or "").strip()
    if find_emails(stripped) or "@" in stripped:
        return "email"
    if find_references(stripped):
        return "reference"
    letters = sum(c.isalpha() for c in stripped)
    if sum(c.isdigit() for c in stripped) > letters:
        return "digits"
    return None


QUESTION_START = re.compile(r"^(?:quel(?:le)?s?|comment|combien|pourquoi|quand|ou|qui|que|qu'(?:est|en)|est-ce|"
                            r"c'est quoi|peut-on|puis-je|on peut|je peux|y a-t-il|faut-il|dois-je|a quoi)\b")


def looks_like_question(text: str) -> bool:
    """« quel est le taux de ITN5 ? », « combien je peux avoir »: a question, not a name nor an organisation."""
    folded = " ".join(fold(str(text or "")).text.split())
    return "?" in folded or bool(QUESTION_START.match(folded))


def mentions_a_call(text: str) -> bool:
    """« le taux de ITN5 », « les critères »: words about the calls (lexicon call codes and aspects)."""
    return any(m.entity in ("call_code", "call_aspect") for m in lexicon.entities(str(text or "")))


def contact_wish(text: str) -> Optional[str]:
    """« par téléphone au 06 12 34 56 78 » -> 'téléphone (06 12 34 56 78)', « en visio » ->
    'visioconférence'; None when the message names no way of talking."""
    folded = " ".join(fold(str(text or "")).text.split())
    for label, pattern in CONTACT_WISHES:
        if pattern.search(folded):
            number = PHONE_NUMBER.search(str(text))
            return f"{label} ({number.group(0)})" if number and label == "téléphone" else label
    return None
