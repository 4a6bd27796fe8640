"""Whether a message describes a project, before any theme is read from it.

A first message often says who speaks and wishes something vague (« on a un projet numérique »,
« on cherche des financements pour se moderniser »), or describes the speaker's structure, role or
partners (« un truc entre plusieurs communes », « nous sommes un syndicat qui gère les déchets », « je
suis au service info mutualisé de l'agglo », « on travaille avec la région »). A theme read from it is
worse than none: the bot would skip its project question and the advisor's summary would be wrong.

- speaker_clauses: the clauses that say who speaks, its structure, its role or its partners: no theme
  is read from their words (the project said after them, « … et on veut ouvrir nos données », is);
- describes_project: whether, outside those clauses and the places named, one word says what the
  project does or makes; words of a wish, of money, of a vague modernisation, of structures and
  places say nothing of it;
- spreads: the project is spreading elsewhere a solution that works in one place (« l'étendre à
  d'autres communes », « la déployer dans les autres villes »): extension_territoriale, whatever
  the domain of the solution (citizen participation, user contact…).

Reads the normalised text (orientation/language/normalise.py: folded, SMS forms spelled out); spans
are offsets in it. Pure functions: the lexicon extractor and the theme model both ask.
"""
from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

Span = Tuple[int, int]
CONTINUATION = 8  # words at most of a clause that goes on saying who speaks

_GREETING = r"(?:(?:bonjour|bonsoir|salut|hello|coucou|madame|monsieur|oui|alors|voila|en fait|donc)\s*[,!]?\s*)*"
# Who speaks, its role, where it works, who carries the project with it: the clause these open says
# who, not what.
_IDENTITY = re.compile(_GREETING + r"(?:je suis|nous sommes|on est|on fait partie|je fais partie|nous faisons partie"
                       r"|(?:je travaille|nous travaillons|on travaille|je bosse|on bosse) (?:a|au|aux|dans|pour|chez|avec|en)"
                       r"|je dirige|nous dirigeons|je represente|nous representons|ici"
                       # a role opening the message: « adjoint au numérique à Millau », « cheffe de projet SI, CD 32 »
                       r"|(?:je suis\s+)?(?:l'|le\s|la\s|un\s|une\s)?(?:adjoint|adjointe|elu|elue|conseiller|conseillere"
                       r"|delegue|deleguee|vice-president|vice-presidente|president|presidente|dgs|dga|dgst|dsi|drh|daf"
                       r"|directeur|directrice|responsable|chef|cheffe|charge|chargee|referent|referente|agent|agente"
                       r"|secretaire|maire|stagiaire|technicien|technicienne|ingenieur|ingenieure|gestionnaire|cdp)"
                       r"|(?:notre|nos|ma|mon)\s+(?:structure|collectivite|commune|mairie|ville|syndicat|association|asso"
                       r"|entreprise|societe|service|direction|etablissement|agence|equipe|organisme|gip|epci|interco"
                       r"|agglo|communaute|pole)(?:\s+[a-z'-]+){0,2}?"
                       r"\s+(?:est|sont)\s+(?:un|une|des|le|la|l')|c'est porte|c'est mene|c'est pilote|c'est coordonne"
                       r"|(?:le|ce|notre) projet (?:est|sera|serait) (?:porte|mene|pilote|conduit|coordonne)"
                       r"|(?:on a|nous avons|j'ai) (?:des|plusieurs|quelques) partenaires|nos partenaires"
                       r"|en partenariat|en lien avec|avec nos partenaires|avec l'appui"
                       # who owns or makes up the structure: « nos actionnaires sont des communes »
                       r"|(?:nos|notre|ses|leurs?) (?:actionnaires?|membres?|adherents?|associes?|financeurs?"
                       r"|tutelles?))\b")
_GREETING_ONLY = re.compile(_GREETING)
# The speaker's structure and what it is or does as such: « notre syndicat regroupe 40 communes »,
# « on regroupe 12 communes », « notre service s'occupe des usagers ».
_MEMBERS = (r"regroupe|regroupons|regroupent|rassemble|rassemblons|reunit|reunissons|federe|federons|compte|comptons"
            r"|represente|representons")
_DOES_AS_SUCH = r"gere|gerons|s'occupe|nous occupons|accompagne|accompagnons|anime|animons|mutualise|couvre|couvrons"
_STRUCTURE_DOES = re.compile(_GREETING + r"(?:(?:notre|nos|ma|mon)\s+(?:[a-z'-]+\s+){1,3}?(?:" + _MEMBERS + "|"
                             + _DOES_AS_SUCH + r")|(?:on|nous)\s+(?:" + _MEMBERS + r"))\b")
# Where the project reaches, said alone: « en fait le projet couvre tout le département, tous les
# sites de la DDT »; not what it does (« couvre » is no network coverage there).
_SCOPE = re.compile(_GREETING + r"(?:(?:en fait|en realite|non|mais)\s*,?\s*)?(?:(?:le |notre |ce )?projet|il|ca|cela|on|nous)?\s*"
                    r"(?:couvre|couvrira|couvrirait|concerne|concernera|touche|touchera|s'etend a|s'etendra a|vise)\s+"
                    r"(?:tout|toute|tous|toutes|l'ensemble|le|la|les|l')\b")
_SCOPE_GOES_ON = re.compile(r"(?:tous|toutes|tout|toute|l'ensemble|et)\b")
# What goes on saying who speaks, right after it: « je suis à la DREAL, service transports », « le
# CCAS de la ville, on gère l'aide sociale ».
_GOES_ON = re.compile(r"(?:(?:le|la|l'|au|a la|du)\s*)?(?:service|pole|direction|sous-direction|bureau|cellule|mission"
                      r"|equipe|secteur|unite)\b|(?:on|nous)\s+(?:" + _DOES_AS_SUCH + r")\b")
# A clause opening on a structure's name, with nothing it does or wants: « le syndicat départemental
# d'énergie, on regroupe… », « un syndicat de communes pour l'informatique ».
_STRUCTURE_NAMED = re.compile(_GREETING + r"(?:(?:le|la|l'|les|un|une|notre|nos)\s*)?"
                              r"(?:mairie|conseil departemental|conseil regional|conseil general|commune|ville|communaute"
                              r"|agglo|agglomeration|interco|intercommunalite|epci"
                              r"|metropole|syndicat|sivom|sivu|smictom|gip|ccas|cias|departement|region|prefecture"
                              r"|sous-prefecture|ddt|ddtm|dreal|rectorat|ministere|asso|association|entreprise"
                              r"|chambre|hopital|chu|ehpad|etablissement|operateur|agence|universite|petr|pays"
                              r"|entente|groupement|structure|collectivite|centre de gestion|cdg)\b")
# What a clause opening on a structure's name says it does or makes: « une entreprise qui fait des
# chatbots pour la mairie » is a project.
_DOES = re.compile(r"\b(?:qui|que|qu'|pour|afin)\b")
# A wish or a plan: what follows is the project, not who speaks.
_WISH = re.compile(r"\b(?:veu[xt]|voulons|veulent|voudr\w*|souhait\w*|aimer\w*|envisag\w*|prevo\w*|projet(?:ons|te)"
                   r"|compt(?:e|ons) (?:mettre|lancer|creer|faire|developper|deployer)|besoin|cherch\w* a"
                   r"|vise|visons|objectif|l'idee|mettre en place|lancer|creer|developper|deployer|faire en sorte"
                   r"|un projet (?:de|d'|pour|qui|sur)|le projet (?:de|d'|consiste|vise|porte sur|concerne)"
                   r"|consiste\w*|vise|visent|s'agit|porte sur|portera sur|permet|permettra|permettrait"
                   # one thing made, not a line of business: « une start-up qui développe une application »
                   r"|(?:developpe\w*|con[cç]oi\w*|construi\w*|cree\w*|realise\w*|fabrique\w*|fait|faisons)\s+(?:un|une)"
                   r"\s+(?:outil|application|appli|plateforme|logiciel|portail|site|solution|chatbot|api|dispositif)"
                   # a structure that exists for the project: « un GIP qui regroupe des collectivités pour
                   # mutualiser un outil »
                   r"|(?:pour|afin de|afin d')\s*(?:mutualiser|dematerialiser|creer|developper|deployer|mettre en place"
                   r"|ouvrir|numeriser|automatiser|acheter|partager|equiper|former|recruter|construire|lancer|tester"
                   r"|experimenter|raccorder|migrer|refondre)"
                   # what the speaker is doing now is the project: « une DDT qui expérimente un outil d'IA »
                   r"|experiment\w*|teste|testons|testent|deploie\w*|deployons|met en place|mettons en place"
                   r"|lance|lancons|prepare|preparons|construi\w*|numeris\w*|dematerialis\w*|automatis\w*"
                   r"|refond\w*|migr\w*|travaill\w* sur|reflechi\w* a"
                   # a need or a problem of the speaker is the project's matter: « une commune sans fibre »
                   r"|sans|pas de|pas d'|n'a|n'avons|n'ont|manqu\w*|problemes?|difficult\w*|galere\w*|perd\w*"
                   r"|sature\w*|debord\w*|retard|oblige\w*|submerg\w*|perdus?|mal|encore|toujours|trop|plus assez"
                   r"|noy\w*|bloque\w*|papier|lent\w*"
                   # what the project is on: « on est plutôt sur l'accueil téléphonique »
                   r"|(?:on est|nous sommes|je suis|c'est)\s+(?:plutot\s+|surtout\s+|principalement\s+|plus\s+)?sur"
                   r"|plutot|surtout|principalement"
                   # an interest or a work in progress: « nous sommes intéressés par l'open data »
                   r"|interess\w*|en train de|en cours de|en reflexion|a la recherche"
                   # a purpose: « on travaille avec la CAF pour que nos usagers… », « les aides pour un chatbot »
                   r"|(?:pour|afin) qu(?:e\b|')|(?:pour|sur) (?:un|une|des|notre|nos) (?:outil|application|appli"
                   r"|plateforme|logiciel|portail|site|solution|chatbot|api|dispositif|service|espace|systeme)s?)\b")
# A wish that points back to what was said before: what the speaker does is then the project's matter.
_POINTS_BACK = re.compile(r"\b(?:pour (?:ca|cela|ce faire|les aider|nous aider|eux|elles)|dans ce (?:sens|but|cadre)"
                          r"|le faire|la meme chose)\b")
# Words between clauses: a new subject or a new sentence starts the next clause.
_CLAUSE_END = re.compile(r"[.;:!?()\n]|,\s*|\s(?:mais|car|donc|alors|puis)\s"
                         r"|\set\s(?=(?:on|nous|je|j'|notre|nos|ce|cette|mon|ma|il|elle|ils|c'est|pour|afin|le projet"
                         r"|l'objectif|l'idee|une autre|un autre|d'autres)\b)"
                         r"|\s(?=(?:on|nous|je) (?:veu|voudr|souhait|aimer|cherch|envisag|a besoin|avons besoin|pense)\w*)"
                         # « je suis la préfecture du Cher projet de chatbot »: the project starts unannounced
                         r"|\s(?=(?:(?:un|le|notre|mon|ce|son|leur)\s+)?projets?\s(?!est|sera|serait))")
_WORD = re.compile(r"[a-z0-9]+")
# Words that say nothing of what the project does: grammar, greetings, wishes and asking, money and
# calls, a vague modernisation, structures, people and partners, places and sizes.
_EMPTY = frozenset(_WORD.findall("""
a ai aie aient ais ait alors as au aucun aucune aussi autre autres aux avec avez avoir avons ayant bah beaucoup
bien bon bref c ca car ce ceci cela celle celles celui cependant ces cet cette chaque chez ci comme comment d
dans de des deja donc dont du elle elles en encore entre es est et etc etaient etait etant ete etes etre eu eux
fait faire fais faisons faut font hein ici il ils j je l la le les leur leurs lui m ma mais me mes moi mon
n ne ni nos notre nous on ont or ou oui par parce pas peu peut peuvent peux plus plusieurs pour pourquoi
pouvez pouvons puis qu quand que quel quelle quelles quels quelque quelques qui quoi s sa sans se ses si sien
soit sommes son sont sous suis sur t ta te tes toi ton tous tout toute toutes tres trop tu un une unes uns
vers voici voila vos votre vous vu y quoi afin ainsi etc ok okay rien svp plait merci
bonjour bonsoir salut hello coucou madame monsieur cordialement
veux veut voulons voulez veulent voudrais voudrait voudrions voudriez voudraient vouloir souhaite souhaitons
souhaitent souhaiterais souhaiterait souhaiterions souhaitez souhaiter aimerais aimerait aimerions aimeraient
envisage envisageons cherche cherchons cherchent chercher besoin savoir sais sait savons connaitre demande
demander demandons aider aide aides aidez aides accompagner accompagne accompagnes accompagnee accompagnement
orienter orientation conseil conseils conseiller conseillers rendez-vous rdv prendre parler question questions
info infos information informations renseignement renseignements possible possibles existe existent dispo
disponible disponibles droit eligible eligibles candidater candidature candidatures postuler deposer dossier
dossiers appel appels projets projet idee idees piste pistes truc trucs chose choses machin qqch quelque
financement financements financer finance subvention subventions argent sous euros euro k m budget cout
cofinancement enveloppe coup pouce financier financiere fonds relance france
numerique numeriques digital digitale digitaliser digitalisation informatique informatiques moderniser
modernisation modernise transformation transition evoluer evolution
avancer ameliorer amelioration developpement nouveau nouvelle nouveaux nouvelles page niveau ere lancer
demarche mettre entrer monter
encore defini definir decide decider arrete flou reflechit reflechissons reflexion hesite hesitons verra
verrons selon lequel laquelle lesquels sait
mairie mairies commune communes ville villes communaute communautes agglo agglomeration interco intercos
intercommunalite intercommunal intercommunale epci metropole metropolitain syndicat syndicats sivom sivu
mixte gip ccas cias departement departements departemental departementale region regions regional
regionale prefecture prefectures sous-prefecture ddt ddtm dreal rectorat academie ministere ministeres
ministeriel direction directions service services pole cellule mission bureau equipe equipes dsi
asso association associations entreprise entreprises societe pme chambre hopital chu ch ehpad
etablissement etablissements operateur operateurs agence agences universite petr pays entente groupement
structure structures collectivite collectivites territoire territoires territorial territoriale local
locale locales rural rurale rurales etat public publique publics publiques administration centrale
deconcentre elu elue elus maire dgs secretaire charge chargee responsable directeur directrice chef cheffe
agent personne personnes membre membres adherent adherents partenaire partenaires partenariat lien
acteur acteurs porte portes porteur porteuse mene pilote coordonne travail travaille travaillons bosse
gere gerons habitant habitants hab canton quartier petit petite petites grand grande assos anime animons
pouvez pourriez pouvoir est-ce accelerer completer monter montons preparer preparons correspond correspondre
concerne concernant presenter plein moment instant date dates limite limites prochain prochains prochaine
rendez decouvre decouvrir expliquer explique explication prefere preferons outil outils financez marche marchent
deux trois quatre cinq dix premier premiere
environ env approximativement presque quasi pres moins
precis precise precisement juste seulement simplement vraiment exactement concret concretement voir regarder renseigner
non
"""))


def _lower(text: str) -> str:
    """The normalised text in lower case (the extractors give it back its capitals: « CA », « DDT »),
    offsets unchanged."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else "".join(c.lower()[:1] or c for c in text)


def _clauses(text: str) -> List[Span]:
    spans, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def speaker_clauses(text: str) -> List[Span]:
    """The clauses (offsets in the normalised `text`) that say who speaks, its structure, its role or
    its partners, and want nothing."""
    text = _lower(text)
    found: List[Span] = []
    if _POINTS_BACK.search(text):  # « on est une asso qui aide aux démarches, on voudrait un site pour ça »
        return found
    for k, (start, end) in enumerate(_clauses(text)):
        clause = text[start:end].strip()
        if _WISH.search(clause):
            continue
        # a few words right after who speaks go on saying it: « je suis à la DREAL, service transports »
        goes_on = (bool(found) and found[-1][1] >= _previous_end(text, start) and bool(_GOES_ON.match(clause))
                   and len(_WORD.findall(clause)) <= CONTINUATION)
        opens = k == 0 or all(_GREETING_ONLY.fullmatch(text[a:b].strip()) for a, b in _clauses(text)[:k])
        named = opens and _STRUCTURE_NAMED.match(clause) and not _DOES.search(clause)
        scope = _SCOPE.match(clause) or (bool(found) and found[-1][1] >= _previous_end(text, start)
                                         and _SCOPE.match(text[found[-1][0]:found[-1][1]].strip())
                                         and _SCOPE_GOES_ON.match(clause))
        if goes_on or named or scope or _IDENTITY.match(clause) or _STRUCTURE_DOES.match(clause):
            found.append((start, end))
    return found


def _previous_end(text: str, start: int) -> int:
    """Where the clause before the one at `start` ended (the separators between them skipped)."""
    k = start
    while k > 0 and not text[k - 1].isalnum():
        k -= 1
    return k


def describes_project(text: str, hidden: Sequence[Span] = (), who_counts: bool = False) -> bool:
    """Whether a word of `text`, outside the speaker's clauses (unless `who_counts`) and the spans
    `hidden` (places named), says what the project does or makes."""
    text = _lower(text)
    skipped = list(hidden) + ([] if who_counts else speaker_clauses(text))
    for m in _WORD.finditer(text):
        if any(s <= m.start() < e for s, e in skipped):
            continue
        word = m.group()
        if word not in _EMPTY and not word.isdigit():
            return True
    return False


# Spreading a working solution to other places: a verb of spreading, then, within a few words, other
# places (not other people: « proposer aux autres agents » is no spreading), or all places (« à toutes
# les préfectures »). Offering or opening something to others (« ouvrir nos données aux autres
# administrations ») spreads only a solution the message says already works somewhere.
_STRONG = r"deploy\w*|etend\w*|extension|generalis\w*|dupliqu\w*|essaim\w*|repliqu\w*|reprendre|repris\w*|elargi\w*|transpos\w*"
_WEAK = r"diffus\w*|propos\w*|ouvr\w*"
# Places and bodies a solution may be spread to (not other people, services or uses: « étendre l'outil
# à d'autres démarches » is no spreading).
_PLACES = (r"(?:communes|villes|villages|departements|regions|territoires|prefectures|sous-prefectures|academies"
           r"|rectorats|collectivites|intercos|intercommunalites|epci|agglos|agglomerations|metropoles|ministeres"
           r"|administrations|directions regionales|ddt\w*|dreal|caf|sites|agences|pays|etablissements|hopitaux"
           r"|universites|ecoles|colleges|lycees|mairies|departement|region|territoire|pays|france|zones|bassins)\b")
_OTHER_PLACES = (r"(?:\s+[a-z'-]+){0,6}?\s+(?:(?:a|aux|dans|sur|chez|vers)\s+(?:d'autres|les autres|de nouveaux"
                 r"|de nouvelles)\s+(?:[a-z'-]+\s+)?" + _PLACES + r"|aux autres(?:\s+" + _PLACES + r"|\s*(?:$|[,.;!?])))"
                 r"|(?:\s+[a-z'-]+){0,3}?\s+ailleurs\b")
_ALL_PLACES = (r"(?:\s+[a-z'-]+){0,6}?\s+(?:a|aux|dans|sur|chez)\s+(?:toutes les|tous les|tout le|toute la|tte la"
               r"|l'ensemble des|l'ensemble du)\s+" + _PLACES)
_SPREADS = re.compile(r"\b(?:" + _STRONG + r")\b" + _OTHER_PLACES)
_SPREADS_IF_PROVEN = re.compile(r"\b(?:" + _STRONG + r")\b" + _ALL_PLACES + r"|\b(?:" + _WEAK + r")\b(?:"
                                + _OTHER_PLACES + "|" + _ALL_PLACES + ")")
_PROVEN = re.compile(r"\b(?:marche|marchent|fonctionne|fonctionnent|a fait ses preuves|ont fait leurs preuves"
                     r"|eprouve\w*|teste\w*|experimente\w*|avec succes|a bien marche|existe deja|deja utilise\w*"
                     r"|concu|cree|developpe|mis au point|qu'on a|que nous avons|lance)\b")
# Others taking up a solution proven elsewhere: « reprendre chez nous un outil déjà utilisé avec succès
# par la ville voisine », « d'autres départements veulent le reprendre », « une autre commune a créé un
# service qui marche, on voudrait le reprendre ».
_TAKE = r"(?:reprendre|reutiliser|recuperer|dupliquer|repliquer|adopter|importer|copier)"
_TAKEN_UP = re.compile(r"\b(?:reprendre|reutiliser|adopter|importer)\b(?:\s+[a-z'-]+){0,10}?\s+"
                       r"(?:deja utilise\w*|avec succes|qui a fait ses preuves|eprouve\w*|qui marche ailleurs)"
                       r"|\bd'autres\s+[a-z-]+\s+(?:veu\w*|voudr\w*|souhait\w*|demand\w*)\s+(?:(?:a|de|d')\s*)?(?:(?:le|la|l'|les)\s*)?"
                       r"(?:reprendre|utiliser|deployer|adopter)\b"
                       r"|\b(?:marche\w*|fonctionne\w*|fait ses preuves|avec succes)\b(?:\s+[a-z'-]+){0,8}?\s+(?:le|la|l'|les)\s*"
                       r"(?:reprendre|reproduire|dupliquer|transposer|adapter|deployer|generaliser)\b"
                       r"|\b(?:une autre|d'autres)\s+(?:collectivite|commune|ville|region|departement|prefecture|administration"
                       r"|academie|agglo|interco|metropole)s?\s+(?:a|ont)\s+(?:cree|developpe|mis en place|concu|lance)\b"
                       # « réutiliser un outil déjà développé par une autre agglo », « reprendre leur appli et la
                       # déployer chez nous »: another's solution brought home
                       r"|\b" + _TAKE + r"\b(?:\s+[a-z'-]+){0,10}?\s+(?:deja\s+)?(?:developpe|cree|concu|mis en place"
                       r"|mis au point|utilise|teste|deploye)e?s?\s+(?:par|a|au|chez|dans)\s+(?:une autre|un autre|d'autres"
                       r"|nos voisins|la ville voisine|la commune voisine|l'agglo voisine|le departement voisin)\b"
                       r"|\b" + _TAKE + r"\s+(?:leur|leurs|celui|celle|ceux|celles)\b(?:\s+[a-z'-]+){0,10}?\s+"
                       r"(?:chez nous|ici|sur notre territoire|dans notre|a notre)\b")


def spread_span(text: str) -> Optional[Span]:
    """Where the message says that the project spreads elsewhere a solution (« l'étendre à d'autres
    communes »), or None."""
    text = _lower(text)
    found = _SPREADS.search(text) or _TAKEN_UP.search(text) or _PROVEN.search(text) and _SPREADS_IF_PROVEN.search(text)
    return found.span() if found else None


def spreads(text: str) -> bool:
    return spread_span(text) is not None
