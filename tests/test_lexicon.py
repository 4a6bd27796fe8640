"""Recognition of applicant types, themes, call codes and aspects (orientation/language/lexicon.py)."""
import pytest
import yaml

from orientation.eligibility.vocabulary import APPLICANT_TYPES, THEMES
from orientation.entities import lexicon, lexicon_entities
from orientation.language.amounts import extract_quantities
from orientation.language.lexicon import LEXICON_FILE

entities = lexicon.entities  # the lexicon with the catalogue's call names, as the NLU reads


def found(text):
    return {(m.entity, m.value) for m in entities(text)}


@pytest.mark.parametrize("text, expected", [
    ("Je suis la DDT du Rhône", ("applicant_type", "service_deconcentre")),
    ("la prefecture de la Gironde", ("applicant_type", "service_deconcentre")),
    ("nous sommes la mairie de Lyon", ("applicant_type", "commune")),
    ("le conseil régional d'Occitanie", ("applicant_type", "region")),
    ("France Travail", ("applicant_type", "operateur_etat")),
    ("une communauté de communes", ("applicant_type", "epci")),
    ("le conseil departemental", ("applicant_type", "departement")),
    ("je suis un particulier", ("applicant_type", "particulier")),
    ("notre projet vise à ouvrir nos données", ("project_nature", "donnees")),
    ("une plateforme de participation citoyenne", ("project_nature", "cooperation_usagers")),
    ("quel est le taux de SNAP3 ?", ("call_aspect", "taux")),
])
def test_recognises(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text, code", [("ITN8A", "ITN8A"), ("itn 8 a", "ITN8A"), ("snap-2b", "SNAP2B"),
                                        ("SNAP 3", "SNAP3"), ("tnt coop", "TNT-COOP"),
                                        ("l'appel coopération", "TNT-COOP")])
def test_call_codes_as_typed(text, code):
    assert ("call_code", code) in found(text)


def test_a_letter_after_a_code_that_takes_none_is_a_word():
    assert found("SNAP3 a un plafond ?") >= {("call_code", "SNAP3")}
    assert ("call_code", "SNAP3A") not in found("SNAP3 a un plafond ?")
    assert ("call_code", "ITN5") in found("ITN5 c'est quoi ?")


def test_typos_and_missing_accents():
    assert ("applicant_type", "service_deconcentre") in found("prefecure de region")
    assert ("applicant_type", "commune") in found("la MAIRIE")


def test_words_that_look_like_types_but_are_not():
    assert ("applicant_type", "administration_centrale") not in found("la préfecture du Finistère")
    assert ("applicant_type", "particulier") not in found("en particulier la mairie de Lyon")


def test_a_specific_type_wins_over_a_generic_word():
    assert found("la DREAL de la région Grand Est") & {("applicant_type", "region")} == set()


def test_one_applicant_type_per_message():
    assert len([m for m in entities("la DDT, avec la région et la commune") if m.entity == "applicant_type"]) == 1


# --- coverage: every applicant type and every theme -------------------------------------------
# read() is what the NLU gives (addons/components/entity_extractors.py): words inside an amount are skipped.

def read(text, entity):
    """The one value of a single-valued entity the NLU keeps for this message, or None."""
    skip = [(q.start, q.end) for q in extract_quantities(text)]
    return next((m.value for m in entities(text, skip) if m.entity == entity), None)


APPLICANT_TYPES_SAID = [
    ("Je travaille au ministère de l'Intérieur", "administration_centrale"),
    ("nous sommes une direction d'administration centrale", "administration_centrale"),
    ("la DNUM du ministère des Armées porte le projet", "administration_centrale"),
    ("je suis à la DGFiP, au bureau des systèmes d'information", "administration_centrale"),
    ("secretariat general du ministere de la culture", "administration_centrale"),
    ("le minsitère de l'agriculture", "administration_centrale"),  # typo
    ("Je suis la DDT du Rhône", "service_deconcentre"),
    ("la prefecture de la Gironde", "service_deconcentre"),
    ("nous sommes la DREAL Occitanie", "service_deconcentre"),
    ("je travaille dans une sous-préfecture", "service_deconcentre"),
    ("le rectorat de l'académie de Lyon", "service_deconcentre"),
    ("la DDETS-PP de l'Ain", "service_deconcentre"),
    ("prefecure de region", "service_deconcentre"),  # typo, no accent
    ("France Travail", "operateur_etat"),
    ("nous sommes un opérateur de l'État", "operateur_etat"),
    ("je suis à l'université de Bordeaux", "operateur_etat"),
    ("un laboratoire de recherche public", "operateur_etat"),
    ("l'INRAE voudrait ouvrir ses données", "operateur_etat"),
    ("Pole emploi", "operateur_etat"),
    ("un etablissement public national", "operateur_etat"),
    ("le conseil régional d'Occitanie", "region"),
    ("la Région Bretagne porte le projet", "region"),
    ("conseil regional", "region"),
    ("nous sommes une collectivité régionale", "region"),
    ("le conseil departemental", "departement"),
    ("le Conseil départemental du Nord", "departement"),
    ("le conseil general de la Manche", "departement"),
    ("l'hôtel du département", "departement"),
    ("nous sommes la mairie de Lyon", "commune"),
    ("une commune de 3 000 habitants", "commune"),
    ("la ville de Rennes", "commune"),
    ("la MAIRIE", "commune"),
    ("la municipalité souhaite", "commune"),
    ("l'hotel de ville", "commune"),
    ("une communauté de communes", "epci"),
    ("la communauté d'agglomération du Grand Dax", "epci"),
    ("la métropole de Lyon", "epci"),
    ("notre intercommunalité", "epci"),
    ("on est une agglo de 80 000 habitants", "epci"),
    ("communaute urbaine", "epci"),
    ("une collectivité d'outre-mer", "collectivite_outre_mer"),
    ("collectivite d'outre mer a statut particulier", "collectivite_outre_mer"),
    ("nous sommes une collectivité ultramarine", "collectivite_outre_mer"),
    ("élue à l'assemblée territoriale", "collectivite_outre_mer"),  # Wallis-et-Futuna's
    ("je travaille au congrès de la Nouvelle-Calédonie", "collectivite_outre_mer"),
    ("agent du conseil territorial de Saint-Barthélemy", "collectivite_outre_mer"),
    ("un syndicat mixte", "groupement_collectivites"),
    ("un syndicat mixte ouvert pour le numérique", "groupement_collectivites"),
    ("un groupement de collectivités", "groupement_collectivites"),
    ("un pôle métropolitain", "groupement_collectivites"),
    ("nous sommes un PETR", "groupement_collectivites"),
    ("le CCAS de la ville", "etablissement_public_local"),
    ("un centre communal d'action sociale", "etablissement_public_local"),
    ("le SDIS du Var", "etablissement_public_local"),
    ("un office public de l'habitat", "etablissement_public_local"),
    ("un etablissement public local", "etablissement_public_local"),
    ("le centre hospitalier de Valence", "etablissement_public_sante"),
    ("je travaille au CHU de Nantes", "etablissement_public_sante"),
    ("un hôpital public", "etablissement_public_sante"),
    ("un EHPAD public", "etablissement_public_sante"),
    ("un établissement public de santé", "etablissement_public_sante"),
    ("nous sommes une SEM d'aménagement", "sem_spl"),
    ("une société d'économie mixte", "sem_spl"),
    ("notre SPL numérique", "sem_spl"),
    ("une societe publique locale", "sem_spl"),
    ("une entreprise publique locale", "sem_spl"),
    ("un GIP national", "gip"),
    ("un groupement d'intérêt public national", "gip"),
    ("un gip d'état", "gip"),
    ("la CCI de région", "chambre_consulaire"),
    ("la chambre d'agriculture", "chambre_consulaire"),
    ("la chambre de métiers et de l'artisanat", "chambre_consulaire"),
    ("une chambre consulaire", "chambre_consulaire"),
    ("une association loi 1901", "association"),
    ("nous sommes une asso", "association"),
    ("une fédération d'associations", "association"),
    ("une structure associative", "association"),
    ("une assocation de quartier", "association"),  # typo
    ("une PME", "entreprise"),
    ("une start-up", "entreprise"),
    ("une entreprise de services numériques", "entreprise"),
    ("nous sommes une startup", "entreprise"),
    ("une entrepise privée", "entreprise"),  # typo
    ("je suis un particulier", "particulier"),
    ("un simple citoyen", "particulier"),
    ("je demande à titre personnel", "particulier"),
    ("je suis une citoyenne", "particulier"),
]


@pytest.mark.parametrize("text, value", APPLICANT_TYPES_SAID)
def test_applicant_types_as_people_say_them(text, value):
    assert read(text, "applicant_type") == value


# Phrases close to one value that must give another (or none).
APPLICANT_NEAR_MISSES = [
    ("le ministre a annoncé un plan", "administration_centrale", None),
    ("la préfecture du Finistère", "administration_centrale", "service_deconcentre"),
    ("le ministère de la recherche", "operateur_etat", "administration_centrale"),
    ("la direction générale des collectivités locales", "service_deconcentre", "administration_centrale"),
    ("la direction départementale des territoires", "departement", "service_deconcentre"),
    ("la préfecture de région", "region", "service_deconcentre"),
    ("la DREAL de la région Grand Est", "region", "service_deconcentre"),
    ("la direction régionale des finances publiques", "region", "service_deconcentre"),
    ("la préfecture de département", "departement", "service_deconcentre"),
    ("notre projet couvre trois départements", "departement", None),
    ("un établissement public local", "operateur_etat", "etablissement_public_local"),
    ("un établissement public national", "etablissement_public_local", "operateur_etat"),
    # a public hospital is not a State operator (contract §3)
    ("un établissement public de santé", "operateur_etat", "etablissement_public_sante"),
    ("le CHU de Lille", "operateur_etat", "etablissement_public_sante"),
    ("une communauté de communes", "commune", "epci"),
    ("Marie Dupont", "commune", None),
    ("le centre-ville", "commune", None),
    ("un projet avec d'autres communes", "commune", None),
    ("nous vivons en métropole", "epci", None),
    ("une attention particulière aux usagers", "particulier", None),
    ("en particulier la mairie de Lyon", "particulier", "commune"),
    ("une collectivité à statut particulier", "particulier", "collectivite_outre_mer"),
    ("une association", "entreprise", "association"),
    ("une entreprise", "association", "entreprise"),
    ("une entreprise publique locale", "entreprise", "sem_spl"),
    ("un CCAS", "sem_spl", "etablissement_public_local"),
    ("un GIP qui regroupe nos communes", "gip", "groupement_collectivites"),
    ("la chambre régionale des comptes", "chambre_consulaire", None),
    ("la métropole", "groupement_collectivites", "epci"),
]


@pytest.mark.parametrize("text, wrong, right", APPLICANT_NEAR_MISSES)
def test_applicant_near_misses(text, wrong, right):
    assert read(text, "applicant_type") == right != wrong


THEMES_SAID = [
    ("notre projet vise à dématérialiser nos démarches", "demarches_en_ligne"),
    ("mettre en ligne nos demarches administratives", "demarches_en_ligne"),
    ("un portail usagers avec FranceConnect", "demarches_en_ligne"),
    ("la dematerialisation des demarches", "demarches_en_ligne"),
    ("des téléservices pour les familles", "demarches_en_ligne"),
    ("une plateforme réunissant les acteurs de la politique publique du logement", "ecosysteme_politique_publique"),
    ("fédérer les acteurs autour de l'emploi", "ecosysteme_politique_publique"),
    ("un ecosysteme numerique de politique publique", "ecosysteme_politique_publique"),
    ("étendre notre solution à d'autres territoires", "extension_territoriale"),
    ("essaimer une application qui a fait ses preuves", "extension_territoriale"),
    ("passer a l'echelle une experimentation locale", "extension_territoriale"),
    ("recruter des développeurs et des data scientists", "filiere_numerique"),
    ("attirer des talents du numérique dans l'administration", "filiere_numerique"),
    ("fideliser nos experts numeriques", "filiere_numerique"),
    ("notre projet vise à ouvrir nos données", "donnees"),
    ("une API pour l'échange de données", "donnees"),
    ("un entrepôt de données et des tableaux de bord", "donnees"),
    ("l'archivage electronique", "donnees"),
    ("expérimenter une technologie émergente", "innovation"),
    ("un POC sur la blockchain", "innovation"),
    ("une preuve de concept en test and learn", "innovation"),
    ("un centre de contact pour les usagers", "relation_usagers"),
    ("améliorer l'accueil téléphonique", "relation_usagers"),
    ("un crm pour la relation usagers omnicanale", "relation_usagers"),
    ("un chatbot pour répondre aux usagers de la mairie", "relation_usagers"),
    ("piloter une réforme prioritaire du gouvernement", "pilotage_reforme"),
    ("le suivi de la mise en œuvre d'une réforme", "pilotage_reforme"),
    ("le barometre des resultats de l'action publique", "pilotage_reforme"),
    ("automatiser des tâches répétitives avec du RPA", "efficience_automatisation"),
    ("un chatbot pour les agents", "efficience_automatisation"),
    ("un chatbot pour le service RH", "efficience_automatisation"),
    ("automatisation des fonctions support", "efficience_automatisation"),
    ("accompagner la conduite du changement", "transformation_organisation"),
    ("repenser notre organisation avec le travail hybride", "transformation_organisation"),
    ("la transformation des metiers", "transformation_organisation"),
    ("passer à la fibre optique sur nos sites", "reseau_debit"),
    ("améliorer le débit des sites de l'État", "reseau_debit"),
    ("le raccordement au RIE", "reseau_debit"),
    ("devenir fournisseur d'identité AgentConnect", "agentconnect"),
    ("brancher nos applications sur Agent Connect", "agentconnect"),
    ("l'authentification des agents", "agentconnect"),
    ("des terminaux sécurisés pour les agents", "terminaux"),
    ("un poste de travail nomade avec VPN", "terminaux"),
    ("une flotte de smartphones en MDM", "terminaux"),
    ("des outils collaboratifs pour les agents", "travail_collaboratif"),
    ("une messagerie instantanée et de la visioconférence", "travail_collaboratif"),
    ("la communication unifiee", "travail_collaboratif"),
    ("former les agents aux outils numériques", "methodes_travail"),
    ("l'acculturation numérique des managers", "methodes_travail"),
    ("sensibiliser les agents au numerique", "methodes_travail"),
    ("une plateforme de participation citoyenne", "cooperation_usagers"),
    ("un budget participatif en ligne", "cooperation_usagers"),
    ("une application de signalement pour les habitants", "cooperation_usagers"),
    ("mettre en relation de bénévoles", "cooperation_usagers"),
    ("un besoin mutualisé avec d'autres collectivités", "besoin_mutualise"),
    ("une solution mutualisee entre communes", "besoin_mutualise"),
    ("un outil commun à plusieurs communes", "besoin_mutualise"),
    # testing something whose outcome is unsure, whatever its domain
    ("on fait un poc sur l'open data des transports", "innovation"),
    ("tester des capteurs avec de l'IA, on sait pas si ca marchera", "innovation"),
    ("des casques de réalité virtuelle pour former les pompiers", "innovation"),
    ("une ia pour trier le courrier, c exploratoire", "innovation"),
    ("un tchat sur le site pour répondre aux habitants", "relation_usagers"),
    ("suivre toutes les demandes des habitants", "relation_usagers"),
    ("recruter des data engineers", "filiere_numerique"),
    ("on n'arrive pas a garder nos admins sys", "filiere_numerique"),
    ("une appli d'entraide entre voisins", "cooperation_usagers"),
    ("des volontaires pour aider les seniors", "cooperation_usagers"),
    ("une plateforme pour tous les acteurs de l'insertion", "ecosysteme_politique_publique"),
    ("un outil commun à tous les acteurs du handicap", "ecosysteme_politique_publique"),
    ("accompagner la prise en main des outils par les agents", "methodes_travail"),
    ("revoir notre organisation et nos fiches de poste", "transformation_organisation"),
    ("ma connexion internet est trop lente", "reseau_debit"),
    ("on voudrait tester la téléconsultation, on sait pas si cela prendra", "innovation"),
    ("un call center pour la mairie", "relation_usagers"),
    ("recruter des ingénieurs pour la DSI", "filiere_numerique"),
]


@pytest.mark.parametrize("text, value", THEMES_SAID)
def test_themes_as_people_say_them(text, value):
    assert read(text, "project_nature") == value


THEME_NEAR_MISSES = [
    ("la dématérialisation de nos factures", "donnees", "demarches_en_ligne"),
    ("ouvrir nos données", "demarches_en_ligne", "donnees"),
    ("un tableau de bord de pilotage de la réforme", "donnees", "pilotage_reforme"),
    ("former nos informaticiens", "methodes_travail", "filiere_numerique"),
    ("former nos agents", "filiere_numerique", "methodes_travail"),
    ("une innovation locale à étendre", "innovation", "extension_territoriale"),
    ("l'inclusion numérique des agents", "cooperation_usagers", "methodes_travail"),
    ("l'inclusion numérique des habitants", "methodes_travail", "cooperation_usagers"),
    ("un chatbot pour répondre aux usagers au téléphone", "efficience_automatisation", "relation_usagers"),
    ("la messagerie des agents", "relation_usagers", "travail_collaboratif"),
    ("le réseau de nos sites", "travail_collaboratif", "reseau_debit"),
    ("un espace de travail partagé", "terminaux", "travail_collaboratif"),
    ("un chatbot pour soulager les agents", "relation_usagers", "efficience_automatisation"),
    ("l'identité numérique des agents", "terminaux", "agentconnect"),
    ("la réorganisation des services", "pilotage_reforme", "transformation_organisation"),
    ("un projet commun avec d'autres collectivités", "ecosysteme_politique_publique", "besoin_mutualise"),
    ("une plateforme commune aux acteurs du tourisme", "besoin_mutualise", "ecosysteme_politique_publique"),
    ("la coopération avec nos partenaires", "besoin_mutualise", "cooperation_usagers"),
    ("un poc sur nos données", "donnees", "innovation"),
    ("tester un outil d'automatisation des courriers", "efficience_automatisation", "innovation"),
    ("recruter des data scientists", "donnees", "filiere_numerique"),
    ("un chat interne entre agents", "relation_usagers", "travail_collaboratif"),
    ("notre expérimentation a marché, on veut l'étendre à d'autres départements", "innovation",
     "extension_territoriale"),
    ("on sait pas si on est eligible", "innovation", None),
]


@pytest.mark.parametrize("text, wrong, right", THEME_NEAR_MISSES)
def test_theme_near_misses(text, wrong, right):
    assert read(text, "project_nature") == right != wrong


def test_every_value_has_cases():
    lexicon_file = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    for said, near, canonical in ((APPLICANT_TYPES_SAID, APPLICANT_NEAR_MISSES,
                                   set(APPLICANT_TYPES) | set(lexicon_file["applicant_type"])),
                                  (THEMES_SAID, THEME_NEAR_MISSES, set(THEMES) | set(lexicon_file["project_nature"]))):
        positives = [value for _, value in said]
        assert {v for v in canonical if positives.count(v) < 3} == set()
        assert {v for v in canonical if not any(v in (wrong, right) for _, wrong, right in near)} == set()


def test_a_generic_theme_word_alone_is_left_to_the_theme_model():
    """« data » alone names donnees, marked weak: the theme model's confident reading of the whole
    message may replace it (« recruter des ingénieurs pour la data »)."""
    theme = [e for e in lexicon_entities("on veut mieux exploiter la data") if e["entity"] == "project_nature"]
    assert [(e["value"], e.get("weak")) for e in theme] == [("donnees", True)]


def test_a_word_that_decides_the_theme_leaves_no_choice():
    """Several themes named usually leave the choice to the theme model; a test or a POC decides."""
    theme = [e for e in lexicon_entities("un poc de tableau de bord pour la relation usagers")
             if e["entity"] == "project_nature"]
    assert [(e["value"], e.get("candidates"), e.get("weak")) for e in theme] == [("innovation", None, None)]
    chosen = [e for e in lexicon_entities("un crm et un tableau de bord") if e["entity"] == "project_nature"]
    assert chosen[0]["candidates"] == ["relation_usagers", "donnees"]
