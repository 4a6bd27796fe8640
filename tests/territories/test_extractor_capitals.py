"""The NLU's extractors read the message normalised (SMS forms, accents, « 40ke ») but with the
capitals the user typed: an acronym (« CINOR », « CA ») is read as one, « ca » stays « ça »."""
import pytest

from addons.components.entity_extractors import LexiconEntityExtractor, TerritoryEntityExtractor


def read(text):
    places = [(text[e["start"]:e["end"]], e["value"]) for e in TerritoryEntityExtractor().entities_of(text)]
    types = [e["value"] for e in LexiconEntityExtractor().entities_of(text)
             if e["entity"] == "applicant_type" and not e.get("role")]
    return places, types


@pytest.mark.parametrize("text, kind", [
    ("Bonjour, CINOR à la Réunion", "epci"),
    ("CA pays basque, on voudrait un chatbot interne pr les agents de l accueil", "epci"),
    ("bjr, CC de marie galante, budget 40ke", "epci"),
])
def test_an_epci_typed_in_capitals_is_read_through_the_pipeline_extractors(text, kind):
    places, types = read(text)
    assert places and places[0][1].startswith("epci:") and types == [kind]


def test_lower_case_ca_is_not_an_agglomeration():
    places, types = read("ca marche, on est la mairie de Crest")
    assert types == ["commune"] and [value for _, value in places] == ["commune:26108"]
