"""Who is speaking, from the words before each body named (orientation/language/speaker.py): the
speaker is who says « je suis… », « on est… », or the first body named, never a body the project
serves, helps, joins or covers."""
import pytest

from orientation.language.speaker import NEUTRAL, OTHER, SPEAKER, Candidate, choose, partner, position


def _at(text: str, word: str) -> int:
    return text.index(word)


@pytest.mark.parametrize("text, body", [
    ("je suis à la mairie de Crest", "mairie"), ("jsuis dgs de la comcom", "comcom"),
    ("on est une CA de 120 000 hab", "CA"), ("nous sommes un centre hospitalier", "centre"),
    ("c la mairie de crest", "mairie"), ("c'est le CD du Cantal qui écrit", "CD"),
    ("je travaille pour la mairie de Crest", "mairie"), ("je bosse au cd93", "cd93"),
    ("cheffe de projet au ministère de l'Intérieur", "ministère"), ("responsable achats au CH de Valence", "CH"),
    ("ici la DDT de la Drôme", "DDT"), ("agent de la DREAL Occitanie", "DREAL"),
    ("on est une commune qui aide les assos", "commune"), ("je suis a la mairie, on aide les familles", "mairie"),
    ("je représente une association qui met en relation des bénévoles", "association"),
])
def test_being_or_working_names_the_speaker(text, body):
    assert position(text, _at(text, body)) == SPEAKER


@pytest.mark.parametrize("text, body", [
    ("une plateforme pour les associations", "associations"), ("on veut aider nos communes", "communes"),
    ("on travaille avec les rectorats", "rectorats"), ("étendre aux 33 communes du territoire", "communes"),
    ("le projet couvre le département du Nord", "département"), ("deployer aupres des communes", "communes"),
    ("un outil pour nos agents et les mairies", "mairies"), ("on accompagne la mairie de Crest", "mairie"),
    ("en partenariat avec la ville de Valence", "ville"), ("je suis dgs, on veut aider les petites communes", "communes"),
    ("un projet en région Bretagne", "région"), ("les usagers dans le département", "département"),
    # a funder: « la CC qui met 5 000 », « la région finance 20 % », « le département nous aide »
    ("ya aussi la comcom qui met 8000", "comcom"), ("la Région cofinance a 30 %", "Région"),
    ("le conseil départemental nous aide un peu", "conseil"), ("l'agglo participe pour 10k", "agglo"),
])
def test_a_body_served_helped_or_joined_is_another_one(text, body):
    assert position(text, _at(text, body)) == OTHER


@pytest.mark.parametrize("text, body", [
    ("Bonjour, mairie de Crest, notre projet", "mairie"), ("la région Occitanie, projet de 2 M€", "région"),
    ("les communes peuvent-elles candidater ?", "communes"), ("pourquoi les départements ne sont pas éligibles ?",
                                                              "départements"),
    ("un projet à un million pour la communauté urbaine de Dunkerque", "communauté"),
])
def test_otherwise_nothing_is_said(text, body):
    assert position(text, _at(text, body)) == NEUTRAL


def _c(text, word, value, **kw):
    return Candidate(value, _at(text, word), _at(text, word) + len(word), **kw)


@pytest.mark.parametrize("text, bodies, expected", [
    ("une plateforme pour les associations, on est la mairie de Crest",
     [("associations", "association"), ("mairie", "commune")], "commune"),
    ("avec les rectorats et les universités, nous sommes une DREAL",
     [("rectorats", "service_deconcentre"), ("DREAL", "service_deconcentre")], "service_deconcentre"),
    ("la préfecture du Nord, on couvre le département du Nord",
     [("préfecture", "service_deconcentre"), ("département", "departement")], "service_deconcentre"),
    ("on est un EPS. ça rentre dans quelle case ? opérateur de l'État ?",
     [("EPS", "etablissement_public_sante"), ("opérateur", "operateur_etat")], "etablissement_public_sante"),
    ("aider les communes : on est la comcom", [("communes", "commune"), ("comcom", "epci")], "epci"),
])
def test_the_speaker_is_chosen_among_the_bodies(text, bodies, expected):
    assert choose(text, [_c(text, w, v) for w, v in bodies]).value == expected


def test_no_speaker_when_every_body_is_another_one():
    text = "une appli pour les associations et avec les rectorats"
    assert choose(text, [_c(text, "associations", "association"), _c(text, "rectorats", "service_deconcentre")]) is None


def test_a_body_named_in_the_plural_is_not_the_speaker_unless_it_says_so():
    text = "le projet vise les petites communes rurales"
    assert choose(text, [_c(text, "communes", "commune", plural=True)]) is None
    text = "les communes sont-elles éligibles ?"
    assert choose(text, [_c(text, "communes", "commune", plural=True)]).value == "commune"


@pytest.mark.parametrize("text, place, expected", [
    ("en partenariat avec la ville de Valence", "ville", True), ("on veut étendre à la métropole de Lyon", "métropole", True),
    ("le projet couvre le Nord", "Nord", False), ("je suis à la mairie de Crest", "mairie", False),
])
def test_a_partner_or_a_target_place_is_marked(text, place, expected):
    assert partner(text, _at(text, place)) is expected


@pytest.mark.parametrize("text, body", [
    ("on voudrait faire comme la métropole de Lyon", "métropole"), ("un outil inspiré de la ville de Paris", "ville"),
])
def test_a_body_taken_as_a_model_is_another_one(text, body):
    assert position(text, _at(text, body)) == OTHER
    assert partner(text, _at(text, body))
