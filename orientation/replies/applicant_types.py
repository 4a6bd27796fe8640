"""The applicant types explained in a few words each, for a user who does not know which one is
theirs (the « Autre / je ne sais pas » button of the applicant-type question). The types are those
of contract §3 (orientation/eligibility/vocabulary.py); the examples say who each one is."""
from __future__ import annotations

import re

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


def asks_the_types(text: str) -> bool:
    """The answer to the applicant-type question is « Autre », « je ne sais pas » or asks which types
    there are (« c'est quoi les choix ? »)."""
    folded = fold(text).text
    return says_unknown(text) or bool(re.search(r"\b(?:autre|aucun(?:e)?|quels? types?|quelles? (?:sont les )?"
                                                r"(?:categories|cases|choix)|ne sai[st]|sai[st] pas|sp|jsp|nsp)\b",
                                                folded))
