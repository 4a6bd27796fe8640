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
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple

from orientation import territories
from orientation.eligibility.call_choice import call_names
from orientation.language import amounts, project_gate, speaker
from orientation.language.contacts import find_emails, find_references
from orientation.language.fold import fold
from orientation.language.lexicon import Lexicon
from orientation.language.normalise import normalise
from orientation.language.theme_units import speaker_units
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
    if total is not None and total not in found:  # a sum (« 100k de presta + 50k de licences »): its parts go
        found = [q for q in found if q.kind not in ("budget", "number") or not total.start <= q.start < total.end]
        found = sorted(found + [total], key=lambda q: q.start)
    found = [q for q in found if q.owned and (q == total or not q.choice)]
    return [{"entity": amounts.FIELD_OF_KIND[q.kind], "start": q.start, "end": q.end, "value": q.value}
            for q in found if q.kind in amounts.FIELD_OF_KIND and (q.kind != "budget" or q == total or q in wrong)]


# What names no place nor body though it holds their words: an e-mail domain alone (« @cantal.fr »,
# « cantal.fr »), a web address.
_DOMAIN = re.compile(r"@\S+|\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|gouv|info|re)\b",
                     re.IGNORECASE)


def _not_places(text: str) -> List[Span]:
    """The spans of e-mail addresses, domains and booking references: « marie@mairie-lyon.fr » names
    neither a mairie nor Lyon, « DN-7K2M59 » no département."""
    spans = [(start, end) for start, end, _ in find_emails(text)]
    spans += [(m.start(), m.end()) for m in _DOMAIN.finditer(text)]
    return spans + [(start, end) for start, end, _ in find_references(text)]


# « à la Réunion, pas Saint-Pierre-et-Miquelon », « non pas en Guyane »: a place denied is not the speaker's.
_DENIAL = {"pas", "non", "jamais"}
_BEFORE_A_PLACE = {"a", "au", "aux", "en", "dans", "ds", "de", "du", "des", "la", "le", "les", "l", "sur"}


def _denied(text: str, start: int) -> bool:
    before = speaker.words_before(text, start)
    while before and before[-1] in _BEFORE_A_PLACE:
        before.pop()
    return bool(before) and before[-1] in _DENIAL


_JOINED = re.compile(r"[\s,]*(?:et|ou)\s+(?:(?:l'|l’|le|la|les|du|des|de la|de l'|en|à)\s*)?")


def places(text: str) -> Tuple[territories.Mention, ...]:
    """The places named in a message, outside e-mail addresses and booking references, and not
    named only as another body's (« en partenariat avec la ville de Crest »); none, with a
    warning, when the index was not built."""
    return _places_and_partners(text)[0]


@lru_cache(maxsize=64)  # the lexicon and the territory extractors both ask, for the same message
def _places_and_partners(text: str) -> Tuple[Tuple[territories.Mention, ...], Tuple[territories.Mention, ...]]:
    try:
        found = territories.find(text)
    except territories.IndexMissing as error:
        logger.warning("%s", error)
        return (), ()
    hidden = _not_places(text)
    kept, partners, partner, previous_end = [], [], False, None
    for m in found:
        # « avec le Nord et le Pas-de-Calais »: the places joined to a partner are partners too
        joined = previous_end is not None and _JOINED.fullmatch(text[previous_end:m.start].lower())
        partner = speaker.partner(text, m.start) or bool(partner and joined)
        previous_end = m.end
        if any(s < m.end and m.start < e for s, e in hidden) or _denied(text, m.start):
            continue
        (partners if partner else kept).append(m)
    return tuple(kept), tuple(partners)


def lexicon_entities(text: str) -> List[Dict[str, Any]]:
    """Applicant type, themes, calls and their aspects (copies: the extractors add their own keys)."""
    return [dict(e) for e in _lexicon_entities(text)]


@lru_cache(maxsize=64)  # the territory extractor asks who speaks too (own_places), for the same message
def _lexicon_entities(text: str) -> Tuple[Dict[str, Any], ...]:
    # Words inside an amount ("trois départements") or an e-mail address are not applicant types, nor
    # the words of a place that do not say who speaks (« le Nord »).
    skip = [(q.start, q.end) for q in amounts.extract_quantities(text)] + _not_places(text)
    # nor the theme words of the speaker's unit (« je suis le service data de la région »)
    skip += speaker_units(text, [(m.start, m.end, m.value) for m in lexicon.find(text, skip)
                                 if m.entity == "project_nature"])
    named = places(text)
    found = [m for m in lexicon.entities(text, skip + [(m.start, m.end) for m in named if m.applicant_type is None])
             if m.entity != "applicant_type"]
    result = [{"entity": m.entity, "start": m.start, "end": m.end, "value": m.value} for m in found]
    result += applicant_entities(text, lexicon.find(text, skip), named)
    result.sort(key=lambda e: e["start"])
    # Several themes named (« former nos agents … aux métiers du numérique »): the lexicon keeps the
    # first, and lists them all so that the theme model (addons/components/theme_classifier.py) can choose;
    # a generic word alone (« data » in « recruter des data engineers ») is marked weak: the model's
    # confident reading of the whole message may replace it. A word that decides the theme (« un poc
    # sur nos données », lexicon.yml's project_nature_first) leaves the model nothing to choose.
    said = [m for m in lexicon.find(text, skip) if m.entity == "project_nature"]
    # No theme from who speaks, its structure or partners, nor from a message that describes no project
    # (orientation/language/project_gate.py); a solution spread elsewhere is extension_territoriale.
    describes, about_others, spread = theme_gate(text)
    if not describes:
        return [e for e in result if e["entity"] != "project_nature"]
    result = [e for e in result if e["entity"] != "project_nature" or not _inside(e["start"], about_others)]
    said = [m for m in said if not _inside(m.start, about_others)]
    if spread is not None:
        result = [e for e in result if e["entity"] != "project_nature"]
        result.append({"entity": "project_nature", "start": spread[0], "end": spread[1], "value": SPREAD_THEME})
        result.sort(key=lambda e: e["start"])
        return result
    themes = list(dict.fromkeys(m.value for m in said if not m.weak))
    for entity in result:
        if entity["entity"] != "project_nature" or any(m.first for m in said):
            continue
        if len(themes) > 1:
            entity["candidates"] = themes
        elif not themes:
            entity["weak"] = True
    return tuple(result)


SPREAD_THEME = "extension_territoriale"


def _inside(start: int, spans: List[Span]) -> bool:
    return any(s <= start < e for s, e in spans)


def theme_gate(text: str) -> Tuple[bool, List[Span], Optional[Span]]:
    """Of a normalised message: whether it describes a project (places named say nothing of it), the
    clauses that say who speaks, its structure or partners (no theme is read from them), and the span
    that says a solution is spread elsewhere, if any (orientation/language/project_gate.py)."""
    return (project_gate.describes_project(text, _place_spans(text)), project_gate.speaker_clauses(text),
            project_gate.spread_span(text))


@lru_cache(maxsize=64)  # the lexicon extractor and the theme model both ask, for the same message
def _place_spans(text: str) -> List[Span]:
    try:
        return [(m.start, m.end) for m in territories.find(text)]
    except territories.IndexMissing:
        return []


def theme_hidden_spans(text: str) -> Tuple[str, List[Span]]:
    """For the theme model, of a message as typed: what it may do (READ: fill the slot when confident;
    ASK: offer its likeliest themes as buttons, never fill, as the only words that may carry a project
    are inside the clauses about who speaks, « nous sommes un syndicat qui gère les déchets »; NOTHING:
    the message describes no project), and the spans (of the text as typed) it must not read: the
    theme words that name the speaker's unit. The model reads the clauses about who speaks: hidden,
    they cost it themes said inside them (measured on the conversation sets)."""
    read = normalise(text)
    describes = theme_gate(read.text)[0]
    if not describes and not project_gate.describes_project(read.text, _place_spans(read.text), who_counts=True):
        return NOTHING, []
    said = [(m.start, m.end, m.value) for m in lexicon.find(read.text) if m.entity == "project_nature"]
    return READ if describes else ASK, [read.span(start, end) for start, end in speaker_units(read.text, said)]


READ, ASK, NOTHING = "read", "ask", "nothing"


def applicant_entities(text: str, matches, named) -> List[Dict[str, Any]]:
    """Who speaks (orientation/language/speaker.py), from the lexicon's words and the places named
    with the word of their body (« CD du Cantal », « cc de Marie-Galante »): one applicant_type, and
    the bodies named as others (« pour les associations ») with the role « other », which fills no
    slot but lets a question about them be answered."""
    bodies = [m for m in named if m.applicant_type]
    # a generic word named with its place (« ville de Tarbes ») is as specific as a body's own word
    candidates = [speaker.Candidate(m.applicant_type, m.start, m.end,
                                    weak=any(w.weak for w in matches if w.entity == "applicant_type"
                                             and m.start <= w.start < m.end) and m.applicant_type != "commune")
                  for m in bodies]
    # the body of a partner's place (« avec Nantes Métropole ») is another body, never who speaks
    partners = [(m.start, m.end) for m in _places_and_partners(text)[1]]
    partner_bodies = [speaker.Candidate(m.value, m.start, m.end) for m in matches if m.entity == "applicant_type"
                      and any(s <= m.start < e for s, e in partners)]
    candidates += [speaker.Candidate(m.value, m.start, m.end, m.weak, lexicon.plural(m)) for m in matches
                   if m.entity == "applicant_type" and not any(b.start <= m.start < b.end for b in bodies)
                   and not any(s <= m.start < e for s, e in partners)]
    whole = lexicon.whole_message(text) if not candidates else None
    if whole:  # « CA », « c une cc »: the answer to « Quelle structure porte le projet ? »
        candidates = [speaker.Candidate(whole.value, whole.start, whole.end)]
    chosen = speaker.choose(text, candidates)
    if chosen and _joined_carrier(text, chosen, candidates):
        chosen = None  # « la commune et l'agglo »: two collectivités carry it; the bot asks which applies
    if chosen and chosen.value == "groupement_collectivites" and speaker.gip_with_others(text, chosen):
        chosen = replace(chosen, value="gip")  # « un GIP qui regroupe l'État et la région » (contract §3)
    plural_others = [c for c in candidates if c.plural and c is not chosen]
    # « speaker »: said as who speaks (« je suis… », « on est… »), not only named
    result = [{"entity": "applicant_type", **_word_span(chosen, matches), "value": chosen.value,
               "speaker": speaker.position(text, chosen.start) == speaker.SPEAKER}] if chosen else []
    others = [c for c in candidates if speaker.position(text, c.start) == speaker.OTHER or c in plural_others]
    others += partner_bodies
    result += [{"entity": "applicant_type", **_word_span(c, matches), "value": c.value, "role": "other"}
               for c in others if c.value != (chosen.value if chosen else None)][:1]
    return result


# Collectivités that may carry a project together; named side by side, neither is the applicant alone.
_CARRIERS = {"commune", "epci", "departement", "region", "collectivite_outre_mer"}
# Bodies whose place says where they sit, not whom the project serves (« l'EHPAD public de Mauriac »,
# « France Travail, direction régionale Occitanie », « CAF du Gers », « un habitant de Lunel »): no
# call of theirs depends on a population, so a place of theirs counts only when said covered.
_SEATED = {"operateur_etat", "etablissement_public_sante", "administration_centrale", "particulier"}
# A State service speaks for the area in its name (« la DDT du Gers »), unless the message says what
# the project covers (« DREAL Hauts-de-France, le projet couvre le Nord et le Pas-de-Calais »).
_SERVING = {"service_deconcentre"}


def _joined_carrier(text: str, chosen: speaker.Candidate, candidates) -> bool:
    """Another collectivité of another kind joined to the speaker's by « et » (« on est la commune et
    l'agglo », « la mairie et la comcom du Crestois »), not named as another body."""
    if chosen.value not in _CARRIERS:
        return False
    for other in candidates:
        if other.value == chosen.value or other.value not in _CARRIERS or other.plural:
            continue
        first, second = sorted((chosen, other), key=lambda c: c.start)
        between = text[first.end:second.start].lower()
        if re.fullmatch(r"[\s,]*(?:et|&)\s+(?:(?:l'|l’|l|le|la|les|une|un|notre|son|sa)\s*)?", between) \
                and speaker.position(text, other.start) != speaker.OTHER:
            return True
    return False


def territory_entities(text: str) -> List[Dict[str, Any]]:
    return [{"entity": "territory", "start": m.start, "end": m.end, "value": encode(m.territories)}
            for m in own_places(text)]


# Words before a place that say the project covers it (« le projet couvre le Nord et le Pas-de-Calais »,
# « sur toute la région Bretagne », « on intervient sur le Gers »).
_COVERAGE = {"couvre", "couvrir", "couvrant", "couvrira", "couvert", "concerne", "concernera", "concernant", "vise",
             "visant", "cible", "ciblant", "territoire", "echelle", "ensemble", "habitants", "porte", "portera",
             "toute", "tout", "toutes", "tous", "intervient", "intervenons", "intervenir", "perimetre", "ressort",
             "competent", "competente", "competence"}
# A branch named after the body: « France Travail, direction régionale Occitanie ».
_BRANCH = re.compile(r"\b(?:direction|delegation|agence|antenne)s? (?:regionale|departementale|territoriale)s?"
                     r"(?: (?:de la|de l|du|des|de|d|en))?\s*$")


def _covered(text: str, start: int) -> bool:
    """The words before the place say it is covered: « le projet couvre… », « sur toute la… »."""
    before = speaker.words_before(text, start)[-speaker.WINDOW:]
    # « groupement hospitalier de territoire en Bretagne »: the body's name, not the place covered
    before = [w for k, w in enumerate(before) if not (w == "territoire" and before[max(0, k - 2):k] in (
        ["hospitalier", "de"], ["hospitaliers", "de"]))]
    working_on = [k for k, w in enumerate(before) if w == "sur" and {"travaille", "travaillons", "agit", "agissons"}
                  & set(before[max(0, k - 3):k])]
    return bool(_COVERAGE & set(before)) or bool(working_on)


def _attached(text: str, body_end: int, start: int) -> bool:
    """The place follows the body's word with only links between (« CAF du Gers », « ARS, Occitanie »),
    or names its regional or departmental branch."""
    between = fold(text[body_end:start]).text
    return bool(re.fullmatch(r"[\s,\-]*(?:(?:de la|de l|du|des|de|d)\b[\s']*)?", between)
                or _BRANCH.search(" ".join(speaker.words_before(text, start)[-6:])))


def _counted_once(named: Tuple[territories.Mention, ...]) -> Tuple[territories.Mention, ...]:
    """A commune named with its own EPCI (« Ville de Brest et Brest Métropole ») is inside it: the EPCI's
    inhabitants count it once (the EPCI's main town, or its name in the EPCI's)."""
    epcis = [m.territories[0] for m in named if len(m.territories) == 1 and m.territories[0].kind == "epci"]
    if not epcis:
        return named
    index = territories.load_index()

    def inside(commune) -> bool:
        words = set(territories.key(commune.name).split())
        return any(index.centred_on(commune) == e or words <= set(territories.key(e.name).split()) for e in epcis)
    return tuple(m for m in named if not (len(m.territories) == 1 and m.territories[0].kind == "commune"
                                          and inside(m.territories[0])))


def own_places(text: str) -> Tuple[territories.Mention, ...]:
    """The places of the speaker's own territory. The place named with the speaker's body (« la mairie
    de Crest ») is theirs; the others said around it say where it lies or what it belongs to (« dans
    la CC du Crestois, dans la Drôme », « membre du Grand Auch »), unless joined to it (« la DDT du Gers
    et du Lot ») or said as covered (« le projet couvre aussi le Lot »). A body that names no place of
    its own keeps the places named, but not those of its relative clause (« une start-up qui travaille
    pour la métropole de Lyon ») unless said covered (« un syndicat qui couvre tout le Cantal »)."""
    named = places(text)
    said = next((e for e in _lexicon_entities(text) if e["entity"] == "applicant_type" and "role" not in e), None)
    if not named or said is None:
        return _counted_once(named)
    covered = tuple(m for m in named if _covered(text, m.start))
    if said["value"] in _SEATED or (covered and said["value"] in _SERVING):
        return _counted_once(covered)
    own = next((m for m in named if m.start <= said["start"] < m.end), None)
    if own is None:
        body = speaker.Candidate(said["value"], said["start"], said["end"])
        # its relative clause names another body's place, unless it says the body covers it (« un
        # syndicat mixte qui couvre tout le département de la Manche »)
        named = tuple(m for m in named if not speaker.in_its_clause(text, body, speaker.Candidate("", m.start, m.end))
                      or m in covered)
        if said["value"] in _CARRIERS:
            # « je suis au conseil départemental, en Gironde »: a collectivité's place is its own, but not
            # another collectivité's (« la commune de Crest, le projet est porté par la CC »)
            return _counted_once(tuple(m for m in named if m.applicant_type in (None, said["value"])
                                       or m.applicant_type not in _CARRIERS))
        # a ministry, an operator, a State service: a place said in passing (its seat, a meeting, a pilot
        # site, « à Paris ») is not the territory it covers, unless attached to it (« CAF du Gers ») or covered
        return tuple(m for m in named if m in covered or _attached(text, said["end"], m.start))
    if own.ambiguous:
        return named  # a homonym: the area said elsewhere settles it (actions/profile_slots.py)
    kept, previous = [], None
    for m in named:
        joined = previous is not None and _JOINED.fullmatch(text[previous.end:m.start].lower())
        if m is own or m in covered or joined and previous in kept:
            kept.append(m)
        previous = m
    return _counted_once(tuple(kept))


def booking_entities(text: str) -> List[Dict[str, Any]]:
    found = [{"entity": "booking_reference", "start": start, "end": end, "value": reference}
             for start, end, reference in find_references(text)]
    found += [{"entity": "email", "start": start, "end": end, "value": email}
              for start, end, email in find_emails(text)]
    return found


def _word_span(candidate, matches) -> Dict[str, int]:
    """Where the body's own word is (« mairie » in « mairie de Pau »): the place named with it is the
    territory entity's span; the whole mention when the lexicon has no word inside it (« cd93 »)."""
    inner = [w for w in matches if w.entity == "applicant_type" and candidate.start <= w.start < candidate.end]
    return {"start": inner[0].start, "end": inner[0].end} if inner else {"start": candidate.start, "end": candidate.end}
