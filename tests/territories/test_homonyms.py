"""The answer to « Plusieurs communes s'appellent Saint-Denis : laquelle ? » typed rather than clicked
(orientation/territories/homonyms.py): the département named picks the commune, never itself."""
import pytest

from orientation.territories import find
from orientation.territories.homonyms import departement_codes, settle


@pytest.fixture
def saint_denis(index):
    [mention] = find("la mairie de Saint-Denis", index)
    return mention.territories


@pytest.mark.parametrize("answer, departement", [
    ("celle du 93", "93"), ("93", "93"), ("la 974 svp", "974"), ("celle de la Réunion", "974"),
    ("en Seine-Saint-Denis", "93"), ("celle dans l'Aude", "11"), ("le Gard", "30"), ("Saint-Denis 93", "93"),
])
def test_the_departement_typed_picks_the_homonym(index, saint_denis, answer, departement):
    named = [t for m in find(answer, index) for t in m.territories]
    chosen = settle(saint_denis, named, answer)
    assert chosen.kind == "commune" and chosen.departements == (departement,)


@pytest.mark.parametrize("answer", ["je ne sais pas", "la plus grande", "celle du Nord", "75",
                                    "en occitanie"])  # two of them are in Occitanie: asked again
def test_an_answer_that_names_none_of_them_picks_none(index, saint_denis, answer):
    named = [t for m in find(answer, index) for t in m.territories]
    assert settle(saint_denis, named, answer) is None


@pytest.mark.parametrize("answer, departement", [
    ("en ile de france", "93"), ("celle d'Île-de-France", "93"), ("à la réunion", "974"), ("celle a la reunion", "974"),
    ("celle de la reunion svp", "974"), ("st denis ile de france", "93"),
])
def test_a_region_or_an_overseas_name_typed_picks_the_homonym(index, saint_denis, answer, departement):
    named = [t for m in find(answer, index) for t in m.territories]
    chosen = settle(saint_denis, named, answer)
    assert chosen.kind == "commune" and chosen.departements == (departement,)


@pytest.mark.parametrize("answer, departement", [
    ("drome", "26"), ("Drôme", "26"), ("la drome stp", "26"), ("26000", "26"), ("drome 26000", "26"),
    ("tarn et garonne", "82"), ("82000", "82"), ("celle du 82", "82"),
])
def test_an_area_typed_bare_or_a_postal_code_picks_the_homonym(index, answer, departement):
    [mention] = find("la mairie de Valence", index)
    named = [t for m in find(answer, index) for t in m.territories]
    chosen = settle(mention.territories, named, answer)
    assert chosen.kind == "commune" and chosen.departements == (departement,)


@pytest.mark.parametrize("answer, codes", [
    ("non excusez moi 12 millions", []),  # the budget corrected, not the Aveyron
    ("pardon 12k", []),
    ("c est le 12 000 hab", []),
    ("non le 65, 12 k€", ["65"]),
    ("oups 65 pardon", ["65"]),
    ("celle du 93", ["93"]),
])
def test_the_figures_of_an_amount_are_no_departement_number(answer, codes):
    assert departement_codes(answer) == codes
