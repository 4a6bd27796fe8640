"""Name, organisation and e-mail given in one message, in any order, each to its field.

« Laurent Bertin, DGS agglo du pays de dreux », « Thomas Vergne, conseil departemental du Cantal,
thomas.vergne@cantal.fr », « thomas.vergne@cantal.fr - Thomas Vergne (CD15) »: the message is cut at
its separators (commas, dashes, brackets, slashes, line breaks); each piece is an address, a
person's name or an organisation (orientation/booking/fields.py reads them). A function (« DGS »,
« cheffe de projet numérique », « maire adjoint ») is neither the name nor the organisation: it is
left out of both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from orientation.booking.fields import NAME, looks_like_organisation, split_name_and_organisation
from orientation.language.contacts import clean_name, clean_organisation, find_emails
from orientation.language.fold import fold

SEPARATORS = re.compile(r"\s*(?:[,;\n()\[\]|/]|\s[-–—]\s|^[-–—]\s|\s[-–—]$)\s*")
# Job titles of public servants and elected people, folded (« directrice générale des services »).
FUNCTION = re.compile(
    r"(?:(?:dgs|dga|dgst|dgas|dgd|dg|dsi|dsin|drh|daf|dpo|rssi|cdp|sg|dst|dcm)\b"
    r"|(?:vice[- ])?president(?:e)?\b(?:\s+(?:du|de la|de l')\s+\w+)?"
    r"|(?:premier |premiere )?(?:maire|adjointe?)(?:[- ]adjointe?)?\b(?:\s+(?:au|a la|aux|charge\w*)\s+[\w' ]+?)?"
    r"|(?:directeur|directrice)(?:\s+general(?:e)?)?(?:\s+adjointe?)?(?:\s+(?:des|du|de la|de l')\s*"
    r"(?:services(?: techniques)?|systemes d'information|numerique|si|cabinet|ressources humaines|finances))?"
    r"|(?:chef|cheffe)\s+de\s+(?:projets?|service|bureau|mission|pole|cabinet|departement)(?:\s+(?:numerique|si|"
    r"transformation numerique|innovation|data|donnees))?"
    r"|charge(?:e)?\s+de\s+mission(?:\s+(?:numerique|transformation numerique|innovation|data|donnees))?"
    r"|responsable(?:\s+(?:du|de la|des|de l')?\s*(?:numerique|informatique|si|projet|service|pole|innovation|"
    r"systemes d'information|transformation numerique))?"
    r"|referente?\s+numerique|secretaire\s+(?:general(?:e)?|de mairie)(?:\s+adjointe?)?"
    r"|conseill(?:er|ere)\s+(?:municipale?|numerique|departementale?|regionale?|communautaire|delegue(?:e)?))\b")
# Organisations written as their usual initials, with a number or a place: « CD15 », « CC du Crestois ».
INITIALS = re.compile(r"^(?:CD|CG|CR|CC|CA|CU|CCAS|CIAS|SDIS|SIVU|SIVOM|SM|SMO|PETR|GIP|EPT|EPCI|CHU|CH|GHT|ARS|"
                      r"DREETS|DDETS|DDFIP|DRFIP|SGAR)(?:\s*-?\s*\d{2,3}[AB]?\b|\s+(?:de|du|des|d')\s*\S.*)?$")


# What people write before a field: « Nom : … », « mail : … », « moi c'est … », « je suis … ».
LEAD = re.compile(r"^(?:(?:pr[ée]nom(?:\s+et)?\s+nom|nom(?:\s+et\s+pr[ée]nom)?|pr[ée]nom|organisation|organisme|"
                  r"structure|collectivit[ée]|service|employeur|e-?mail|mail|m[ée]l|courriel|adresse(?:\s+(?:mail|"
                  r"e-?mail|[ée]lectronique))?)\s*:\s*|(?:bonjour|bonsoir)\s*,?\s*|moi\s+c['’]est\s+|c['’]est\s+|"
                  r"je\s+suis\s+|je\s+m['’]appelle\s+|ici\s+)+", re.IGNORECASE)
# « Inès Moreau »: a capitalised first word and a second one, before a function (never its employer).
NAME_FIRST = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ'’\-]+\s+[A-ZÀ-Ýa-zà-ÿ][\w'’\-]+$")


@dataclass(frozen=True)
class ContactCard:
    name: Optional[str] = None
    organisation: Optional[str] = None
    email: Optional[str] = None
    function: Optional[str] = None

    @property
    def fields(self) -> int:
        """How many of the three booking fields the message gives."""
        return sum(value is not None for value in (self.name, self.organisation, self.email))


def _split_function(piece: str) -> Tuple[Optional[str], List[str]]:
    """(the function, the pieces around it): « DGS agglo du pays de dreux » -> ('DGS', ['agglo du
    pays de dreux']); « Laurent Bertin DGS » -> ('DGS', ['Laurent Bertin']); « paul durand cheffe de
    projet mairie de lyon » -> ('cheffe de projet', ['paul durand', 'mairie de lyon'])."""
    folded = fold(piece).text
    if len(folded) != len(piece):  # folding changed lengths (a ligature): no position to trust
        return None, [piece]
    for word in re.finditer(r"\S+", folded):
        match = FUNCTION.match(folded, word.start())
        if match and (match.end() == len(folded) or not folded[match.end()].isalnum()):
            before, after = piece[:word.start()].strip(" ,:-–—"), LINK.sub("", piece[match.end():].strip(" ,:-–—"))
            if before and not after and len(before.split()) < 2:
                continue  # « Jean Maire » is a name
            return piece[word.start():match.end()].strip(), [part for part in (before, after) if part]
    return None, [piece]


# What links a function to its organisation: « cheffe de projet à la CC du Crestois ».
LINK = re.compile(r"^(?:a|à|au|aux|de|du|des|chez|pour)(?:\s+(?:la|le|les|l'))?\s+|^(?:a|à|de|pour)\s+l['’]\s*",
                  re.IGNORECASE)


def _is_organisation(piece: str) -> bool:
    return looks_like_organisation(piece) or bool(INITIALS.match(piece.strip()))


def read_contact(text: str) -> ContactCard:
    """What of the name, the organisation and the e-mail the message gives (see the module docstring)."""
    text = str(text or "")
    emails = find_emails(text)
    email = emails[0][2] if len({e for _, _, e in emails}) == 1 else None
    for start, end, _ in reversed(emails):
        text = text[:start] + " , " + text[end:]
    name = organisation = function = None
    pieces: List[str] = [LEAD.sub("", p.strip(" .:-–—")).strip(" .:-–—") for p in SEPARATORS.split(text)]
    pieces = [p for p in pieces if p]
    for piece in pieces:
        said, parts = _split_function(piece)
        function = function or said
        for index, part in enumerate(parts):
            # after a function, the employer: « maire adjointe de Saint-Flour »
            employer = said is not None and index == len(parts) - 1 and not NAME_FIRST.match(part)
            if organisation is None and (_is_organisation(part) or employer and clean_organisation(part)):
                organisation = clean_organisation(part)
            elif name is None and organisation is None and split_name_and_organisation(part):
                name, organisation = split_name_and_organisation(part)
            elif name is None and NAME.match(part) and 2 <= len(part.split()) <= 5:
                name = clean_name(part)
    return ContactCard(name=name, organisation=organisation, email=email, function=function)


# Words of a sentence, not of a name: « ok pour moi », « euh attendez » are no one's name.
CHAT_WORDS = frozenset({"ok", "oki", "oui", "ouais", "non", "euh", "bof", "hmm", "bon", "bien", "parfait", "super",
                        "attendez", "attends", "svp", "stp", "bonjour", "merci", "daccord", "go", "top", "nickel"})


def only_a_name(name: str) -> bool:
    """Two to four words, none of them a word of a sentence (spaCy's French stop words, CHAT_WORDS)."""
    from spacy.lang.fr.stop_words import STOP_WORDS  # a list of words: no model is loaded

    words = fold(name).text.replace("'", " ").split()
    return 2 <= len(words) <= 4 and not any(w in CHAT_WORDS or w in STOP_WORDS for w in words)


def contact_given(text: str) -> Dict[str, str]:
    """The booking fields a message surely gives (booking_name, booking_organisation, booking_email):
    an address, an organisation, or a name that is only a name; empty otherwise."""
    card = read_contact(text)
    if card.name is not None and not only_a_name(card.name):
        return {}  # « nous sommes une commune qui … » is a sentence, not a name and an organisation
    if not (card.email or card.organisation or card.name):
        return {}
    return {slot: value for slot, value in (("booking_name", card.name), ("booking_organisation", card.organisation),
                                            ("booking_email", card.email)) if value is not None}
