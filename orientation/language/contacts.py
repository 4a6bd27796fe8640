"""What the user types for the booking, as text: email, name, organisation, booking reference.

The one definition of an email address and of a booking reference (« DN-7K3P9Q »): the store,
the form checks and the NLU extractor (addons/components/entity_extractors.py) all read them here.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, List, Optional, Tuple

from email_validator import EmailNotValidError, validate_email

MAX_NAME = 120
MAX_ORGANISATION = 200
MAX_EMAIL = 254  # RFC 5321 path limit

# Domains that can never receive mail (RFC 2606 and RFC 6761): an advisor could not write back.
RESERVED_DOMAINS = re.compile(r"(^|\.)(example\.(com|net|org)|test|example|invalid|localhost)$")
ADDRESS_IN_TEXT = re.compile(r"[^\s,;:<>()\[\]\"«»]+@[^\s,;:<>()\[\]\"«»]+")
# No 0/O, 1/I/L: a reference read over the phone or copied by hand stays unambiguous.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "DN-"
REFERENCE_LENGTH = 6
# A reference in a message, in any case, with or without the dash ("dn 7k3p9q"); any letter or
# digit is read, so that a mistyped one is answered « not found » rather than ignored.
REFERENCE_IN_TEXT = re.compile(rf"\bDN[-\s]?([A-Z0-9]{{{REFERENCE_LENGTH}}})\b", re.IGNORECASE)
# Markup and template characters: the text goes into a web page, a terminal, a CSV and an .ics.
MARKUP = re.compile(r"<[^>]*>|[<>{}\[\]\\`|*_#~^$=]")


def _address_candidates(text: object) -> List[Tuple[int, int, str]]:
    """Every word with an @: (start, end, the word without a final dot or surrounding quotes)."""
    found = []
    for match in ADDRESS_IN_TEXT.finditer(str(text or "")):
        word = match.group().rstrip(".")  # "marie@lyon.fr." at the end of a sentence
        start = match.start() + len(word) - len(word.lstrip("'"))
        word = word.strip("'")  # "'marie@lyon.fr'"
        found.append((start, start + len(word), word))
    return found


def _checked(address: str) -> Optional[str]:
    """The address in lower case when it is one, else None. The syntax is email-validator's (RFC
    5321/5322 as mail servers accept it: no two dots in a row, a domain with a dot, internationalised
    domains); not accepted here: quoted local parts, IP literals, reserved domains."""
    if address.count("@") != 1 or len(address) > MAX_EMAIL:
        return None
    try:
        checked = validate_email(address, check_deliverability=False, allow_quoted_local=False,
                                 allow_domain_literal=False)
    except EmailNotValidError:
        return None
    email = checked.normalized.lower()
    domain = email.split("@", 1)[1]
    top = domain.rsplit(".", 1)[-1]
    if RESERVED_DOMAINS.search(domain) or len(email) > MAX_EMAIL or len(top) < 2 or top.isdigit():
        return None  # « lyon.f » is a typo: no top-level domain has one letter
    return email


def email_identity(email: object) -> str:
    """Who an address reaches, for the one-booking-per-address limit: « name+tag@x » and « name@x »
    are one mailbox on nearly every server (sub-addressing, RFC 5233), so they count as one."""
    local, _, domain = str(email or "").strip().lower().partition("@")
    return f"{local.split('+', 1)[0]}@{domain}" if domain else local


def find_emails(text: object) -> List[Tuple[int, int, str]]:
    """The valid addresses in a message: (start, end, address in lower case)."""
    return [(start, end, email) for start, end, word in _address_candidates(text)
            for email in [_checked(word)] if email]


def valid_email(text: object) -> Optional[str]:
    """The address, trimmed and lower-cased, found alone or in a sentence; None when there is none,
    or when the text holds two different ones (distinct_emails: the caller asks which).

    The syntax is checked by email-validator (see _checked); whether the address exists is not
    (that needs a mail server: a refusal is seen when the confirmation is sent). Any provider is
    accepted: small communes often use a personal-looking address, so « professional » is not enforced.
    """
    candidates = _address_candidates(text)
    return _checked(candidates[0][2]) if len(candidates) == 1 else None


def distinct_emails(text: object) -> List[str]:
    """The different valid addresses of a message, in the order typed."""
    found: List[str] = []
    for _, _, email in find_emails(text):
        if email not in found:
            found.append(email)
    return found


def normalise_reference(reference: Any) -> str:
    """'dn 7k3p9q', 'DN7K3P9Q', '7K3P9Q' -> 'DN-7K3P9Q' (spaces, dashes and case do not matter)."""
    code = "".join(c for c in str(reference or "").upper() if c.isalnum())
    if code.startswith("DN") and len(code) == len("DN") + REFERENCE_LENGTH:
        code = code[2:]
    return REFERENCE_PREFIX + code


def find_references(text: object) -> List[Tuple[int, int, str]]:
    """The booking references in a message: (start, end, reference as stored, « DN-7K3P9Q »)."""
    return [(m.start(), m.end(), normalise_reference(m.group(1))) for m in REFERENCE_IN_TEXT.finditer(str(text or ""))]


# What looks like a reference typed wrong: « DN-4821 » (too short), « DN-7K3P9QX ».
REFERENCE_LIKE = re.compile(r"\bDN[-\s]?[A-Z0-9]{2,12}\b", re.IGNORECASE)


def malformed_references(text: object) -> List[str]:
    """The codes a message gives as a reference that cannot be one (their length is wrong), as typed."""
    text = str(text or "")
    return [m.group(0) for m in REFERENCE_LIKE.finditer(text) if not REFERENCE_IN_TEXT.fullmatch(m.group(0))]


def clean_text(text: object, max_length: int = MAX_NAME) -> Optional[str]:
    """Text without markup, control or invisible characters, spaces collapsed; None when empty,
    longer than `max_length`, or without a single letter."""
    normalised = unicodedata.normalize("NFC", str(text or ""))
    # Control, format (zero-width, bidi overrides) and unassigned characters become spaces.
    visible = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in normalised)
    cleaned = " ".join(MARKUP.sub(" ", visible).split()).strip(" -,;")
    if not cleaned or len(cleaned) > max_length or not any(c.isalpha() for c in cleaned):
        return None
    return cleaned


def clean_name(text: object) -> Optional[str]:
    """A person's name: « Marie Dupont », « Jean-Pierre d'Arc » (at most 120 characters)."""
    return clean_text(text, MAX_NAME)


def clean_organisation(text: object) -> Optional[str]:
    """An organisation: « Mairie de Lyon », « DDT du Rhône (69) » (at most 200 characters)."""
    return clean_text(text, MAX_ORGANISATION)
