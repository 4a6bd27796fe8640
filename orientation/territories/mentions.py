"""Places named in a French message: « la mairie de Rennes », « Bordeaux Métropole »,
« le Nord et le Pas-de-Calais », « le conseil départemental de la Gironde », « le 59 ».

A commune is only recognised after a word that announces it (mairie, maire, ville, commune de…) or
with its département after it (« Crest (26) », « Montreuil 93 », « Crest, dans la Drôme »): too
many French words are also commune names. Départements, régions and overseas collectivités are
recognised after an article too (« le Nord », « en Bretagne »), except the names that are common
words (« la somme », « le lot »), which need a capital or the word « département ». An EPCI is
found by its name, its legal form before or after part of its name (« l'agglo de Vannes », « Vannes
Agglomération »), or its official acronym in capitals.

Each mention carries the body it is named with (« CD du Cantal »: a département), if any; whether
that body is who speaks is decided by orientation/language/speaker.py. Words after which a name is
no place of the user's (a time zone, a street, a person) and areas that only locate a smaller body
(« une petite commune du Gers ») are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import List, Optional, Sequence, Tuple

from orientation.language.act_words import CORRECTION_WORDS, HEDGED_CORRECTION, NO_START
from orientation.language.dictionary import is_french_word
from orientation.language.fold import MONTHS, WEEKDAYS
from orientation.language.lexicon import one_typo
from orientation.language.speaker import BODY_ADJECTIVES, FILLERS, SPEAKER, TOWN_ROLES, WINDOW, position

from . import near_names
from .index import OPTIONAL_NAME_WORDS, SINGLE_COLLECTIVITES, Index, Territory, key, load_index

AREA_KINDS = ("departement", "region", "collectivite_outre_mer")


@dataclass(frozen=True)
class Trigger:
    words: Tuple[str, ...]  # folded words
    kinds: Tuple[str, ...]  # what may follow
    applicant_type: Optional[str] = None  # who is speaking, when the words say it
    upper: bool = False  # an abbreviation that counts only in capitals or before « de » (« CA », not « ça »)


def _t(words: str, kinds: Sequence[str], applicant: Optional[str] = None, upper: bool = False) -> Trigger:
    return Trigger(tuple(words.split()), tuple(kinds), applicant, upper)


DEPARTEMENT_KINDS = ("departement", "collectivite_outre_mer")
SERVICE_AREA_KINDS = ("departement", "region", "collectivite_outre_mer")
STATE_SERVICES = ("prefecture", "pref", "prefecture de region", "prefecture de la region", "sgar", "ddt", "ddtm",
                  "ddfip", "drfip", "dreal", "dreets", "ddets", "ddpp", "ddcs", "ddcspp", "dsden", "draaf",
                  "drac", "rectorat", "deal", "direction departementale des territoires",
                  "direction departementale des finances publiques", "direction regionale des finances publiques")
# Those that serve one département: named by the town they sit in, they serve the département it is
# the seat of (a rectorat or a DREAL sits in a town that heads more than one)
DEPARTEMENT_SERVICES = {"prefecture", "pref", "ddt", "ddtm", "ddfip", "ddets", "ddpp", "ddcs", "ddcspp", "dsden",
                        "direction departementale des territoires", "direction departementale des finances publiques"}

STATE_OPERATORS = ("ars", "agence regionale de sante", "caf", "cpam", "urssaf", "msa", "carsat", "crous",
                   "france travail", "pole emploi")

TRIGGERS = sorted([
    _t("mairie", ["commune"], "commune"), _t("ville", ["commune"], "commune"),
    _t("commune", ["commune"], "commune"), _t("municipalite", ["commune"], "commune"),
    _t("maire", ["commune"], "commune"), _t("hotel de ville", ["commune"], "commune"),
    # the council and the services of a town, named with it: « conseil municipal de Lorient »
    _t("conseil municipal", ["commune"], "commune"), _t("services municipaux", ["commune"], "commune"),
    _t("service municipal", ["commune"], "commune"),
    _t("communaute de communes", ["epci"], "epci"), _t("communaute de commune", ["epci"], "epci"),
    _t("communaute d agglomeration", ["epci"], "epci"), _t("communaute d agglo", ["epci"], "epci"),
    _t("communaute urbaine", ["epci"], "epci"), _t("agglomeration", ["epci"], "epci"),
    _t("agglo", ["epci"], "epci"), _t("metropole", ["epci"], "epci"), _t("intercommunalite", ["epci"], "epci"),
    _t("interco", ["epci"], "epci"), _t("comcom", ["epci"], "epci"), _t("com com", ["epci"], "epci"),
    _t("com de com", ["epci"], "epci"), _t("comm de comm", ["epci"], "epci"), _t("cdc", ["epci"], "epci"),
    _t("communaute de cnes", ["epci"], "epci"), _t("cte de cnes", ["epci"], "epci"), _t("aglo", ["epci"], "epci"),
    _t("laglo", ["epci"], "epci"), _t("intercom", ["epci"], "epci"), _t("lintercom", ["epci"], "epci"),
    _t("cne", ["commune"], "commune"), _t("commune nouvelle", ["commune"], "commune"),
    _t("epci", ["epci"], "epci"),
    # the apostrophe dropped, as typed on a phone: « lagglo », « linterco »
    _t("lagglo", ["epci"], "epci"), _t("lagglomeration", ["epci"], "epci"), _t("linterco", ["epci"], "epci"),
    _t("leurometropole", ["epci"], "epci"),
    _t("cc", ["epci"], "epci"), _t("cu", ["epci"], "epci"), _t("ca", ["epci"], "epci", upper=True),
    _t("conseil departemental", DEPARTEMENT_KINDS, "departement"),
    _t("conseil dep", DEPARTEMENT_KINDS, "departement"), _t("conseil dept", DEPARTEMENT_KINDS, "departement"),
    _t("conseil general", DEPARTEMENT_KINDS, "departement"),
    _t("cd", DEPARTEMENT_KINDS, "departement"), _t("cg", DEPARTEMENT_KINDS, "departement"),
    _t("departement", DEPARTEMENT_KINDS, "departement"), _t("dept", DEPARTEMENT_KINDS, "departement"),
    _t("dep", DEPARTEMENT_KINDS, "departement"), _t("dpt", DEPARTEMENT_KINDS, "departement"),
    _t("departements", DEPARTEMENT_KINDS),
    _t("conseil regional", ["region", "collectivite_outre_mer"], "region"),
    _t("region", ["region", "collectivite_outre_mer"], "region"),
    # « CR Normandie »: in capitals or before « de » (« cr » is also a « compte rendu »)
    _t("cr", ["region", "collectivite_outre_mer"], "region", upper=True),
    _t("collectivite", ["collectivite_outre_mer"], "collectivite_outre_mer"),
    _t("collectivite territoriale", ["collectivite_outre_mer"], "collectivite_outre_mer"),
    _t("collectivite d outre mer", ["collectivite_outre_mer"], "collectivite_outre_mer"),
    _t("territoire", ["collectivite_outre_mer"], "collectivite_outre_mer"),
    # the social action centre of a commune or of an EPCI: its inhabitants, its own type (contract §3)
    *(_t(words, ["commune"], "etablissement_public_local") for words in (
        "ccas", "centre communal d action sociale", "ccas de la ville", "ccas de la mairie", "ccas de la commune")),
    *(_t(words, ["epci"], "etablissement_public_local") for words in (
        "cias", "centre intercommunal d action sociale", "cias de la cc", "cias de la communaute de communes",
        "cias de l agglo", "cias de la communaute d agglomeration", "cias de la comcom")),
    # the fire and rescue service of a département: a local public body serving the whole département
    *(_t(words, DEPARTEMENT_KINDS, "etablissement_public_local") for words in (
        "sdis", "service departemental d incendie et de secours")),
    # State services named with the area they serve (« DREAL Occitanie », « pref de l'Ain », the DEAL
    # overseas): the area's figures, the type stays service_deconcentre
    *(_t(words, SERVICE_AREA_KINDS, "service_deconcentre") for words in STATE_SERVICES),
    # State operators named with the area of their branch (« ARS Occitanie », « CAF du Gers »)
    *(_t(words, SERVICE_AREA_KINDS, "operateur_etat") for words in STATE_OPERATORS),
    _t("direction regionale", ["region", "collectivite_outre_mer"]),
], key=lambda t: -len(t.words))
TRIGGERS_BY_FIRST_WORD = {}  # this runs at every word of every message
for _trigger in TRIGGERS:
    TRIGGERS_BY_FIRST_WORD.setdefault(_trigger.words[0], []).append(_trigger)
# A trigger's word typed with the typo the lexicon tolerates (« comune de Tarbes », « comunaute de
# communes »): the body is read, so must its place be. Found through the words' one-letter deletions.
_TRIGGER_DELETIONS = {}
for _word in {w for t in TRIGGERS for w in t.words if len(w) >= 6}:
    for _cut in range(len(_word) + 1):
        _TRIGGER_DELETIONS.setdefault(_word[:_cut] + _word[_cut + 1:], set()).add(_word)


@lru_cache(maxsize=4096)
def _trigger_word(word: str) -> Optional[str]:
    """The trigger's word this word is, exactly or with one typo; never a plural nor a French word
    (« communes » are not a commune, « legion » is no « region »)."""
    if word in TRIGGERS_BY_FIRST_WORD or len(word) < 6:
        return word
    near = {w for cut in range(len(word) + 1) for w in _TRIGGER_DELETIONS.get(word[:cut] + word[cut + 1:], ())}
    near = [w for w in near if one_typo(word, w) and word not in (w + "s", w + "x")]
    return near[0] if len(near) == 1 and not is_french_word(word) else word


def _trigger_at(words: List[str], i: int, trigger: Trigger) -> bool:
    said = words[i:i + len(trigger.words)]
    return len(said) == len(trigger.words) and all(w == t or _trigger_word(w) == t for w, t in zip(said, trigger.words))
# Between the trigger and the name; « du Havre » is « le Havre », « des Mureaux » « les Mureaux ».
LINKS = [("de", "la"), ("de", "l"), ("du",), ("des",), ("de",), ("d",), ("la",), ("le",), ("les",), ("l",)]
ARTICLE_OF_LINK = {("du",): "le", ("des",): "les", ("au",): "le", ("aux",): "les"}
# What may stand before a département or région named alone.
ARTICLES = {"le", "la", "les", "l", "du", "des", "de", "d", "en", "au", "aux", "dans"}
# Département names that are also common words: alone, they count only with a capital.
COMMON_WORDS = {"somme", "lot", "manche", "cher", "var", "orne", "aude", "ain", "eure", "gard", "tarn", "vienne",
                "loire", "marne", "creuse", "centre", "charente", "indre", "landes", "oise", "meuse"}
# Directions: « au nord de la ville » is not the Nord.
NOT_AFTER_NORD = {"de", "d", "est", "ouest", "du"}
DEPARTEMENT_CODE = re.compile(r"^(?:\d{2,3}|2a|2b)$")
CALENDAR_WORDS = {key(word) for word in MONTHS + WEEKDAYS}


@dataclass(frozen=True)
class Mention:
    territories: Tuple[Territory, ...]  # several when the name is shared (homonyms), largest first
    start: int  # offsets in the original text
    end: int
    text: str
    applicant_type: Optional[str] = None  # « mairie de Rennes »: the speaker is a commune

    @property
    def ambiguous(self) -> bool:
        return len(self.territories) > 1


# « s/ » and « s/s » (sur, sous) are words of a name: « chalon s/ saone », « villiers s/s grez »
_WORD = re.compile(r"(?<![^\W_])s/s(?![^\W_])|(?<![^\W_])s/|[^\W_]+")


# « cd93 », « dept2A »: a département's abbreviation glued to its number is two words.
_GLUED_CODE = re.compile(r"^(cd|cg|dept|dep|dpt|ddt|ddtm|ddfip|ddpp|ddets|pref|dsden|sdis)(\d{2,3}|2a|2b)$")


def _tokens(text: str) -> List[Tuple[str, int, int, str]]:
    tokens = []
    for m in _WORD.finditer(text):
        for part in key(m.group()).split():  # « œ » or « St » may fold to another word, never to two
            glued = _GLUED_CODE.match(part) if len(part) == len(m.group()) else None
            if glued:
                cut = m.start() + len(glued.group(1))
                tokens.append((glued.group(1), m.start(), cut, text[m.start():cut]))
                tokens.append((glued.group(2), cut, m.end(), text[cut:m.end()]))
            else:
                tokens.append((part, m.start(), m.end(), m.group()))
    return tokens


def find(text: str, index: Optional[Index] = None) -> List[Mention]:
    """Every place named in `text`, in order."""
    index = index or load_index()
    tokens = _tokens(text or "")
    words = [t[0] for t in tokens]
    mentions: List[Mention] = []
    i = 0
    body_end = None  # the word after the last commune or EPCI named
    meetings = _meetings(tokens, words)
    while i < len(tokens):
        if i in meetings:  # « la réunion de lundi » is a meeting, not La Réunion
            i += 1
            continue
        found = (_after_trigger(index, tokens, words, i) or _alone(index, tokens, words, i)
                 or _qualified_commune(index, tokens, words, i, text or "") or _before_its_form(index, tokens, words, i)
                 or _named_alone(index, tokens, words, i) or _bare_commune(index, tokens, words, i, text or "")
                 or _where_the_town_hall_is(index, tokens, words, i) or _before_its_town_hall(index, tokens, words, i)
                 or _epci_by_its_adjective(index, tokens, words, i))
        if found and not _not_a_place(words, found[2]) and not _locates_a_body(words, found[0], found[2], body_end):
            mention, i, _ = found
            if mention.applicant_type is None and all(t.kind == "commune" for t in mention.territories) \
                    and _after_a_town_role(words, found[2]):
                mention = replace(mention, applicant_type="commune")
            mentions.append(replace(mention, text=text[mention.start:mention.end]))
            if any(t.kind in ("commune", "epci") for t in mention.territories):
                body_end = i
        else:
            i += 1
    return mentions


# « réunion » is a meeting after these words (« une réunion », « en réunion », « notre réunion »)…
MEETING_BEFORE = {"une", "des", "en", "cette", "notre", "nos", "ma", "mes", "votre", "vos", "sa", "ses", "leur",
                  "prochaine", "derniere", "premiere", "chaque", "grande", "petite", "courte", "visio", "pendant",
                  "apres", "avant", "depuis", "lors", "venir", "assister", "participer", "organiser", "organise",
                  "planifier", "prevoir", "fixer", "caler", "annuler", "reporter", "decaler"}
# … or before these, its date, its hour or its object (« la réunion de lundi », « du 12 », « de lancement »)
MEETING_AFTER = {"demain", "hier", "aujourd", "aujourdhui", "matin", "midi", "soir", "aprem", "lancement", "suivi",
                 "travail", "equipe", "service", "projet", "chantier", "copil", "cotech", "comite", "prevue",
                 "prevu", "annulee", "reportee", "decalee", "semaine", "mois", "rentree", "tout", "tantot", "ce",
                 "cet", "cette", "hebdo", "mensuelle", "prochaine", "derniere", "d", "h", "visio", "teams", "zoom",
                 "aura", "sera", "commence", "demarre", "finit", "termine"}


def _meetings(tokens, words: List[str]) -> set:
    """The words of « réunion » said as a meeting, its article and its date included: « on se voit à
    la réunion de lundi », « c pour la reunion du 12 », « en réunion ». The island keeps its capital
    (« à La Réunion ») unless a date follows it."""
    spans = set()
    for i, word in enumerate(words):
        if word not in ("reunion", "reunions"):
            continue
        k = i + 1
        while k < len(words) and words[k] in ("de", "du", "d", "des", "l", "le", "la", "a"):
            k += 1
        dated = k < len(words) and (words[k] in CALENDAR_WORDS or words[k] in MEETING_AFTER or words[k].isdigit())
        dated = dated and (k == i + 1 or words[i + 1] in ("de", "du", "d", "a") or words[k] in CALENDAR_WORDS)
        said_as = i > 0 and words[i - 1] in MEETING_BEFORE and not tokens[i][3][:1].isupper()
        if dated or said_as or words[i] == "reunions":
            first = i - 1 if i > 0 and words[i - 1] in ("la", "l", "une", "en") else i
            spans.update(range(first, (k + 1) if dated else i + 1))
    return spans


# Words after which a name is no place of the user's: a time zone (« heure de Paris »), a street
# (« 12 rue de Paris »), a person (« Mme Nancy »), a station or an airport.
NOT_A_PLACE_AFTER = {"heure", "heures", "h", "fuseau", "horaire", "rue", "avenue", "av", "bd", "boulevard", "allee",
                     "impasse", "chemin", "quai", "square", "cours", "route", "place", "pl", "gare", "aeroport",
                     "m", "mr", "mme", "mlle", "monsieur", "madame", "mademoiselle", "appelle", "signe"}
LINK_WORDS = {"de", "du", "des", "d", "la", "le", "les", "l"}


# Bodies smaller than a département: « une commune de la Drôme » is in the Drôme, it does not cover it.
SMALL_BODIES = {"commune", "communes", "ville", "mairie", "village", "bourg", "municipalite", "cc", "ca", "cu",
                "comcom", "com", "agglo", "interco", "intercommunalite", "communaute", "epci", "syndicat", "sivu",
                "sivom", "ccas", "cias", "ecole", "college", "lycee", "hopital", "ch", "chu", "ehpad", "hospitalier",
                "association", "asso", "entreprise", "startup", "pme"}
# What may stand between a body and the area it is in: « une petite commune rurale du Gers ».
BETWEEN_BODY_AND_AREA = BODY_ADJECTIVES | {"de", "du", "des", "d", "la", "le", "les", "l", "en", "dans", "a", "situee",
                                           "situe", "basee", "base"}


def _locates_a_body(words: List[str], mention: Mention, first: int, body_end: Optional[int]) -> bool:
    """A département or région named right after a smaller body (« une petite commune du Gers », « une
    cc dans le Cantal », « la CC de Marie-Galante, en Guadeloupe ») says where the body is, not what
    the project covers."""
    if mention.applicant_type or not all(t.kind in AREA_KINDS for t in mention.territories):
        return False
    k = first - 1
    while k >= 0 and words[k] in BETWEEN_BODY_AND_AREA:
        k -= 1
    return k >= 0 and (words[k] in SMALL_BODIES or k + 1 == body_end)


def _not_a_place(words: List[str], first: int) -> bool:
    """The words before the mention (links skipped) say it names no place of the user's."""
    k = first - 1
    while k >= 0 and words[k] in LINK_WORDS:
        k -= 1
    return k >= 0 and words[k] in NOT_A_PLACE_AFTER


def _longest_name(index: Index, words: List[str], i: int, kinds, article: Optional[str] = None):
    """(territories, end) for the longest name starting at word i, or at the article before it
    (« la Réunion », « du Havre » for « Le Havre »)."""
    starts = [([article], i)] if article else []
    starts.append(([], i))
    for prefix, at in starts:
        if at >= len(words):
            continue
        for length in index.name_lengths.get(prefix[0] if prefix else words[at], ()):
            length -= len(prefix)
            if length <= 0 or at + length > len(words):
                continue
            found = index.lookup_key(" ".join(prefix + words[at:at + length]), kinds)
            if found:
                return found, at + length
    return None


def _after_trigger(index: Index, tokens, words: List[str], i: int):
    for trigger in TRIGGERS_BY_FIRST_WORD.get(_trigger_word(words[i]), ()):
        n = len(trigger.words)
        if not _trigger_at(words, i, trigger):
            continue
        j = i + n
        if trigger.upper and not tokens[i][3].isupper() and words[j:j + 1] not in (["de"], ["du"], ["des"], ["d"]):
            continue
        candidates = [(j, None)]
        for link in LINKS:
            if tuple(words[j:j + len(link)]) == link:
                candidates.insert(0, (j + len(link), ARTICLE_OF_LINK.get(link)))
        for start, article in candidates:
            if _another_trigger_at(words, start):
                continue
            if start < len(words) and DEPARTEMENT_CODE.match(words[start]) and "departement" in trigger.kinds:
                territory = index.departement(words[start])
                if territory:
                    return _build(tokens, i, start + 1, [territory], trigger.applicant_type)
            named = _longest_name(index, words, start, trigger.kinds, article)
            if not named and " ".join(trigger.words) in DEPARTEMENT_SERVICES:
                named = _by_its_seat(index, words, start, article)
            if named and trigger.kinds == ("epci",):
                # « CA Grand Paris Sud » is not « Grand Paris » (the Métropole): the longer name said wins
                held = _epci_holding(index, words, start, trigger)
                if held and held[1] > named[1]:
                    named = held
            if named and trigger.kinds == ("commune",) and article is None:
                # « mairie de Charleville »: Charleville-Mézières, not the village of Charleville (Marne)
                longer = near_names.by_first_name(index, " ".join(words[start:named[1]]))
                area = _area_after(index, words, named[1], direct=True)
                if longer and (not area or any(set(area[0]) & set(t.departements) for t in longer)):
                    named = (longer, named[1])
            if named:
                territories, end = named
                if trigger.kinds == ("commune",):  # the trigger says it is a commune: « mairie de Valence Drôme »
                    territories, end = _settled_with_or_without_article(index, words, start, article, named)
                return _build(tokens, i, end, territories, trigger.applicant_type)
        if trigger.kinds == ("epci",):
            # the longer said wins: « cc de villefranche de rouergue » is the town's, not « … Villefranche du Périgord »
            found = [f for f in (_epci_holding(index, words, candidates[0][0], trigger),
                                 _epci_of_its_town(index, words, candidates)) if f]
            held = max(found, key=lambda f: f[1]) if found else None
            if held:
                return _build(tokens, i, held[1], held[0], trigger.applicant_type)
        misspelt = _misspelt_after(index, words, trigger, candidates)
        if misspelt:
            return _build(tokens, i, misspelt[1], misspelt[0], trigger.applicant_type)
    return None


def _another_trigger_at(words: List[str], start: int) -> bool:
    """« mairie de la ville de Tarbes »: the next trigger names the place, not « la ville »."""
    inner = start + (words[start:start + 1] in (["la"], ["le"], ["les"], ["l"]))
    return (inner + 1 < len(words) and words[inner] in TRIGGERS_BY_FIRST_WORD
            and words[inner + 1] in ("de", "d", "du", "des"))


def _misspelt_after(index: Index, words: List[str], trigger: Trigger, candidates):
    """A name typed in a hurry after the trigger: the apostrophe of « d' » left out (« ville dajaccio »),
    an area's article left out (« region reunion »), or a typo (« mairie de montpelier », « cd de la
    coreze »): the longest run of words before a stop that is near one name of the kinds the trigger
    announces (near_names.py); an EPCI's trigger also takes its main town misspelt (« agglo de montpelier »)."""
    for start, article in candidates:
        if _another_trigger_at(words, start):
            continue
        # « la préfecture de région couvre… »: a French word no name starts with begins no name misspelt
        tolerant = start < len(words) and not (is_french_word(words[start]) and words[start] not in index.name_lengths)
        stop = start
        while stop < len(words) and stop - start < 5 and words[stop] not in NAME_STOPS and not words[stop].isdigit():
            stop += 1
        for end in range(stop, start, -1):
            said = words[start:end]
            if said[-1] in LINK_WORDS:
                continue
            glued = said[0][1:] if said[0].startswith("d") and len(said[0]) > 4 and not article else None
            if glued and index.lookup_key(" ".join([glued] + said[1:]), trigger.kinds):
                said = [glued] + said[1:]
            articles = [article] if article else [] if set(trigger.kinds).isdisjoint(AREA_KINDS) else ["la", "le", "les"]
            for typed in [f"{a} {' '.join(said)}" for a in articles] + [" ".join(said)]:
                found = index.lookup_key(typed, trigger.kinds) or (
                    trigger.kinds == ("commune",) and near_names.by_first_name(index, typed)) or (
                    tolerant and near_names.nearest(index, typed, trigger.kinds)) or (
                    trigger.kinds == ("commune",) and near_names.city_of_a_word(index, typed, trigger.kinds))
                if found and trigger.kinds == ("commune",):
                    return _settled(index, words, end, found, direct=True)
                if found:
                    return found, end
                towns = tolerant and trigger.kinds == ("epci",) and near_names.nearest(index, typed, ("commune",))
                centred = list(dict.fromkeys(e for e in (index.centred_on(t) for t in towns or ()) if e))
                if 0 < len(centred) <= 3:
                    return centred, end
    return None


def _epci_of_its_town(index: Index, words: List[str], candidates):
    """« l'agglo de Mâcon », « la comcom de Crest »: the EPCI whose most populated commune is named,
    when its own name does not hold it; several (homonyms) are asked about."""
    for start, article in candidates:
        towns = _longest_name(index, words, start, ("commune",), article)
        if towns:
            found = list(dict.fromkeys(e for e in (index.centred_on(t) for t in towns[0]) if e))
            if 0 < len(found) <= 3:
                return found, towns[1]
    return None


def _settled_with_or_without_article(index: Index, words: List[str], start: int, article: Optional[str], named):
    """« mairie du Lamentin en Guadeloupe »: « Le Lamentin » is in Martinique, « Lamentin » in
    Guadeloupe; the area said after the name chooses, and without one the name with its article."""
    territories, end = _settled(index, words, named[1], named[0], direct=True)
    if end == named[1] and article:
        bare = _longest_name(index, words, start, ("commune",))
        if bare and bare[1] == named[1]:
            kept, settled_end = _settled(index, words, bare[1], bare[0], direct=True)
            if settled_end > bare[1]:
                return kept, settled_end
    return territories, end


def _by_its_seat(index: Index, words: List[str], start: int, article: Optional[str]):
    """A State service named by the town it sits in (« la préfecture de Pau », « DDT de Valence »):
    the département whose seat that town is."""
    towns = _longest_name(index, words, start, ("commune",), article)
    if not towns:
        return None
    served = list(dict.fromkeys(d for d in (index.seat_of(t) for t in towns[0]) if d))
    return (served, towns[1]) if len(served) == 1 else None


# Words that end the name said after a trigger (« l'agglo de Vannes et on veut… »).
NAME_STOPS = {"et", "ou", "on", "nous", "je", "j", "qui", "que", "avec", "pour", "sur", "en", "dans", "a", "au",
              "aux", "est", "c", "ca", "mais", "donc", "car", "notre", "nos", "projet", "habitants", "hab"}


# The legal form an EPCI's trigger says: « comcom de X » is a CC rather than a CA holding X.
FORM_OF_TRIGGER = {"cc": "CC", "comcom": "CC", "com com": "CC", "cdc": "CC", "com de com": "CC", "comm de comm": "CC",
                   "communaute de cnes": "CC", "cte de cnes": "CC", "aglo": "CA", "laglo": "CA", "communaute de communes": "CC",
                   "communaute de commune": "CC", "ca": "CA", "agglo": "CA", "agglomeration": "CA",
                   "communaute d agglomeration": "CA", "communaute d agglo": "CA", "cu": "CU", "lagglo": "CA",
                   "lagglomeration": "CA",
                   "communaute urbaine": "CU", "metropole": "METRO"}


def _epci_holding(index: Index, words: List[str], start: int, trigger: Trigger):
    """An EPCI named by part of its official name (« l'agglo de Vannes », « la comcom de Marie-Galante »):
    the longest run of words that one to three EPCI names hold, of the form the trigger says when
    some are."""
    stop = start
    while stop < len(words) and stop - start < 6 and words[stop] not in NAME_STOPS and not words[stop].isdigit():
        stop += 1
    form = FORM_OF_TRIGGER.get(" ".join(trigger.words))
    for end in range(stop, start, -1):
        said = words[start:end]
        if said[-1] in LINK_WORDS or len(said[-1]) < 3 and len(said) == 1:
            continue
        found = _of_form(index.containing(said), form)
        if not found or len(found) > 3:
            found = _by_distinctive_words(index, said, form)
        if 0 < len(found) <= 3:
            return found, end
    return None


def _of_form(found, form: Optional[str]):
    """The legal form a trigger says is a hint, not a filter: « comcom du Pays Basque » is the CA."""
    return [t for t in found if (t.epci_form or "").startswith(form)] or found if form else found


def _by_distinctive_words(index: Index, said: List[str], form: Optional[str]):
    """An EPCI named by the words that set its name apart, in any order, the others left out or
    added (« la comcom grand sud berry », « cc crestois saillans »); among several, those that hold
    more of the words said; more than one left is asked about, never guessed."""
    distinctive = [w for w in said if w not in OPTIONAL_NAME_WORDS]
    if not distinctive or all(len(w) < 3 for w in distinctive):
        return []
    found = _of_form(index.with_words(distinctive), form)
    if len(found) > 1:
        held = {t: len(set(said) & set(key(t.name).split())) for t in found}
        found = [t for t in found if held[t] == max(held.values())]
    return found


def _area_after(index: Index, words: List[str], end: int, direct: bool = False):
    """The area said right after a commune: « (26) », « 93 », « 26400 », « en Isère », « dans le
    Gard », « à la Réunion », « en Île-de-France », and when `direct` its name alone (« mairie de
    Valence, Drôme », « st pierre (reunion) ») -> (the codes of its départements, the end of what
    says it)."""
    if end >= len(words):
        return None
    if words[end] in ("celle", "celui") and end + 1 < len(words):  # « saint-denis, celle de la réunion »
        end += 1
    word = words[end]
    if DEPARTEMENT_CODE.match(word):
        return (word.upper(),), end + 1
    if re.fullmatch(r"\d{5}", word):  # a postal code
        return ((word[:3] if word.startswith("97") else word[:2]).upper(),), end + 1
    start = end + 1 if word in ("en", "dans", "ds", "du", "de", "a", "au") else end if direct else None
    if start is None:
        return None
    article = None
    if start < len(words) and words[start] in ("le", "la", "les", "l"):
        article = words[start]
        start += 1
    if article == "le" and word in ("dans", "ds") and start < len(words) and DEPARTEMENT_CODE.match(words[start]) \
            and index.departement(words[start]):
        return (words[start].upper(),), start + 1  # « beaumont ds le 63 »
    named = _longest_name(index, words, start, AREA_KINDS, article)
    if not named and article is None:  # « reunion », « (reunion) »: the article of « La Réunion » left out
        named = next(filter(None, (_longest_name(index, words, start, AREA_KINDS, a) for a in ("la", "le", "les"))),
                     None)
        named = named if named and named[1] > start else None
    if not named:
        return None
    return tuple(d for t in named[0] for d in t.departements), named[1]


def _settled(index: Index, words: List[str], end: int, communes, direct: bool = False):
    """Communes named, and the area that settles which one is meant when it follows."""
    after = _area_after(index, words, end, direct)
    if after:
        kept = [t for t in communes if set(after[0]) & set(t.departements)]
        if kept:
            return kept, after[1]
    return communes, end


def _qualified_commune(index: Index, tokens, words: List[str], i: int, text: str = ""):
    """A commune named without a trigger but with its area (« Crest (26) », « Montreuil 93 », « Crest,
    dans la Drôme », « st pierre (reunion) », « saint-denis a la reunion »): the area says it is a
    place, and which one. The area's name alone counts in parentheses or after a comma, or after a
    name of several words (« saint pierre reunion »)."""
    if words[i] in CALENDAR_WORDS:
        return None
    for length in index.name_lengths.get(words[i], ()):
        end = i + length
        if end >= len(words):
            continue
        # Only names followed by what may say an area are looked up: this runs at every word.
        gap = text[tokens[end - 1][2]:tokens[end][1]] if text else " "
        direct = bool(re.search(r"[(,\-]", gap)) or length > 1 and words[end] not in LINK_WORDS
        if (words[end] in ("en", "dans", "ds", "du", "de", "a", "au") or DEPARTEMENT_CODE.match(words[end])
                or re.fullmatch(r"\d{5}", words[end]) or direct):
            communes = index.lookup_key(" ".join(words[i:end]), ("commune",))
            if communes:
                break
    else:
        return None
    if _longest_name(index, words, i, AREA_KINDS):  # « grand est » is the région, not Grand (Vosges)
        return None
    kept, settled_end = _settled(index, words, end, communes, direct)
    if settled_end == end:
        return None
    return _build(tokens, i, settled_end, kept)


def _alone(index: Index, tokens, words: List[str], i: int):
    if words[i] not in ARTICLES or i + 1 >= len(words):
        return None
    start = i + 1
    if words[i] == "dans" and start < len(words) and words[start] in ("le", "la", "les", "l"):
        start += 1
    if start >= len(words):
        return None
    if DEPARTEMENT_CODE.match(words[start]) and words[i] == "le" and _the_speaker_by_number(words, i, start):
        territory = index.departement(words[start])  # « on est le 59 », « c le 974 »: the département speaks
        return _build(tokens, start, start + 1, [territory], "departement") if territory else None
    if DEPARTEMENT_CODE.match(words[start]) and words[i] in ("au", "du") and i >= 1 and words[i - 1] in ROLES_OF_A_COUNCIL \
            and _stands_alone(tokens, start, placed=True):
        territory = index.departement(words[start])  # « DGA au 62 », « dsi du 974 »: the département's own staff
        return _build(tokens, start, start + 1, [territory], "departement") if territory else None
    placed = words[i] == "dans" or (words[i] == "le" and i >= 1 and words[i - 1] in ("dans", "ds"))
    if DEPARTEMENT_CODE.match(words[start]) and words[i] in ("le", "du", "dans") and _stands_alone(tokens, start, placed):
        territory = index.departement(words[start])
        return _build(tokens, start, start + 1, [territory]) if territory else None
    article = ARTICLE_OF_LINK.get((words[i],), words[i] if words[i] in ("le", "la", "les", "l") else None)
    named = _longest_name(index, words, start, AREA_KINDS, article)
    if not named:
        return None
    territories, end = named
    word = words[start]
    if end == start + 1 and word in COMMON_WORDS and not tokens[start][3][:1].isupper():
        return None
    if word == "nord" and (words[i] == "au" or (end < len(words) and words[end] in NOT_AFTER_NORD)):
        return None
    return _build(tokens, start, end, territories)


def _named_alone(index: Index, tokens, words: List[str], i: int):
    """A place named without an article or a trigger, when its name cannot be a common phrase: an
    EPCI by its full name (« Bordeaux Métropole ») or a known short name (« MEL », in capitals:
    « mél » is an e-mail), an area of two words or more (« Saint-Pierre-et-Miquelon »)."""
    named = _longest_name(index, words, i, ("epci",) + AREA_KINDS)
    article = ARTICLE_OF_LINK.get((words[i - 1],)) if i else None
    with_article = _longest_name(index, words, i, ("epci",), article) if article else None
    if with_article and not index.lookup_key(" ".join([article] + words[i:with_article[1]]), ("epci",)):
        with_article = None  # found without its article (« au TCO »): the name as said, not « le TCO »
    if with_article and (not named or with_article[1] >= named[1]):  # « au Grésivaudan »: « Le Grésivaudan »
        named = with_article
    if not named:
        return None
    territories, end = named
    said = ([article] if named is with_article else []) + words[i:end]
    if named is not with_article and article and index.lookup_key(" ".join([article] + said), ("commune",)):
        return None  # « dgs du Puy-en-Velay »: Le Puy-en-Velay, the town, not its agglomération's short name
    # « la civis a la reunion », « CAP EXCELLENCE », « je suis a la cirest »: the usual name or acronym
    # of an EPCI, in capitals, said as who speaks, alone, or with the area it lies in
    capitals = all(t[3].isupper() for t in tokens[i:end])
    town = _its_main_town_after(index, words, end, territories)
    if town and " ".join(said) in index.acronym_keys | index.capitals_only:
        return _build(tokens, i, town, territories, "epci")  # « la capa ajaccio », « la cud dunkerque »
    if " ".join(said) in index.capitals_only and not capitals:
        return None  # « capa » is a word: the CAPA only in capitals
    if " ".join(said) in index.usual_keys - index.alias_keys and territories[0].kind == "epci" and (
            all(t[3].isupper() for t in tokens[i:end]) or _said_as_the_speaker(words, i) or words[end:end + 1] == ["ici"]
            or _alone_in_message(words, i, end) or _in_the_area_after(index, words, end, territories)):
        return _build(tokens, i, end, territories, "epci")
    if (said == ["mel"] or " ".join(said) in index.acronym_keys) and not tokens[i][3].isupper():
        return None
    if (" ".join(said) in index.alias_keys or " ".join(said) in index.acronym_keys
            or any(w in ("metropole", "eurometropole", "agglomeration", "communaute", "agglo") for w in said)
            or (len(said) >= 2 and territories[0].kind in AREA_KINDS)
            or _epci_by_its_name(index, said, territories)):
        # an EPCI named is a body (« la CARENE », « Bordeaux Métropole »); whether it speaks is said elsewhere
        return _build(tokens, i, end, territories, "epci" if territories[0].kind == "epci" else None)
    return None


# What may stand before a name that is the whole message: « la CIVIS », « c la cirest ».
BEFORE_A_NAME_ALONE = {"la", "le", "l", "les", "c", "cest", "bjr", "bonjour", "ici"}
# Between a body and the area it lies in: « la civis a la reunion », « cadema, mayotte ».
TO_THE_AREA = {"a", "au", "en", "dans", "de", "du", "la", "le", "l", "ds"}


def _said_as_the_speaker(words: List[str], i: int) -> bool:
    """A verb of being or working before the name, not a place where (« on est dans le Pays Basque »)."""
    before = words[max(0, i - WINDOW):i]
    k = len(before) - 1
    while k >= 0 and before[k] in FILLERS:
        k -= 1
    if k < 0 or before[k] in ("dans", "ds", "en", "sur", "vers"):
        return False
    return position(" ".join(before) + " x", len(" ".join(before)) + 1) == SPEAKER


def _the_speaker_by_number(words: List[str], i: int, start: int) -> bool:
    """« on est le 59 », « c le 974 »: a département's number right after a verb of being, not a date
    (« on est le 15 mars », « c le 12 à 14h »)."""
    after = words[start + 1:start + 2]
    if after and (after[0] in CALENDAR_WORDS or after[0] in ("a", "au", "h") or after[0].isdigit()):
        return False
    said_before = " ".join(words[:i])
    if NO_START.search(said_before + " .") or CORRECTION_WORDS.search(said_before) or HEDGED_CORRECTION.search(said_before):
        return False  # « non pardon c le 65 »: the place is corrected, the speaker's kind stays as it was
    if all(w in OPENERS for w in words[:i]) and after and after[0] in SUBJECT_VERBS:
        return True  # « bjr le 29 veut créer une plateforme »: the département, subject of its wish
    return i >= 1 and (words[i - 1] == "c" or tuple(words[max(0, i - 2):i]) in (("on", "est"), ("nous", "sommes"),
                                                                               ("c", "est")))


# Roles after which « au 62 », « du 974 » is the département's council they work for.
ROLES_OF_A_COUNCIL = {"dgs", "dga", "dgst", "dsi", "drh", "daf", "elu", "elue", "president", "presidente", "vice",
                      "conseiller", "conseillere", "directeur", "directrice", "responsable", "agent", "agente"}
# Verbs after « le 29 » opening a message that make the département their subject.
SUBJECT_VERBS = {"veut", "voudrait", "souhaite", "souhaiterait", "aimerait", "cherche", "envisage", "prevoit",
                 "lance", "porte", "projette", "candidate"}


def _its_main_town_after(index: Index, words: List[str], end: int, territories) -> Optional[int]:
    """The end of the name of the EPCI's main town said right after its acronym (« capa ajaccio »)."""
    for length in index.name_lengths.get(words[end], ()) if end < len(words) else ():
        towns = index.lookup_key(" ".join(words[end:end + length]), ("commune",))
        if any(index.centred_on(t) in territories for t in towns):
            return end + length
    return None


def _alone_in_message(words: List[str], i: int, end: int) -> bool:
    return end == len(words) and all(w in BEFORE_A_NAME_ALONE for w in words[:i])


def _in_the_area_after(index: Index, words: List[str], end: int, territories) -> bool:
    """The département, région or island named right after holds the EPCI (« … a mayotte »)."""
    k = end
    while k < len(words) and words[k] in TO_THE_AREA:
        k += 1
    named = _longest_name(index, words, k, AREA_KINDS, None)
    return bool(named) and any(set(t.departements) & set(a.departements) for t in territories for a in named[0])


# The legal form said after an EPCI's name: « Vannes Agglomération », « Strasbourg Eurométropole ».
FORM_AFTER = {"agglo": "CA", "agglomeration": "CA", "metropole": "METRO", "eurometropole": "METRO",
              "communaute": "", "interco": ""}


def _before_its_form(index: Index, tokens, words: List[str], i: int):
    """An EPCI named by part of its official name followed by its form (« Vannes Agglomération »,
    « on est Vannes agglo »)."""
    for length in range(4, 0, -1):
        end = i + length
        if end >= len(words) or words[end] not in FORM_AFTER:
            continue
        said = words[i:end]
        if said[0] in LINK_WORDS or any(w in NAME_STOPS or w.isdigit() for w in said) or said[-1] in LINK_WORDS:
            continue
        if all(w in BODY_ADJECTIVES or w in SMALL_BODIES for w in said):  # « une grande agglomération »
            continue
        form = FORM_AFTER[words[end]]
        if length == 1 and not index.lookup_key(said[0], ("commune",)):
            # « carcassone agglo »: the main town misspelt (near_names.py, never a French word)
            towns = near_names.nearest(index, said[0], ("commune",)) or ()
            found = [e for e in dict.fromkeys(index.centred_on(t) for t in towns) if e and (e.epci_form or "").startswith(form)]
        else:
            found = [t for t in index.containing(said) if (t.epci_form or "").startswith(form)]
        if 0 < len(found) <= 3:
            return _build(tokens, i, end + 1, found, "epci")
    return None


# The words of an intercommunality that a city's adjective may follow: « la métropole rouennaise ».
EPCI_WORDS = {"metropole", "agglo", "agglomeration", "interco", "intercommunalite"}


def _epci_by_its_adjective(index: Index, tokens, words: List[str], i: int):
    """« la métropole rouennaise », « l'agglo niortaise »: the EPCI centred on the city the adjective
    names (near_names.city_of_an_adjective)."""
    if words[i] not in EPCI_WORDS or i + 1 >= len(words):
        return None
    city = near_names.city_of_an_adjective(index, words[i + 1])
    epci = index.centred_on(city) if city else None
    return _build(tokens, i, i + 2, [epci], "epci") if epci else None


def _epci_by_its_name(index: Index, said: List[str], territories) -> bool:
    """An EPCI named by its official name of three words or more (« Quimper Bretagne Occidentale »,
    « Caen la Mer ») or « Grand X » (« Grand Reims »), when no commune bears that name."""
    return (territories[0].kind == "epci" and (len(said) >= 3 or (said[0] == "grand" and len(said) == 2))
            and not index.lookup_key(" ".join(said), ("commune",)))


# What may open a message before « c'est X » or « X ici »: « bjr c villefranche de rouergue ».
OPENERS = {"bjr", "bonjour", "bonsoir", "slt", "salut", "hello", "coucou", "oui", "ok", "alors", "ben", "bah", "euh",
           "donc", "ah", "non", "nan", "la", "le", "les", "l"}
_CLAUSE_END_AFTER = re.compile(r"^\s*(?:[,.;!?)]|$)")


def commune_answered(text: str, index: Optional[Index] = None) -> Optional[Territory]:
    """The commune a short answer to « Quelle structure porte le projet ? » names bare, in any case
    (« c rodez », « ici tarbes »): asked about the speaker, a single word after « c », « c'est » or
    « ici » is taken as a name (alone, « port » or « aucun » is a word); only one commune of that
    name, the whole answer."""
    index = index or load_index()
    tokens = _tokens(text or "")
    words = [t[0] for t in tokens]
    if not words or len(words) > 6:
        return None
    for i in range(len(words)):
        found = _bare_commune(index, tokens, words, i, text, asked=True)
        if found:
            return found[0].territories[0] if all(w == "ici" for w in words[found[1]:]) else None
    return None


def area_answered(text: str, index: Optional[Index] = None) -> Optional[Territory]:
    """The région, département or overseas collectivité a short answer to « Quelle structure porte le
    projet ? » names bare, as the whole answer (« Occitanie », « bretagne », « c le cantal »): the
    collectivité of that area. A name that is also a common word counts only with its capital."""
    index = index or load_index()
    tokens = _tokens(text or "")
    words = [t[0] for t in tokens]
    if not words or len(words) > 6:
        return None
    i = 0
    while i < len(words) and (words[i] in OPENERS or words[i] in ("c", "cest", "est", "ici")):
        i += 1
    named = _longest_name(index, words, i, AREA_KINDS, words[i - 1] if i and words[i - 1] in ("la", "le", "les", "l") else None)
    if not named or len(named[0]) != 1 or not all(w == "ici" for w in words[named[1]:]):
        return None
    if named[1] == i + 1 and words[i] in COMMON_WORDS and not tokens[i][3][:1].isupper():
        return None
    return named[0][0]


def _bare_commune(index: Index, tokens, words: List[str], i: int, text: str, asked: bool = False):
    """A commune named with no word of a body, as the speaker's self-description: after « c »,
    « c'est » or « ici » at the start of the message, or before « ici » (« c villefranche de
    rouergue », « ici Crest », « Tarbes ici »), or alone in the message when of several words,
    ending its clause, and only one commune of that name (or its area said after it). A single word
    counts only with its capital, as a proper noun is typed: « c'est simple » names no Simple."""
    k = i - 1
    intro = k >= 0 and (words[k] in ("c", "cest", "ici") or words[k] == "est" and k >= 1 and words[k - 1] == "c")
    if intro:
        k -= 2 if words[k] == "est" else 1
    if not all(w in OPENERS for w in words[:k + 1]):
        return None
    for length in index.name_lengths.get(words[i], ()):
        end = i + length
        if end > len(words) or (length == 1 and not (asked and (intro or words[end:end + 1] == ["ici"]))
                                and not tokens[i][3][:1].isupper()):
            continue
        communes = index.lookup_key(" ".join(words[i:end]), ("commune",))
        if not communes:
            continue
        if _longest_name(index, words, i, AREA_KINDS, words[i - 1] if i and words[i - 1] in LINK_WORDS else None):
            return None  # « la reunion » is the département, not the commune of Lot-et-Garonne
        kept, settled_end = _settled(index, words, end, communes, direct=True)
        here = words[settled_end:settled_end + 1] == ["ici"]
        ends = settled_end == len(words) or here or bool(_CLAUSE_END_AFTER.match(text[tokens[settled_end - 1][2]:]))
        # « villefranche de rouergue », the whole answer; not « la plaine », an article and a word
        alone = settled_end == len(words) and (asked or len([w for w in words[i:end] if w not in LINK_WORDS]) > 1)
        if len(kept) == 1 and ends and (intro or here or alone):
            return _build(tokens, i, settled_end, kept)
        return None
    return None


# A commune's body, said without its name: « je travaille en mairie à Crest », « maire à Tarbes ».
TOWN_HALL_WORDS = {"mairie", "commune", "ville", "village", "maire", "municipalite", "municipal", "municipale"}
# A town's roles (speaker.TOWN_ROLES) say the commune when a commune's name follows them (« DGS à
# Rochefort », « élue au numérique de St Benoît », « adjointe aux finances de Saint-Germain-en-Laye »);
# before a body's word (« DGS de l'agglo », « élu du département ») that body speaks instead.
ROLE_WINDOW = 6  # « conseiller municipal délégué au numérique à Charleville-Mézières »
# The article a preposition holds: « dgs du Puy-en-Velay » is Le Puy-en-Velay's, « DGS au Mans » Le Mans's.
ARTICLE_HELD = {"du": "le", "des": "les", "au": "le", "aux": "les"}
HELD_NAME_TOWN = 10_000  # inhabitants of a « Le X » whose X is a word, said in lower case after « au », « du »
OTHERS_DETERMINERS = {"un", "une", "des", "notre", "nos", "votre", "vos", "leur", "leurs", "son", "sa", "ses", "mon",
                      "ma", "mes", "cet", "cette", "ce"}


def _where_the_town_hall_is(index: Index, tokens, words: List[str], i: int):
    """The commune after « à » (or « de ») when a commune's body or one of its roles was just named
    without its name (« secrétaire de mairie à Crest », « agent à la mairie, à Tarbes », « dgs du puy en
    velay »): a proper noun, so with its capital, or a name of several words, or in lower case a word
    that is no French word (« secretaire de mairie a tarbes »); one commune of that name, or the one its
    area said after settles."""
    before = _before_the_name(words, i)
    if before is None:
        return None
    body = TOWN_HALL_WORDS & set(before[-3:] if words[i - 1] == "a" else ()) or _town_roles(before)
    if not body:
        return None
    if any(w in ("et", "ou", "mais", "qui", "que", "car", "donc", "avec", "pour") for w in before[-3:]):
        return None  # « la mairie et nous à Crest », « avec la ville à … »: not said of that body
    held = ARTICLE_HELD.get(words[i - 1])
    lengths = set(index.name_lengths.get(words[i], ())) | {n - 1 for n in index.name_lengths.get(held, ()) if n > 1}
    for length in sorted(lengths, reverse=True):
        end = i + length
        if end > len(words):
            continue
        said = " ".join(words[i:end])
        with_article = index.lookup_key(f"{held} {said}", ("commune",)) if held else None
        communes = with_article or index.lookup_key(said, ("commune",))
        if not communes:
            continue
        named = [w for w in words[i:end] if w not in LINK_WORDS]
        # « dgs au mans »: the article the preposition holds makes a name of a word, a town's (Le Mans, Le
        # Port), not a village's (« dgs du syndicat mixte » is no Le Syndicat)
        held_town = bool(with_article) and any(t.population >= HELD_NAME_TOWN for t in with_article)
        if not held_town and not tokens[i][3][:1].isupper() and len(named) < 2 and is_french_word(named[0]):
            return None  # in lower case, one word only when no French word (« à tarbes », not « à temps »)
        epci = _longest_name(index, words, i, ("epci",))
        if _longest_name(index, words, i, AREA_KINDS) or (epci and epci[1] > end):
            return None  # « à la Réunion », « de Rennes Métropole »: the area or the EPCI, read elsewhere
        kept, settled_end = _settled(index, words, end, communes, direct=True)
        return _build(tokens, i, settled_end, kept)  # homonyms are asked about
    if not tokens[i][3][:1].isupper() and is_french_word(words[i]) or _longest_name(index, words, i, AREA_KINDS + ("epci",)):
        return None
    found = _commune_typed_loosely(index, words, i)
    return _build(tokens, i, found[1], found[0]) if found else None


def _commune_typed_loosely(index: Index, words: List[str], start: int):
    """A commune's name as typed in a hurry, after a word that announces one: the first part of its
    name (« Sarlat », « Brive ») or a typo (« kouru guyane », « voirn 38 », « vanes ds le morbihan »,
    « montceau les minnes »), the area said after choosing among the near names -> (communes, end)."""
    stop = start
    while stop < len(words) and stop - start < 4 and words[stop] not in NAME_STOPS and not words[stop].isdigit() \
            and not (stop > start and _longest_name(index, words, stop, AREA_KINDS)):
        stop += 1
    for end in range(stop, start, -1):
        said = " ".join(words[start:end])
        if words[end - 1] in LINK_WORDS:
            continue
        first = near_names.by_first_name(index, said)
        if first:
            return _settled(index, words, end, first, direct=True)
        after = _area_after(index, words, end, direct=True)
        near = near_names.nearest(index, said, ("commune",), after[0] if after else None)
        if near:
            return near, after[1] if after else end
    return None


def _before_the_name(words: List[str], start: int) -> Optional[List[str]]:
    """The words that may name a commune's body or role before a name said after « à » or « de »
    (ROLE_WINDOW of them, the preposition left out), or None when no such preposition comes first."""
    if start < 2 or words[start - 1] not in ("a", "de", "d", "du", "des", "au", "aux"):
        return None
    return words[max(0, start - ROLE_WINDOW):start - 1]


def _town_roles(window: List[str]) -> List[int]:
    """Where a town's role begins in these words: a role's word, or « directeur général des services »
    spelt out."""
    spelt = [k - 3 for k in range(3, len(window)) if window[k - 3:k + 1] in (
        ["directeur", "general", "des", "services"], ["directrice", "generale", "des", "services"])]
    return sorted(spelt + [k for k, w in enumerate(window) if w in TOWN_ROLES])


def _after_a_town_role(words: List[str], start: int) -> bool:
    """A commune named right after one of its roles and « à » or « de » (« DGS à Rochefort », « élue au
    numérique de St Benoît »), with no commune's own word (« mairie », which says it already)."""
    if start >= 1 and words[start - 1] in TOWN_ROLES:  # « dgs pont st esprit 30 »: the role, then the name
        return not (start >= 2 and words[start - 2] in OTHERS_DETERMINERS)
    window = _before_the_name(words, start)
    if window is None:
        return False
    roles = _town_roles(window)
    if not roles or TOWN_HALL_WORDS & set(window):
        return False
    # « un élu de Tarbes nous a conseillé… », « notre adjoint à … »: someone else's role, not the speaker's
    return not (roles[0] and window[roles[0] - 1] in OTHERS_DETERMINERS)


# The town hall's word said right after the commune's name: « Tarbes, mairie », « c tarbes mairie ».
TOWN_HALL_AFTER = {"mairie", "ville", "commune", "municipalite"}


def _before_its_town_hall(index: Index, tokens, words: List[str], i: int):
    """A commune named first, at the start of the message, then its town hall's word (« tarbes,
    mairie », « bjr c st gaudens mairie »): with its capital, of several words, or in lower case when
    its name is no French word; one commune of that name, or its homonyms asked about."""
    k = i - 1
    while k >= 0 and (words[k] in OPENERS or words[k] in ("c", "cest", "est", "ici")):
        k -= 1
    if k >= 0:
        return None
    for length in index.name_lengths.get(words[i], ()):
        end = i + length
        if end >= len(words) or words[end] not in TOWN_HALL_AFTER:
            continue
        communes = index.lookup_key(" ".join(words[i:end]), ("commune",))
        named = [w for w in words[i:end] if w not in LINK_WORDS]
        if not communes or (len(named) < 2 and not tokens[i][3][:1].isupper() and is_french_word(named[0])):
            continue
        if _longest_name(index, words, i, AREA_KINDS):
            return None
        mention, _, first = _build(tokens, i, end, communes)
        return mention, end, first
    return None


# Words that open the next clause after « dans le 63 »: the number ended there (« ds le 63 on a besoin… »).
CLAUSE_OPENERS = {"on", "nous", "je", "j", "jsuis", "c", "cest", "pour", "pr", "avec", "mais", "donc", "qui", "et",
                  "ou", "notre", "nos", "le", "la", "les", "l", "un", "une", "projet", "svp", "stp", "merci"}


def _stands_alone(tokens, i: int, placed: bool = False) -> bool:
    """« le 59 » ends there: not « le 14 décembre », « le 59 % », « les 59 communes ». After « dans le »,
    which says where, the number also ends before the next clause's first word."""
    if i + 1 == len(tokens) or tokens[i + 1][0] in ("et", "ou", "conseil", "cd", "departement", "dept"):
        return True
    return placed and tokens[i + 1][0] in CLAUSE_OPENERS


def _build(tokens, start: int, end: int, territories, applicant=None):
    """(the mention, the word after it, its first word)."""
    if applicant in ("departement", "region") and all(t.departements and set(t.departements) <= SINGLE_COLLECTIVITES
                                                        for t in territories):
        applicant = "collectivite_outre_mer"  # « le conseil régional de Guyane »: one collectivité in their place
    return Mention(tuple(territories), tokens[start][1], tokens[end - 1][2], "", applicant), end, start
