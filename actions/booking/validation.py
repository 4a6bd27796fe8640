"""Checking what the user types for the booking: email, name, organisation."""
from __future__ import annotations

import re
from typing import Optional

# A professional address as people type it: local part, @, a domain with at least one dot and a
# TLD of letters. Not the full RFC 5322 grammar: quoted local parts and IP literals are refused on
# purpose, since an advisor must be able to write back to it.
EMAIL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._%+'-]{0,62}[A-Za-z0-9_%+-])?"
                   r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$")
MAX_TEXT = 120
MARKUP = re.compile(r"<[^>]*>|[<>{}\[\]\\`]")


def valid_email(text: str) -> Optional[str]:
    """The address, trimmed and lower-cased, found alone or in a sentence; None when there is none."""
    candidates = re.findall(r"[^\s,;:<>()\"«»]+@[^\s,;:<>()\"«»]+", str(text or ""))
    if len(candidates) != 1:
        return None
    email = candidates[0].rstrip(".").lower()
    if ".." in email or len(email) > 254 or not EMAIL.match(email):
        return None
    return email


def clean_text(text: object) -> Optional[str]:
    """A name or an organisation without markup, spaces collapsed; None when nothing usable is left."""
    cleaned = " ".join(MARKUP.sub(" ", str(text or "")).split())
    if not cleaned or len(cleaned) > MAX_TEXT or not any(c.isalpha() for c in cleaned):
        return None
    return cleaned
