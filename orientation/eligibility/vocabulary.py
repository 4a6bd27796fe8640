"""Canonical values of contract §3 with their French labels.

The keys are the values stored in the `applicant_type` and `project_nature` slots and
used by the catalogue; the labels are what users read.
"""

# value -> (singular with article, plural with article)
APPLICANT_TYPES = {
    "administration_centrale": ("une administration centrale", "les administrations centrales"),
    "service_deconcentre": ("un service déconcentré de l'État", "les services déconcentrés de l'État"),
    "operateur_etat": ("un opérateur de l'État", "les opérateurs de l'État"),
    "region": ("une région", "les régions"),
    "departement": ("un département", "les départements"),
    "commune": ("une commune", "les communes"),
    "epci": ("un EPCI (intercommunalité)", "les EPCI (intercommunalités)"),
    "collectivite_outre_mer": (
        "une collectivité d'outre-mer à statut particulier",
        "les collectivités d'outre-mer à statut particulier",
    ),
    "groupement_collectivites": ("un groupement de collectivités", "les groupements de collectivités"),
    "etablissement_public_local": ("un établissement public local", "les établissements publics locaux"),
    "etablissement_public_sante": ("un établissement public de santé", "les établissements publics de santé"),
    "sem_spl": ("une SEM ou SPL (entreprise publique locale)", "les SEM et SPL (entreprises publiques locales)"),
    "gip": ("un groupement d'intérêt public (GIP)", "les groupements d'intérêt public (GIP)"),
    "chambre_consulaire": ("une chambre consulaire", "les chambres consulaires"),
    "association": ("une association", "les associations"),
    "entreprise": ("une entreprise", "les entreprises"),
    "particulier": ("un particulier", "les particuliers"),
}

THEMES = {
    "demarches_en_ligne": "dématérialisation des démarches et services en ligne",
    "ecosysteme_politique_publique": "plateforme numérique réunissant les acteurs d'une politique publique",
    "extension_territoriale": "extension à de nouveaux territoires d'une solution éprouvée",
    "filiere_numerique": "recrutement, formation et fidélisation des professionnels du numérique",
    "donnees": "données (open data, API, échange, data science, IA, archivage, tableaux de bord)",
    "innovation": "expérimentation d'une technologie ou d'un concept non mature",
    "relation_usagers": "relation usagers omnicanale, accueil téléphonique, CRM",
    "pilotage_reforme": "mise en œuvre et pilotage d'une réforme prioritaire",
    "efficience_automatisation": "automatisation des tâches répétitives et des fonctions support",
    "transformation_organisation": "transformation des organisations et des métiers",
    "reseau_debit": "réseau et débits des sites de l'État",
    "agentconnect": "fournisseur d'identités ou de services AgentConnect",
    "terminaux": "terminaux numériques sécurisés des agents",
    "travail_collaboratif": "communication unifiée et outils collaboratifs",
    "methodes_travail": "appropriation des outils et méthodes numériques par les agents",
    "cooperation_usagers": "coopération avec les partenaires et les usagers",
    "besoin_mutualise": "besoin numérique partagé avec d'autres collectivités",
}

KINDS = {
    "guichet": "guichet",
    "appel_a_projets": "appel à projets",
    "guichet_et_appel_a_projets": "guichet et appel à projets",
    "consultation": "consultation",
    "fil_de_l_eau": "dépôt au fil de l'eau",
}


def applicant_label(value: str, plural: bool = False) -> str:
    singular, many = APPLICANT_TYPES[value]
    return many if plural else singular
