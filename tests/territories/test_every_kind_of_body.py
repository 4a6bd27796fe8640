"""Every kind of body of contract §3, as people name it: full names, acronyms, lower case, without
accents, SMS style; said as who speaks (« je suis à… », « on est… »), through the speaker's role
(« maire de… », « DGS de la CA… »), or as the bare answer to « Quelle structure porte le projet ? ».
A job title alone (« je suis DSI ») names no body.

Where contract §3 is silent the reading chosen is that of a careful reader of §3: an ARS, a CROUS,
a CAF or a CPAM (public bodies of the State or of the social security, national networks) are State
operators; a lycée or a collège is an établissement public local (EPLE); a CHU is a public hospital,
never a State operator."""
import pytest

from orientation import entities
from orientation.language.normalise import normalise, with_capitals


def _speaker(text):
    """Who speaks as the NLU reads it (addons/components/entity_extractors.py): the message normalised
    (SMS forms), with the capitals typed."""
    read = with_capitals(normalise(text), text)
    return [e["value"] for e in entities.lexicon_entities(read) if e["entity"] == "applicant_type" and not e.get("role")]


BODIES = {
    "administration_centrale": [
        "je suis a la DNUM du ministere de l'agriculture", "la DNUM du ministère de la Culture",
        "on est une direction d'administration centrale", "secrétariat général du ministère de l'Intérieur",
        "sg du ministere des armees", "je bosse en administration centrale", "direction generale des entreprises",
        "chef de bureau à la DGFiP", "jsuis a la dgcl", "ministere de la justice, direction des services judiciaires",
        "je travaille au ministère du travail", "on est au ministere", "je suis à la DINUM",
        "c la direction du numerique du ministere de l'education", "bureau des systemes d'information a la DGOS",
    ],
    "service_deconcentre": [
        "je suis à la préfecture du Rhône", "chargé de mission à la préfecture de la Drôme", "sous-prefecture de Die",
        "je bosse a la sous pref", "on est le SGAR Occitanie", "DDT de la Drôme", "ddtm du finistere",
        "je suis a la dreal bretagne", "la DDETS du Nord", "ddpp 69", "on est la DREETS Auvergne-Rhône-Alpes",
        "jsuis a la draaf", "la DRAC Grand Est", "drfip occitanie", "je travaille a la ddfip du cantal",
        "rectorat de Lyon", "c l'academie de grenoble", "je suis a la dsden de l'ain", "on est un service deconcentre",
        "service de l'etat en region", "services de l'État dans le département", "chui a la pref",
        "je suis à la DIRECCTE", "la DRIEAT Île-de-France", "je travaille a la DDCSPP",
    ],
    "operateur_etat": [
        "je suis chez France Travail", "pole emploi", "on est l'université de Lille", "univ de bordeaux",
        "je bosse a la fac de nantes", "labo de recherche public", "on est le CNRS", "jsuis a l'inrae",
        "établissement public de l'État", "on est une agence de l'etat", "je suis à l'ARS Bretagne",
        "le CROUS de Lyon", "je travaille à la CAF du Rhône", "on est la cpam de l'herault", "l'ADEME",
        "c l'ofb", "opérateur de l'État", "je suis a l'anct", "on est un etablissement public national",
    ],
    "region": [
        "je suis au conseil régional de Bretagne", "region occitanie", "c la region", "on est la région Grand Est",
        "je bosse au CR normandie", "hotel de region", "la région Hauts-de-France",
    ],
    "departement": [
        "conseil départemental du Nord", "le CD 59", "je suis au departement", "c le departement",
        "on est le conseil general", "conseil dep du cantal", "je bosse au cd93", "le département de la Gironde",
    ],
    "commune": [
        "une mairie", "je suis maire de Crest", "la ville de Valence", "on est un village de 800 habitants",
        "mairie de crest", "c la commune", "je bosse a la mairie", "adjoint au maire de Die",
        "commune nouvelle", "la municipalite", "je travaille à l'hôtel de ville",
    ],
    "epci": [
        "interco", "on est une communauté de communes", "DGS de la CA du Grand Avignon", "jsuis a la comcom",
        "communauté d'agglomération", "la métropole de Lyon", "c l'agglo", "une communaute urbaine",
        "je suis à l'EPCI", "un ept du grand paris", "l'intercommunalité", "on est une cc",
    ],
    "collectivite_outre_mer": [
        "collectivité de Saint-Martin", "la collectivite de st barth", "gouvernement de la Polynésie française",
        "on est la collectivité territoriale de Saint-Pierre-et-Miquelon", "collectivite d'outre mer",
    ],
    "groupement_collectivites": [
        "on est un syndicat", "syndicat mixte", "un SIVU", "le SIVOM de la vallée", "je suis au SMICTOM",
        "on est un syndicat d'énergie", "le PETR du pays de Gex", "syndicat intercommunal des eaux",
        "c un sictom", "le syndicat departemental d'energie", "un pole metropolitain",
    ],
    "etablissement_public_local": [
        "je suis au CCAS de Crest", "on est un cias", "le SDIS du Var", "c l'office public de l'habitat",
        "un oph", "office de tourisme intercommunal", "la caisse des écoles", "centre de gestion de la fonction publique",
        "on est le cdg 26", "je bosse au sdis", "office de tourisme",
    ],
    "etablissement_public_sante": [
        "hopital", "je suis au CHU de Rennes", "directeur du CH de Valence", "centre hospitalier de Die",
        "le CHR d'Orléans", "on est un GHT", "un ehpad public", "je bosse a l'hosto", "c un hopital public",
        "etablissement public de sante", "l'AP-HP", "on est un centre hospitalier",
    ],
    "sem_spl": [
        "on est une SEM", "société publique locale", "une spl", "société d'économie mixte d'aménagement",
        "c une sem", "entreprise publique locale",
    ],
    "gip": [
        "on est un GIP avec l'État et la région", "gip national", "groupement d'interet public avec l'etat",
    ],
    "chambre_consulaire": [
        "CCI de Lyon", "je suis a la chambre de commerce", "chambre de métiers et de l'artisanat", "la cma",
        "chambre d'agriculture de la Drôme", "on est une chambre consulaire", "c la cci",
    ],
    "association": [
        "une association", "on est une asso", "association loi 1901", "c une asso de quartier",
        "je suis président d'une association", "fédération d'associations",
    ],
    "entreprise": [
        "on est une PME", "une start-up", "je bosse dans une startup", "une ESN", "bureau d'études",
        "c une entreprise privee", "on est une boite privee", "une tpe",
    ],
    "particulier": [
        "je suis un particulier", "simple citoyen", "a titre perso", "je suis citoyenne",
        "en tant que particulier", "je suis un habitant",
    ],
}

CASES = [(text, value) for value, texts in BODIES.items() for text in texts]


@pytest.mark.parametrize("text, applicant", CASES)
def test_every_kind_of_body_as_people_name_it(text, applicant):
    assert _speaker(text) == [applicant]


# The bare answers to « Quelle structure porte le projet ? »: one or a few words.
ANSWERS = [
    ("une mairie", "commune"), ("mairie", "commune"), ("hopital", "etablissement_public_sante"),
    ("on est un syndicat", "groupement_collectivites"), ("interco", "epci"), ("c le departement", "departement"),
    ("service de l'etat en region", "service_deconcentre"), ("prefecture", "service_deconcentre"),
    ("une asso", "association"), ("la region", "region"), ("ministere", "administration_centrale"),
    ("l'hosto", "etablissement_public_sante"), ("com com", "epci"), ("agglo", "epci"), ("CCAS", "etablissement_public_local"),
    ("une boite", "entreprise"), ("france travail", "operateur_etat"), ("une fac", "operateur_etat"),
    ("un ehpad", "etablissement_public_sante"), ("sdis", "etablissement_public_local"), ("une cci", "chambre_consulaire"),
    ("ddt", "service_deconcentre"), ("un labo public", "operateur_etat"), ("une SPL", "sem_spl"),
]


@pytest.mark.parametrize("text, applicant", ANSWERS)
def test_the_bare_answers_to_the_type_question(text, applicant):
    assert _speaker(text) == [applicant]


# A job title alone names no body: the type is asked.
@pytest.mark.parametrize("text", [
    "je suis DSI", "je suis DGS", "chargé de mission numérique", "je suis cheffe de projet", "jsuis responsable info",
    "directeur", "je suis chef de service",
])
def test_a_job_title_alone_gives_no_type(text):
    assert _speaker(text) == []


# Whole first messages: the body among the project's words, other bodies and places named beside it.
IN_A_SENTENCE = [
    ("Bonjour, je suis DGS de la CA du Grand Avignon, on veut dématérialiser nos démarches", "epci"),
    ("bjr, dgs d'une comcom de 12 communes, on veut un portail pour nos communes", "epci"),
    ("directeur du CH de Valence, projet de dossier patient avec les médecins de ville", "etablissement_public_sante"),
    ("je suis chargé de mission à la préfecture de l'Isère, on veut aider les communes", "service_deconcentre"),
    ("chargee de mission a la pref du 26, projet avec les mairies", "service_deconcentre"),
    ("Maire d'un village de 400 habitants, on voudrait un site pour les démarches", "commune"),
    ("slt je suis maire dun petit village ds le cantal", "commune"),
    ("nous sommes le département du Nord et notre projet vise les collèges", "departement"),
    ("on est le 59, on veut ouvrir nos donnees", "departement"),
    ("c le 59 : projet open data", "departement"),
    ("Conseil départemental, on veut un outil pour les assistantes sociales", "departement"),
    ("je suis DSI de la région Bretagne, projet data avec les lycées", "region"),
    ("DSI du departement de la drome", "departement"),
    ("responsable numérique au rectorat de Lille, on veut équiper les écoles", "service_deconcentre"),
    ("je bosse a l'ARS, projet de tableau de bord avec les hopitaux", "operateur_etat"),
    ("on est un CCAS, on veut un logiciel pour l'aide sociale de la commune", "etablissement_public_local"),
    ("je suis au SDIS 26, on veut moderniser le traitement des appels", "etablissement_public_local"),
    ("on est un syndicat mixte qui regroupe 40 communes", "groupement_collectivites"),
    ("je suis au SIVOM du Val de Drôme, on gère l'eau de 20 communes", "groupement_collectivites"),
    ("syndicat d'énergie de la Drôme, projet de données sur l'éclairage public", "groupement_collectivites"),
    ("on est une SPL qui travaille pour la ville et l'agglo", "sem_spl"),
    ("la chambre d'agriculture du Cantal veut un outil pour les exploitants", "chambre_consulaire"),
    ("cci de region, on veut accompagner les commercants", "chambre_consulaire"),
    ("une asso qui aide les seniors avec la mairie", "association"),
    ("on est une start-up qui fait des applis pour les collectivités", "entreprise"),
    ("je suis dans un bureau d'études qui travaille pour des communes", "entreprise"),
    ("bonjour je suis un simple habitant, ma commune n'a pas de site", "particulier"),
    ("je travaille à France Travail Occitanie, projet d'IA pour les conseillers", "operateur_etat"),
    ("on est une université, on veut un ENT avec la région", "operateur_etat"),
    ("je suis au ministère de l'Intérieur, on veut une appli pour les préfectures", "administration_centrale"),
    ("DNUM du ministère de la transition écologique, projet avec les DREAL", "administration_centrale"),
    ("je suis à la DREAL, on veut partager les données avec les DDT", "service_deconcentre"),
    ("ddt du rhone : on veut un outil pour les communes rurales", "service_deconcentre"),
    ("on est la collectivite de saint martin, projet de guichet unique", "collectivite_outre_mer"),
    ("gouvernement de la Nouvelle-Calédonie, dématérialisation des aides", "collectivite_outre_mer"),
    ("EHPAD public de 80 lits, on veut un dossier de soins informatisé", "etablissement_public_sante"),
    ("on est un GHT de 6 hôpitaux", "etablissement_public_sante"),
    ("je suis à l'office de tourisme de la communauté de communes", "etablissement_public_local"),
    ("on est une petite commune rurale de l'Aveyron", "commune"),
    ("nous on est une comcom rurale", "epci"),
    ("je suis secrétaire de mairie", "commune"),
    ("je suis a la mairie de Die et on veut travailler avec l'agglo", "commune"),
    ("on est un pays, un PETR qui porte le projet pour 3 comcom", "groupement_collectivites"),
    ("pôle d'équilibre territorial et rural du Diois", "groupement_collectivites"),
    ("c un gip de collectivites, on mutualise l'informatique de 200 communes", "groupement_collectivites"),
    ("je suis chef de projet à la métropole de Rouen", "epci"),
    ("agent au conseil régional, on veut une plateforme pour les lycées", "region"),
    ("on est un lycée public", "etablissement_public_local"),
    ("jsuis prof au college et on veut un ENT", "etablissement_public_local"),
    ("la mairie, service état civil", "commune"),
]


@pytest.mark.parametrize("text, applicant", IN_A_SENTENCE)
def test_the_body_in_a_whole_first_message(text, applicant):
    assert _speaker(text) == [applicant]


# More bare answers, SMS style: what one types after the bot's question.
SHORT_ANSWERS = [
    ("etat", None), ("c une mairie", "commune"), ("mairie rurale", "commune"), ("une ville", "commune"),
    ("on est une ville", "commune"), ("ville moyenne", "commune"), ("hopital public", "etablissement_public_sante"),
    ("un chu", "etablissement_public_sante"), ("ch", "etablissement_public_sante"), ("ehpad", "etablissement_public_sante"),
    ("cc", None), ("une cc", "epci"), ("communaute de commune", "epci"), ("comcom", "epci"), ("ca", None),
    ("une agglo", "epci"), ("metropole", "epci"), ("cd", "departement"), ("le cd", "departement"),
    ("conseil departemental", "departement"), ("departement", "departement"), ("region", "region"),
    ("conseil regional", "region"), ("sous prefecture", "service_deconcentre"), ("sgar", "service_deconcentre"),
    ("dreal", "service_deconcentre"), ("ddets", "service_deconcentre"), ("rectorat", "service_deconcentre"),
    ("un service de l'etat", "service_deconcentre"), ("administration centrale", "administration_centrale"),
    ("un ministere", "administration_centrale"), ("operateur", None), ("operateur de l'etat", "operateur_etat"),
    ("universite", "operateur_etat"), ("syndicat mixte", "groupement_collectivites"), ("sivu", "groupement_collectivites"),
    ("smictom", "groupement_collectivites"), ("ccas", "etablissement_public_local"), ("cias", "etablissement_public_local"),
    ("sem", "sem_spl"), ("spl", "sem_spl"), ("gip", "groupement_collectivites"), ("chambre d'agri", "chambre_consulaire"),
    ("cma", "chambre_consulaire"), ("asso", "association"), ("association", "association"), ("entreprise", "entreprise"),
    ("pme", "entreprise"), ("startup", "entreprise"), ("particulier", "particulier"), ("perso", None),
    ("c une commune", "commune"), ("on est une interco", "epci"), ("intercommunalite", "epci"),
    ("hosto", "etablissement_public_sante"), ("le departement", "departement"), ("la prefecture", "service_deconcentre"),
    ("on est un pays", "groupement_collectivites"), ("c un pays", "groupement_collectivites"), ("pays", None),
    ("une COM", "collectivite_outre_mer"), ("com", None),
]


@pytest.mark.parametrize("text, applicant", SHORT_ANSWERS)
def test_more_bare_answers(text, applicant):
    assert _speaker(text) == ([applicant] if applicant else [])


# The speaker's role, and bodies of their own status or known by their local service.
ROLES_AND_STATUSES = [
    ("je suis secrétaire général de la mairie", "commune"), ("conseiller municipal", "commune"),
    ("je suis directeur général des services de la ville", "commune"), ("DGA de la région", "region"),
    ("vice president de l'agglo en charge du numerique", "epci"), ("chef de projet numerique au CD 33", "departement"),
    ("je suis infirmiere a l'hopital", "etablissement_public_sante"), ("directeur du CCAS", "etablissement_public_local"),
    ("président du SIVOM", "groupement_collectivites"), ("le sous-prefet de Die", "service_deconcentre"),
    ("secrétaire générale de la préfecture", "service_deconcentre"), ("je suis doctorant au CNRS", "operateur_etat"),
    ("je suis benevole dans une association", "association"), ("je suis parent d'eleve", "particulier"),
    ("je suis freelance", "entreprise"), ("consultant independant", "entreprise"), ("une SCOP", "entreprise"),
    ("on est une fondation", "association"), ("une ONG", "association"), ("je suis a la CRMA", "chambre_consulaire"),
    ("chambre regionale des metiers", "chambre_consulaire"), ("un SMO", "groupement_collectivites"),
    ("la collectivité territoriale de Martinique", "collectivite_outre_mer"), ("c la CTG", "collectivite_outre_mer"),
    ("je suis a la collectivite de corse", "region"), ("la Collectivité européenne d'Alsace", "departement"),
    ("je bosse au service des impots", "service_deconcentre"), ("centre des finances publiques de Die", "service_deconcentre"),
    ("je suis au commissariat", "service_deconcentre"), ("gendarmerie de la drome", "service_deconcentre"),
    ("tribunal judiciaire de Lyon", "service_deconcentre"), ("inspection academique", "service_deconcentre"),
    ("agent de l'etat en departement", "service_deconcentre"), ("etat en region", "service_deconcentre"),
    ("le commissariat general au developpement durable", "administration_centrale"),
    ("on est un etablissement public administratif national", "operateur_etat"),
    ("je suis dans la fonction publique hospitaliere", "etablissement_public_sante"),
    ("clinique privee", "entreprise"), ("l'urssaf", "operateur_etat"), ("je bosse a la msa", "operateur_etat"),
    ("un établissement public sous tutelle du ministère de la culture", "operateur_etat"),
    ("on est sous tutelle du ministere de l'agriculture", "operateur_etat"),
    ("service regional d'un ministere", "service_deconcentre"), ("je suis en prefecture", "service_deconcentre"),
    ("je bosse en mairie", "commune"), ("je suis au SGAR, rattache a la prefecture de region", "service_deconcentre"),
    ("on est un ehpad rattache au CCAS", "etablissement_public_sante"),
]


# « en région », « en département » say where the speaker works, not that they are the council;
# the body above the speaker (« on dépend du ministère ») is not who speaks.
@pytest.mark.parametrize("text", ["on est en region", "je suis en région Bretagne", "je bosse en departement",
                                  "on depend du ministere mais on est en region"])
def test_where_one_works_and_who_one_depends_on_name_no_speaker(text):
    assert _speaker(text) == []


@pytest.mark.parametrize("text, applicant", ROLES_AND_STATUSES)
def test_roles_and_bodies_of_their_own_status(text, applicant):
    assert _speaker(text) == [applicant]


# Words that hold a body's word but name none.
@pytest.mark.parametrize("text", [
    "on veut une federation d'identite avec AgentConnect", "les mails arrivent dans la boite mail", "une boite a outils",
    "c le 15 mars", "on est le 12 avril",
])
def test_words_that_name_no_body(text):
    assert _speaker(text) == []


@pytest.mark.parametrize("text", [
    "notre tresorerie ne permet pas d'avancer les fonds", "on veut moderniser la recherche clinique",
])
def test_words_of_the_project_that_name_no_body(text):
    assert _speaker(text) == []


# A département's number in a correction corrects the place: a DDT that said 64 and meant 65 is still a
# service of the State, not the council of the Hautes-Pyrénées.
@pytest.mark.parametrize("text", ["non pardon c le 65", "en fait c le 65", "non c le 65 pas le 64",
                                  "plutot c le 65", "oups pardon c'est le 65"])
def test_a_departement_number_in_a_correction_names_no_speaker(text):
    assert _speaker(text) == []
