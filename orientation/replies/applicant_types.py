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


# « l'État » names two kinds of contract §3: the ministries and their central directorates, and the
# State's services in a territory. Said alone, the bot asks which one.
STATE_QUESTION = ("L'État, d'accord : s'agit-il d'une administration centrale (ministère, direction générale, DNUM) "
                  "ou d'un service déconcentré (préfecture, DDT, DREAL, rectorat…) ?")
STATE_TYPES = (("Administration centrale", "administration_centrale"),
               ("Service déconcentré (préfecture, DDT…)", "service_deconcentre"))
# The words that may stand beside « État » in an answer that names nothing more precise.
_AROUND_THE_STATE = {"c", "cest", "est", "on", "nous", "ns", "sommes", "je", "suis", "j", "l", "la", "le", "de", "d",
                     "du", "un", "une", "a", "au", "pour", "chez", "agent", "agente", "agents", "administration",
                     "fonction", "publique", "fonctionnaire", "service", "services", "bah", "ben", "euh", "bon",
                     "ici", "travaille", "bosse", "etat"}


def names_the_state_only(text: str) -> bool:
    """The answer names the State and nothing that tells central from deconcentrated: « état »,
    « c l'etat », « on est l'État », « agent de l'État », « fonction publique d'État »."""
    words = re.findall(r"[a-z0-9]+", fold(text).text)
    return "etat" in words and all(w in _AROUND_THE_STATE for w in words)


def asks_the_types(text: str) -> bool:
    """The answer to the applicant-type question is « Autre », « je ne sais pas » or asks which types
    there are (« c'est quoi les choix ? »)."""
    folded = fold(text).text
    return says_unknown(text) or bool(re.search(r"\b(?:autre|aucun(?:e)?|quels? types?|quelles? (?:sont les )?"
                                                r"(?:categories|cases|choix)|ne sai[st]|sai[st] pas|sp|jsp|nsp)\b",
                                                folded))
