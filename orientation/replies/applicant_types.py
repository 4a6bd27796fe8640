"""The applicant types explained in a few words each, for a user who does not know which one is
theirs (the « Autre / je ne sais pas » button of the applicant-type question). The types are those
of contract §3 (orientation/eligibility/vocabulary.py); the examples say who each one is."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import FrozenSet, Optional, Tuple

from orientation.eligibility.vocabulary import APPLICANT_TYPES, applicant_label
from orientation.language.amounts import says_unknown
from orientation.language.fold import fold

OTHER_BUTTON_TITLE = "Autre / je ne sais pas"
# A few words each: who belongs to the type.
EXAMPLES = {
    "administration_centrale": "ministère, direction générale, DNUM, secrétariat général",
    "service_deconcentre": "préfecture, SGAR, DDT(M), DREAL, DREETS, DDETS, DRFiP, rectorat",
    "operateur_etat": "établissement public national : France Travail, Cerema, IGN, université, CNRS",
    "region": "conseil régional",
    "departement": "conseil départemental",
    "commune": "mairie, ville",
    "epci": "communauté de communes, d'agglomération, urbaine, métropole",
    "collectivite_outre_mer": "Saint-Barthélemy, Saint-Martin, Saint-Pierre-et-Miquelon, Wallis-et-Futuna, "
                              "Polynésie française, Nouvelle-Calédonie",
    "groupement_collectivites": "syndicat mixte, GIP ou réseau de collectivités",
    "etablissement_public_local": "CCAS, SDIS, office public de l'habitat, centre de gestion",
    "etablissement_public_sante": "hôpital public, centre hospitalier, CHU, EHPAD public",
    "sem_spl": "société d'économie mixte, société publique locale",
    "gip": "GIP avec l'État",
    "chambre_consulaire": "CCI, chambre de métiers, chambre d'agriculture",
    "association": "association loi 1901",
    "entreprise": "PME, start-up, société privée",
    "particulier": "personne privée",
}


def applicant_types_explained() -> str:
    """« Voici les types de structures : … Laquelle porte le projet ? », one line per type."""
    lines = [f"- {_capital(applicant_label(value))} : {EXAMPLES[value]}" for value in APPLICANT_TYPES]
    return ("Voici les types de structures, avec des exemples :\n" + "\n".join(lines)
            + "\nLaquelle porte le projet ? Vous pouvez aussi écrire son nom (« mairie de Crest », « CD du Cantal »).")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Family:
    """Several kinds of contract §3 named together: « l'État », « une collectivité », « un
    établissement public ». Said alone, the bot asks which one, with a button each."""
    words: FrozenSet[str]  # one of them names the family
    also: FrozenSet[str]  # words that may stand beside them without naming anything more precise
    question: str
    types: Tuple[Tuple[str, str], ...]  # (button title, applicant type)


FAMILIES = (
    Family(frozenset({"etat", "fpe"}), frozenset({"administration", "fonction", "publique", "fonctionnaire", "service",
                                                  "services"}),
           "L'État, d'accord : s'agit-il d'une administration centrale (ministère, direction générale, DNUM) ou d'un "
           "service déconcentré (préfecture, DDT, DREAL, rectorat…) ?",
           (("Administration centrale", "administration_centrale"),
            ("Service déconcentré (préfecture, DDT…)", "service_deconcentre"))),
    Family(frozenset({"collectivite", "collectivites", "fpt"}), frozenset({"territoriale", "territoriales", "locale",
                                                                            "locales", "fonction", "publique"}),
           "Une collectivité, d'accord : laquelle ? Région, département, commune, intercommunalité, groupement de "
           "collectivités ou collectivité d'outre-mer ?",
           (("Région", "region"), ("Département", "departement"), ("Commune", "commune"), ("Intercommunalité", "epci"),
            ("Groupement de collectivités", "groupement_collectivites"),
            ("Collectivité d'outre-mer", "collectivite_outre_mer"))),
    Family(frozenset({"etablissement", "etablissements"}), frozenset({"public", "publics", "ep"}),
           "Un établissement public, d'accord : de l'État (opérateur national : France Travail, université, CNRS…), "
           "local (CCAS, SDIS, office public de l'habitat…) ou de santé (hôpital, EHPAD public) ?",
           (("Opérateur de l'État", "operateur_etat"), ("Établissement public local", "etablissement_public_local"),
            ("Établissement public de santé", "etablissement_public_sante"))),
)
# The words of an answer that name nothing: « c'est », « on est », determiners, hesitations.
_AROUND = frozenset({"c", "cest", "est", "on", "nous", "ns", "sommes", "je", "suis", "j", "l", "la", "le", "de", "d",
                     "du", "un", "une", "a", "au", "pour", "chez", "dans", "ds", "agent", "agente", "agents", "bah",
                     "ben", "euh", "bon", "ici", "travaille", "bosse", "plutot", "en", "fait", "oui", "alors"})


def family_named(text: str) -> Optional[Family]:
    """The family the answer names and nothing more precise: « état », « c l'etat », « agent de l'État »,
    « une collectivité », « collectivité territoriale », « un établissement public »."""
    words = re.findall(r"[a-z0-9]+", fold(text).text)
    for family in FAMILIES:
        if family.words & set(words) and all(w in _AROUND or w in family.words or w in family.also for w in words):
            return family
    return None


def asks_the_types(text: str) -> bool:
    """The answer to the applicant-type question is « Autre », « je ne sais pas » or asks which types
    there are (« c'est quoi les choix ? »)."""
    folded = fold(text).text
    return says_unknown(text) or bool(_ASKS_THE_TYPES.search(folded))


# « autre », « je sais pas », « ché pas », « pas sûr », « c quoi les choix ? », « quelle case ? »,
# « rien de tout ça », « pas dans la liste », « c quoi la différence ? »
_ASKS_THE_TYPES = re.compile(
    r"\b(?:autre|aucun(?:e)?|ne sai[st]|sai[st] pas|sp|jsp|nsp|ch[eé]s? pas|chai[st]? pas|pas s[uû]re?|"
    r"(?:quels?|quelles?|c est quoi|c quoi|cest quoi) (?:sont )?(?:les |la |le )?(?:types?|categories?|cases?|choix|"
    r"options?|possibilites|differences?)|quelle case|quelle categorie|rien de tout ca|pas dans (?:la|votre) liste|"
    r"comprends? pas|ne vois pas|je vois pas|hesite)\b")
