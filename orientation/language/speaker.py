"""Who is speaking: of the bodies a message names, the one that speaks, not those the project serves.

« je suis à la mairie de Crest », « c la CC de Marie-Galante », « Bonjour, CD du Cantal » name the
speaker; « une plateforme pour les associations », « aider nos communes », « avec les rectorats »,
« étendre aux 33 communes », « le projet couvre le département du Nord » name other bodies or the
area served. The rule reads the words just before a body:

- a plural or possessive determiner (les, des, aux, nos…) or a word of help, partnership, coverage
  or model (avec, aider, étendre, couvre, comme…) makes it another body (« other »), unless a verb
  of being or working stands right before (« je travaille pour la mairie »); « dans », « sur »,
  « en » say where (« dans la région Occitanie »), unless said of the speaker;
- a verb of being or of working earlier in the clause (je suis, on est, c'est, ici, je travaille,
  DGS de…) makes it the speaker (« speaker »);
- otherwise nothing is said (« neutral »): the first body named is the speaker.

The carrier of the project (« porté par l'agglo », « c'est l'agglo qui porte le projet ») comes
before even the body said to speak: the applicant type is who carries the project.

Pure text, no place or lexicon: the callers hand in the spans (orientation/entities.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from orientation.language.fold import fold

SPEAKER, OTHER, NEUTRAL = "speaker", "other", "neutral"

# Words that say the body after them is not the one speaking: it is served, helped, joined, covered.
OTHER_MARKERS = {
    "aux", "avec", "entre", "aupres", "vers", "destination", "destine", "destinee", "destines",
    "aider", "aide", "aidons", "accompagner", "accompagne", "accompagnons", "servir", "sert", "equiper",
    "etendre", "etend", "etendu", "extension", "deployer", "deploye", "generaliser", "essaimer", "proposer",
    "associer", "impliquer", "implique", "mobiliser", "partenaire", "partenaires", "partenariat", "contre",
    "couvre", "couvrir", "couvrant", "couvert", "concerne", "concerner", "cible", "cibler", "vise", "viser",
    "toucher", "touche", "beneficiaires", "usagers", "sans",
    "comme", "inspire", "inspiree", "inspirer", "modele", "exemple", "imiter", "copier",
    # the body above the speaker: « on dépend du ministère », « rattaché au CCAS », « sous tutelle de »
    "depend", "dependons", "dependent", "dependant", "rattache", "rattachee", "rattaches", "rattachees", "tutelle",
    "releve", "relevons",
    # denied: « on n'est pas une commune, on est une CC »
    "pas", "ni", "jamais",
    # a source quoted: « selon l'INSEE », « d'après la préfecture »
    "selon", "apres",
}
# The body the speaker's body belongs to: « la ville d'Auch, membre du Grand Auch », « au sein de la
# CA », « on fait partie de l'agglo », « adhérente au syndicat ». After « je suis » a person speaks
# (« je suis membre du CCAS »): the body is theirs.
MEMBER_OF = {"membre", "membres", "sein", "partie", "adherent", "adherente", "adherents", "adherentes", "adhere",
             "adherons", "appartient", "appartenons", "appartiennent", "appartenant", "integre", "integree"}
PERSON_BEFORE_MEMBER = {"je", "suis", "jsuis", "chui", "chuis", "fais", "jfais"}
# Determiners of other bodies: « les communes », « nos associations », « des rectorats ».
PLURAL_DETERMINERS = {"les", "des", "aux", "nos", "vos", "leurs", "ces", "plusieurs", "autres", "toutes", "tous",
                      "certaines", "certains", "quelques", "nombreuses", "nombreux", "differentes", "differents"}
# Words that stand between a verb and the body without changing who it is.
# Adjectives of bodies: « les petites communes rurales », « une commune nouvelle » (also read by
# orientation/territories/mentions.py: « une petite commune du Gers » is in the Gers).
BODY_ADJECTIVES = {"petite", "petites", "petit", "petits", "grande", "grandes", "grand", "grands", "rurale",
                   "rurales", "rural", "ruraux", "urbaine", "nouvelle", "moyenne", "touristique", "littorale",
                   "montagne", "voisine", "voisines", "voisins", "membre", "membres", "adherente", "adherentes",
                   "locale", "locales", "locaux", "publique", "publiques", "publics", "differentes", "concernees",
                   "concernes"}
FILLERS = {"le", "la", "l", "un", "une", "du", "de", "d", "au", "a", "chez", "notre", "mon", "ma",
           "son", "sa", "cette", "ce", "cet", "tout", "toute", "bien", "actuellement", "aussi", "donc"} | BODY_ADJECTIVES
# Being or working: what makes the body after it the speaker (folded words, apostrophes as spaces).
SPEAKER_PHRASES = [tuple(p.split()) for p in (
    "je suis", "jsuis", "j suis", "chui", "chuis", "suis", "on est", "nous sommes", "ns sommes", "sommes",
    "c est", "c", "cest", "ici", "je travaille", "travaille", "travaillons", "je bosse", "bosse", "bossons",
    "je represente", "represente", "representons", "de la part", "en tant que",
    "agent", "agente", "agents", "dgs", "dga", "dgst", "dsi", "drh", "daf", "directeur", "directrice",
    "responsable", "chef", "cheffe", "charge", "chargee", "mission", "elu", "elue", "adjoint", "adjointe",
    "president", "presidente", "vice", "secretaire", "maire", "conseiller", "conseillere", "technicien",
    "technicienne", "ingenieur", "ingenieure", "referent", "referente", "gestionnaire", "acheteur", "acheteuse",
    "achats", "cdp", "poste", "stagiaire",
)]
# The carrier of the project, who applies, before even who speaks: « le projet est porté par l'agglo ».
CARRIER_PHRASES = [tuple(p.split()) for p in (
    "porte par", "portee par", "portes par", "porteur", "porteuse", "porteur du projet", "porteuse du projet",
    "au nom", "pour le compte",
)]
ARTICLES = {"le", "la", "l", "les", "un", "une", "du", "de", "d", "des"}
# Work verbs after which « pour », « chez », « à » still name the speaker: « je travaille pour la mairie ».
WORK_WORDS = {"travaille", "travaillons", "bosse", "bossons", "suis", "sommes", "est", "agent", "agente", "ecris",
              "appelle", "compte", "poste"}
# Work verbs after which « pour ma commune » is still the speaker's body (« je travaille pour ma commune »).
STRICT_WORK_WORDS = {"travaille", "travaillons", "bosse", "bossons", "agent", "agente", "poste"}
# What may open a question before its subject: « pourquoi les départements ne sont pas éligibles ? »
CLAUSE_OPENERS = {"et", "mais", "alors", "donc", "pourquoi", "est", "ce", "que", "qu", "est-ce", "bonjour", "bjr",
                  "svp", "stp", "ok", "oui", "non", "du", "coup", "sinon", "aussi", "ah", "euh", "bon"}
POSSESSIVES = {"nos", "vos", "leurs"}
# The roles of a town's staff and council (also read by orientation/territories/mentions.py: « DGS à
# Rochefort » says the commune), after which « des » is « de Les » (« maire des Abymes », « directeur
# général des services des Sables-d'Olonne »).
TOWN_ROLES = frozenset({"dgs", "dga", "dgst", "adjoint", "adjointe", "elu", "elue", "conseiller", "conseillere"})
ROLES_BEFORE_A_NAME = TOWN_ROLES | {"maire", "services"}
CLAUSE_END = re.compile(r"[.?!;\n]")
_WORD = re.compile(r"[a-z0-9]+")
WINDOW = 8  # words looked at before a body, in its clause


@dataclass(frozen=True)
class Candidate:
    value: str
    start: int  # offsets in the original text
    end: int
    weak: bool = False  # a generic word (« région », « commune ») that yields to a specific one
    plural: bool = False  # « les petites communes »: named in the plural, other bodies unless said to be us


def words_before(text: str, start: int) -> List[str]:
    """The folded words of the clause before `start`, nearest last."""
    clause = CLAUSE_END.split(text[:start])[-1]
    return _WORD.findall(fold(clause).text)


def words_after(text: str, start: int) -> List[str]:
    """The folded words of the clause from `start` on, the body's own first."""
    return _WORD.findall(fold(CLAUSE_END.split(text[start:])[0]).text)


def position(text: str, start: int) -> str:
    """SPEAKER, OTHER or NEUTRAL for a body named at `start` in `text`."""
    before = words_before(text, start)[-WINDOW:]
    if member_of(before) or funds(text, start):
        return OTHER
    k = len(before) - 1
    while k >= 0 and (before[k] in FILLERS or before[k].isdigit()) and before[k] not in ("au", "a"):
        k -= 1
    nearest = before[k] if k >= 0 else None
    word_before_nearest = before[k - 1] if k >= 1 else None
    if nearest == "pour" and word_before_nearest not in STRICT_WORK_WORDS and any(
            w in ("mon", "ma") for w in before[k + 1:]):
        return OTHER  # « c'est pour mon village »: the place one lives in, helped, not who speaks
    if nearest == "en" and _WORD.findall(fold(text[start:start + 14]).text)[:1] in (["region"], ["departement"]):
        return OTHER  # « on est en région », « je bosse en département »: where the speaker works, not the council
    if nearest in ("dans", "ds", "en") and word_before_nearest in ("est", "sommes") and len(before) > k + 1 \
            and before[k + 1] in ("l", "la", "le"):
        return NEUTRAL  # « Ville de Tarbes, on est dans l'agglo… »: the body the speaker's lies in, or theirs
    if nearest in ("pour", "chez", "au", "a", "aux", "dans", "ds", "sur", "en") and word_before_nearest in WORK_WORDS:
        return SPEAKER  # « je travaille pour la mairie », « je suis au CD 93 »
    if nearest in ("dans", "ds", "sur", "en"):  # « dans la région Occitanie », « en région Bretagne »: where, not who
        return SPEAKER if _speaker_before(before[:k]) else OTHER
    if nearest == "des" and word_before_nearest in ROLES_BEFORE_A_NAME:
        return NEUTRAL  # « DGS des Sables-d'Olonne »: « des » holds the name's article (Les Sables-d'Olonne)
    if nearest in PLURAL_DETERMINERS:
        # « les communes peuvent-elles candidater ? » asks about them: a subject, not a body served;
        # « nos communes » are never who speaks
        return NEUTRAL if _opens_the_clause(before[:k]) and nearest not in POSSESSIVES else OTHER
    if nearest in OTHER_MARKERS:
        return OTHER
    if nearest in ("et", "ou") and any(w in OTHER_MARKERS for w in before[max(0, k - 5):k]) \
            and not _speaker_after_other(before[max(0, k - 5):k]):
        return OTHER  # « le projet couvre Lille et la MEL », « avec la ville et l'agglo »: joined to another body
    if nearest in ("au", "a", "pour"):  # « un projet pour la CU de Dunkerque »: said of the speaker or not
        if word_before_nearest in OTHER_MARKERS:  # « étendre à la métropole »
            return OTHER
        return SPEAKER if _speaker_before(before[:k]) else NEUTRAL
    if _speaker_before(before) or carries(text, start):
        return SPEAKER
    return NEUTRAL


def _speaker_after_other(words: Sequence[str]) -> bool:
    """A verb of being or working after the last word of another body (« avec la mairie, on est la CC »)."""
    last = max(k for k, w in enumerate(words) if w in OTHER_MARKERS)
    return _speaker_before(words[last + 1:])


def member_of(before: Sequence[str]) -> bool:
    """The words before a body say the speaker's body belongs to it (« membre du », « au sein de la »)."""
    k = len(before) - 1
    while k >= 0 and before[k] in ARTICLES | {"a", "au", "aux"}:
        k -= 1
    if k < 0 or before[k] not in MEMBER_OF or (before[k] == "sein" and before[k - 1:k] != ["au"]):
        return False
    return not (set(before[max(0, k - 2):k]) & PERSON_BEFORE_MEMBER)


def carries(text: str, start: int) -> bool:
    """The body named at `start` is said to carry the project: « porté par l'agglo », « c'est l'agglo
    qui porte le projet », « au nom de la commune »."""
    before = words_before(text, start)[-6:]
    while before and before[-1] in ARTICLES:
        before.pop()
    if any(tuple(before[len(before) - len(p):]) == p for p in CARRIER_PHRASES if len(before) >= len(p)):
        return True
    after = words_after(text, start)[:8]
    return any(after[k:k + 2] in (["qui", "porte"], ["qui", "portera"], ["qui", "candidate"], ["qui", "depose"])
               for k in range(len(after)))


# What a funder does: « la CC qui met 5 000 », « la région finance 20 % », « le département nous aide ».
FUNDING = {"met", "mettra", "mettrait", "finance", "financera", "financerait", "cofinance", "cofinancera",
           "participe", "participera", "participerait", "apporte", "apportera", "verse", "versera", "subventionne",
           "subventionnera", "paie", "paye", "paiera", "abonde", "contribue", "contribuera"}
FUNDING_US = FUNDING | {"aide", "aidera", "aiderait", "donne", "donnera", "soutient", "soutiendra"}  # « nous aide »
NOT_A_NAME = {"on", "je", "j", "nous", "vous", "il", "ils", "elle", "elles", "c", "et", "mais", "donc", "ou"}


def funds(text: str, start: int) -> bool:
    """The body named at `start` is said to fund the project, not to be who speaks or carries it."""
    after = words_after(text, start)[:6]
    for k in (1, 2):  # after the body's word or two: the verb, or « qui », « nous » and the verb
        if k == 2 and (len(after) < 2 or after[1] in NOT_A_NAME):
            break
        rest, verbs = after[k:], FUNDING
        if rest[:1] and rest[0] in ("qui", "nous"):
            rest, verbs = rest[1:], FUNDING_US if rest[0] == "nous" else FUNDING
        if rest[:1] and rest[0] in verbs and not (rest[0].startswith("met") and rest[1:2] in (["en"], ["a"], ["au"])):
            return True  # « la CC met 5 000 » funds; « la commune met en place », « une asso qui met en relation » do
    return False


def _subject(text: str, start: int) -> bool:
    """The body opens its clause (« les départements sont-ils éligibles ? »)."""
    before = words_before(text, start)
    if before and before[-1] in POSSESSIVES:
        return False
    return _opens_the_clause([w for w in before if w not in PLURAL_DETERMINERS and w not in FILLERS])


def _opens_the_clause(words: Sequence[str]) -> bool:
    return all(w in CLAUSE_OPENERS for w in words)


# Words after which a place is the project's partner or the target of its extension, not the
# user's own territory (coverage words, « couvre le Nord », do name the user's territory).
PARTNER_MARKERS = {"avec", "aupres", "partenaire", "partenaires", "partenariat", "etendre", "etend", "etendu",
                   "extension", "essaimer", "deployer", "generaliser", "aider", "accompagner", "accompagne",
                   "accompagnons", "aidons", "mobiliser", "associer", "impliquer", "implique", "contre",
                   # a place taken as a model: « comme la ville de Paris », « inspiré de la métropole de Lyon »
                   "comme", "inspire", "inspiree", "inspirer", "modele", "exemple", "imiter", "copier"}


def partner(text: str, start: int) -> bool:
    """The place named at `start` is named as the project's partner or target (« avec la ville de
    Crest », « étendre à la métropole de Lyon »)."""
    before = words_before(text, start)[-WINDOW:]
    k = len(before) - 1
    while k >= 0 and (before[k] in FILLERS or before[k].isdigit()) and before[k] not in ("au", "a", "aux"):
        k -= 1
    if k >= 1 and before[k] in ("au", "a", "aux"):
        k -= 1
        # « étendre notre outil à la métropole de Lyon »: the verb of extension further back in the clause
        if any(w in EXTENDING for w in before[max(0, k - 4):k + 1]):
            return True
    if k >= 1 and before[k] in ("et", "ou") and any(w in PARTNER_MARKERS for w in before[max(0, k - 5):k]):
        return True  # « avec la ville et l'agglo de Vannes »: joined to a partner named without its place
    return k >= 0 and before[k] in PARTNER_MARKERS


# Verbs that take a solution to other places: « étendre notre outil à … », « proposer la plateforme aux … ».
EXTENDING = {"etendre", "etend", "etendu", "etendue", "deployer", "deploye", "deployee", "generaliser", "essaimer",
             "proposer", "elargir", "dupliquer", "repliquer", "transposer", "exporter", "ouvrir"}


def _speaker_before(words: Sequence[str]) -> bool:
    """A verb of being or working among the words, with no word of another body after it."""
    for k in range(len(words) - 1, -1, -1):
        if words[k] in OTHER_MARKERS or words[k] in PLURAL_DETERMINERS:
            return False
        if any(tuple(words[k - len(p) + 1:k + 1]) == p for p in SPEAKER_PHRASES if k - len(p) + 1 >= 0):
            return True
    return False


def choose(text: str, candidates: Sequence[Candidate]) -> Optional[Candidate]:
    """The body that speaks: named as the speaker first, else the first body not named as another
    one; a specific word before a generic one in each group. None when every body is another one.
    The speaker's own body beats those it names: a body named in its relative clause (« une SPL qui
    travaille pour la ville »), or in the plural (« la SPL, on travaille pour 30 communes »), yields
    to it."""
    ranked: List[Tuple[bool, int, bool, int, Candidate]] = []
    for candidate in candidates:
        where = position(text, candidate.start)
        if where == OTHER or (candidate.plural and where == NEUTRAL and not _subject(text, candidate.start)):
            continue
        if any(in_its_clause(text, other, candidate) for other in candidates if other is not candidate):
            continue
        if where == NEUTRAL and names_itself(text, candidate):
            where = SPEAKER
        rank = 0 if carries(text, candidate.start) else 1 if where == SPEAKER else 2
        ranked.append((candidate.plural, rank, candidate.weak, candidate.start, candidate))
    return min(ranked, key=lambda r: r[:4])[4] if ranked else None


_RELATIVE = re.compile(r"\b(?:qui|dont|que|qu)\b")


def in_its_clause(text: str, body: Candidate, named: Candidate) -> bool:
    """`named` stands in the relative clause of `body` (« un GIP qui regroupe l'État et la région »,
    « une asso qui aide la mairie »), unless it is said to carry the project."""
    if body.end > named.start or body.value == named.value or carries(text, named.start):
        return False
    between = fold(text[body.end:named.start]).text
    return bool(_RELATIVE.search(between)) and not CLAUSE_END.search(between)


# A body followed by « ici » or by the speaker's own verb: « CCAS de Crest ici », « la SPL, on travaille… ».
_NAMES_ITSELF = re.compile(r"^\s*(?:ici\b|,?\s*(?:on|nous|je|j'|j’)(?:\s|$))")


def names_itself(text: str, candidate: Candidate) -> bool:
    """The body opens the message and the speaker goes on about it: « SEM ici, on gère… », « asso
    de parents, on bosse avec la mairie »."""
    if not _NAMES_ITSELF.match(fold(text[candidate.end:]).text):
        return False
    return _opens_the_clause([w for w in words_before(text, candidate.start) if w not in FILLERS])


# Members that make a GIP more than a pooling of collectivités (contract §3: gip).
NOT_COLLECTIVITES = {"etat", "ministere", "ministeres", "prefecture", "prefectures", "universite", "universites",
                     "hopital", "hopitaux", "chu", "ars", "caf", "cpam", "rectorat", "academie", "associations",
                     "entreprises", "operateur", "operateurs", "national", "nationale", "etablissements"}
GIP_WORDS = ("gip", "groupement d interet public")


def gip_with_others(text: str, candidate: Candidate) -> bool:
    """A GIP that says it holds the State or other bodies than collectivités: « un GIP qui regroupe
    l'État, la région… », « GIP avec l'État et des universités »."""
    said = " ".join(_WORD.findall(fold(text[candidate.start:candidate.end]).text))
    if not any(said.startswith(w) for w in GIP_WORDS):
        return False
    after = _WORD.findall(fold(text[candidate.end:]).text)
    return bool(NOT_COLLECTIVITES & set(after))
