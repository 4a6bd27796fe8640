"""EPCIs named as people name them (orientation/territories/index.py, mentions.py): the wrong legal
form, part of the official name or its words in another order, a département or région added, the
acronym made of the official name; a tie is asked about, never guessed."""
import pytest

from orientation.entities import lexicon_entities, territory_entities

PAYS_BASQUE = "epci:200067106"  # CA du Pays Basque
PAYS_DE_GEX = "epci:240100750"  # CA du Pays de Gex
BERRY_GRAND_SUD = "epci:200049484"  # CC Berry Grand Sud
CRESTOIS = "epci:200040509"  # CC du Crestois et de Pays de Saillans Coeur de Drôme
PARIS_SACLAY = "epci:200056232"  # CA Communauté Paris-Saclay
FOIX_VARILHES = "epci:200067791"  # CA L'Agglo Foix-Varilhes
PAU = "epci:200067254"  # CA Pau Béarn Pyrénées
ARGENTAN = "epci:200068450"  # CC Terres d'Argentan Interco
HOUDANAIS = "epci:247800550"  # CC du Pays Houdanais (CCPH)
CENTRE_LITTORAL = "epci:249730045"  # CA du Centre Littoral (Guyane)


def places(text):
    return [e["value"] for e in territory_entities(text)]


def who(text):
    return [e["value"] for e in lexicon_entities(text) if e["entity"] == "applicant_type" and not e.get("role")]


@pytest.mark.parametrize("text, epci", [
    # the form said is a hint, not a filter: a CC said for what is now a CA
    ("je suis a la cc du pays basque", PAYS_BASQUE), ("on est la comcom du pays basque", PAYS_BASQUE),
    ("la communauté de communes du Pays Basque", PAYS_BASQUE), ("c la cc pays basque", PAYS_BASQUE),
    ("comcom du pays de gex", PAYS_DE_GEX), ("on est la cc pays de gex", PAYS_DE_GEX),
    ("cc foix varilhes", FOIX_VARILHES), ("je bosse a la comcom de Foix-Varilhes", FOIX_VARILHES),
])
def test_the_wrong_legal_form(text, epci):
    assert places(text) == [epci]
    assert who(text) == ["epci"]


@pytest.mark.parametrize("text, epci", [
    # the words of the name in another order, some left out, a hyphenated pair with a space
    ("comcom du grand sud berry", BERRY_GRAND_SUD), ("cc grand sud berry", BERRY_GRAND_SUD),
    ("cc crestois saillans", CRESTOIS), ("on est la comcom crestois et saillans", CRESTOIS),
    ("l'agglo de gex", PAYS_DE_GEX), ("agglo paris saclay", PARIS_SACLAY),
    ("je suis a paris saclay", PARIS_SACLAY), ("la communauté paris-saclay", PARIS_SACLAY),
    ("agglo pau bearn pyrenees", PAU), ("l agglo de pau", PAU),
    ("argentan interco", ARGENTAN), ("cc terres d argentan", ARGENTAN),
    # « au » is « à le »: « CC Le Grésivaudan », « CA Le Grand Chalon »
    ("je suis dgs au Grésivaudan", "epci:200018166"), ("on bosse au gresivaudan", "epci:200018166"),
    ("je suis au Grand Chalon", "epci:247100589"),
])
def test_a_short_name_or_the_words_in_another_order(text, epci):
    assert places(text) == [epci]
    assert who(text) == ["epci"]


@pytest.mark.parametrize("text, epci", [
    # a département or a région said after the name
    ("on est la cc de foix varilhes en ariege", FOIX_VARILHES), ("cc foix varilhes (09)", FOIX_VARILHES),
    ("cc foix varilhes ariege", FOIX_VARILHES), ("agglo pau bearn pyrenees (64)", PAU),
    ("la comcom du pays de gex dans l'ain", PAYS_DE_GEX), ("comcom crestois saillans drome", CRESTOIS),
])
def test_an_area_said_after_the_name(text, epci):
    assert places(text) == [epci]


@pytest.mark.parametrize("text, epci", [
    # the acronym made of the official name's initials
    ("on est la CAPB", PAYS_BASQUE), ("je suis a la capb", PAYS_BASQUE), ("CAPB ici", PAYS_BASQUE),
    ("la ccph", HOUDANAIS), ("CCPH", HOUDANAIS), ("on est la cacl", CENTRE_LITTORAL),
    ("slt c la CACL en guyane", CENTRE_LITTORAL), ("c la CAPA", "epci:242010056"),
])
def test_the_acronym_made_of_the_official_name(text, epci):
    assert places(text) == [epci]
    assert who(text) == ["epci"]


@pytest.mark.parametrize("text", ["je suis a la case depart", "c la case", "la capa", "on est a la cave",
                                  "call me"])
def test_a_made_acronym_that_reads_as_a_word_counts_only_in_capitals(text):
    assert not any(p.startswith("epci:") for p in places(text))


@pytest.mark.parametrize("text, epci", [
    ("c la capex", "epci:200018653"), ("je suis dgs a la ccmg", "epci:249710047"),
    ("je bosse a la ccsud a mayotte", "epci:200060473"), ("on est la CCDS", "epci:200027548"),
    ("la casud", "epci:249740085"), ("c la cinor", "epci:249740119"), ("on est le tco", "epci:249740101"),
])
def test_overseas_acronyms_in_use(text, epci):
    assert places(text) == [epci]


@pytest.mark.parametrize("text, count", [("on est la cceg", 2), ("je suis a la CCEG", 2)])
def test_an_acronym_several_epcis_make_is_asked_about(text, count):
    """« CCEG » is the CC d'Erdre et Gesvres and the CC de l'Est Guyanais: both are offered."""
    [place] = places(text)
    assert len(place.split("|")) == count


@pytest.mark.parametrize("text, epci", [
    # named by its main town, which its official name does not hold
    ("agglo de macon", "epci:200070308"), ("on est l'agglo de Mâcon", "epci:200070308"),
    ("agglo de bayonne", PAYS_BASQUE), ("la comcom de crest", CRESTOIS),
    ("je suis dgs de la cc de villefranche de rouergue", "epci:200069383"),  # not « … Villefranche du Périgord »
])
def test_an_epci_by_its_main_town(text, epci):
    assert places(text) == [epci]
    assert who(text) == ["epci"]


def test_the_main_town_of_each_epci_comes_from_the_official_members(index):
    macon = index.lookup("Mâcon", ("commune",))[0]
    assert index.centred_on(macon).code == "200070308"
    assert index.centred_on(index.lookup("Saillans", ("commune",))[0]) is None  # a member, not the main town
