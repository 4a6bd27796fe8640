"""The entities of a French message with their canonical values, without Rasa: what the NLU
components of addons/components/entity_extractors.py report, so that tests can check the values themselves.

- amount_entities: budget (TTC), population and departement_count, through orientation.language.amounts;
- lexicon_entities: applicant_type, project_nature, call_code and call_aspect, through `lexicon`: the
  vocabulary of orientation/language/lexicon.yml and the names of the catalogue's calls;
- territory_entities: territory, the places named, through orientation.territories, as « kind:code »
  (homonyms « kind:code|kind:code », for the user to choose from);
- booking_entities: booking_reference and email, read as orientation/booking reads them.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Callable, Dict, List, Tuple

from orientation import territories
from orientation.eligibility.call_choice import call_names
from orientation.language import amounts
from orientation.language.contacts import find_emails, find_references
from orientation.language.lexicon import Lexicon
from orientation.territories.coverage import encode

logger = logging.getLogger(__name__)
Span = Tuple[int, int]
# The lexicon the product reads with: the catalogue is read on the first message, not on import.
lexicon = Lexicon(call_names)


def amount_entities(text: str) -> List[Dict[str, Any]]:
    """Population and départements as found; of the amounts of euros, the total only: the parts
    (« dont 200k de salaires ») and the amounts that may each be the total are read by
    actions/profile_slots.py with amounts.read_budget."""
    total = amounts.read_budget(text).total
    found = amounts.extract_quantities(text)
    # A negative amount is no total, but it is reported, so that the bot says why it is refused.
    wrong = [q for q in found if q.kind == "budget" and q.negative][:1] if total is None else []
    # A call's cap or a bound asked about (« le plafond de 3 M€ ? ») is not the project's, and one end
    # of a range or of an alternative (« entre 200 000 et 250 000 habitants ») is no value on its own.
    # The total as read_budget reads it (« le 1,2M c'est HT » is 1 440 000 € TTC), in its place.
    found = [total if total is not None and (q.start, q.end) == (total.start, total.end) else q for q in found]
    found = [q for q in found if q.owned and (q == total or not q.choice)]
    return [{"entity": amounts.FIELD_OF_KIND[q.kind], "start": q.start, "end": q.end, "value": q.value}
            for q in found if q.kind in amounts.FIELD_OF_KIND and (q.kind != "budget" or q == total or q in wrong)]


def _email_spans(text: str) -> Tuple[List[Span], Callable[[int, int], bool]]:
    """The spans of e-mail addresses: « marie@mairie-lyon.fr » names neither a mairie nor Lyon."""
    spans = [(start, end) for start, end, _ in find_emails(text)]
    return spans, lambda start, end: any(s <= start and end <= e for s, e in spans)


@lru_cache(maxsize=64)  # the lexicon and the territory extractors both ask, for the same message
def places(text: str) -> Tuple[territories.Mention, ...]:
    """The places named in a message, outside e-mail addresses; none, with a warning, when the
    index was not built."""
    try:
        found = territories.find(text)
    except territories.IndexMissing as error:
        logger.warning("%s", error)
        return ()
    _, inside = _email_spans(text)
    return tuple(m for m in found if not inside(m.start, m.end))


def lexicon_entities(text: str) -> List[Dict[str, Any]]:
    # Words inside an amount ("trois départements") or an e-mail address are not applicant
    # types. The words of a place that do not say who speaks count only when nothing else does:
    # « la préfecture … couvre le département du Nord » is a préfecture, « la région Occitanie,
    # projet de 2 M€ » a région (and actions/profile_slots.py does not let such words replace a
    # type already known).
    skip = [(q.start, q.end) for q in amounts.extract_quantities(text)] + _email_spans(text)[0]
    found = lexicon.entities(text, skip + [(m.start, m.end) for m in places(text) if m.applicant_type is None])
    if not any(m.entity == "applicant_type" for m in found):
        found += [m for m in lexicon.entities(text, skip) if m.entity == "applicant_type"]
    result = [{"entity": m.entity, "start": m.start, "end": m.end, "value": m.value}
              for m in sorted(found, key=lambda m: m.start)]
    # Several themes named (« former nos agents … aux métiers du numérique »): the lexicon keeps the
    # first, and lists them all so that the theme model (addons/components/theme_classifier.py) can choose.
    themes = list(dict.fromkeys(m.value for m in lexicon.find(text, skip) if m.entity == "project_nature" and not m.weak))
    for entity in result:
        if entity["entity"] == "project_nature" and len(themes) > 1:
            entity["candidates"] = themes
    return result


def territory_entities(text: str) -> List[Dict[str, Any]]:
    return [{"entity": "territory", "start": m.start, "end": m.end, "value": encode(m.territories)}
            for m in places(text)]


def booking_entities(text: str) -> List[Dict[str, Any]]:
    found = [{"entity": "booking_reference", "start": start, "end": end, "value": reference}
             for start, end, reference in find_references(text)]
    found += [{"entity": "email", "start": start, "end": end, "value": email}
              for start, end, email in find_emails(text)]
    return found
