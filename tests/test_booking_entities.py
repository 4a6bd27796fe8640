"""The NLU reads emails and booking references exactly as the booking package checks and stores them."""
import pytest

from actions.booking_manage import ValidateManageBookingForm
from addons.components.entity_extractors import BookingEntityExtractor
from orientation.language.contacts import find_emails, valid_email
from tests.actions.conftest import dispatcher, make_tracker  # noqa: F401 (fixture)


def extracted(text, entity):
    return [(text[e["start"]:e["end"]], e["value"]) for e in BookingEntityExtractor().entities_of(text)
            if e["entity"] == entity]


@pytest.mark.parametrize("text", [
    "marie.dupont@rhone.gouv.fr", "mon adresse : j-p.martin@ville-lyon.fr.", "« Marie.Dupont@Lyon.FR »",
    "c'est 'marie_o'neil+rdv@mairie-saint-denis.fr'", "marie@example.com", "marie@mairie.test", "marie@lyon",
    "marie..dupont@lyon.fr", "marie@lyon.123", ".marie@lyon.fr", "<script>@x.fr", "écrivez à zoé@lyon.fr",
])
def test_the_extractor_gives_the_address_the_form_accepts(text):
    expected = valid_email(text)
    assert [value for _, value in extracted(text, "email")] == ([expected] if expected else [])


def test_the_email_span_is_the_address_without_its_final_dot():
    assert extracted("Mon adresse : J-P.Martin@Ville-Lyon.fr.", "email") == \
        [("J-P.Martin@Ville-Lyon.fr", "j-p.martin@ville-lyon.fr")]


def test_two_addresses_are_two_entities_but_no_answer_to_the_form():
    assert [e for _, _, e in find_emails("a.b@lyon.fr ou c.d@rennes.fr")] == ["a.b@lyon.fr", "c.d@rennes.fr"]
    assert valid_email("a.b@lyon.fr ou c.d@rennes.fr") is None


@pytest.mark.parametrize("text, span", [
    ("voir mon rendez-vous DN-7K3P9Q", "DN-7K3P9Q"), ("annuler dn 7k3p9q svp", "dn 7k3p9q"),
    ("DN7K3P9Q", "DN7K3P9Q"), ("ma référence : Dn-7k3p9q.", "Dn-7k3p9q"),
])
def test_references_are_read_as_the_store_writes_them(text, span):
    assert extracted(text, "booking_reference") == [(span, "DN-7K3P9Q")]


@pytest.mark.parametrize("text", ["DN-7K3P9", "DN-7K3P9QX", "ADN-7K3P9Q", "le DNS"])
def test_near_references_are_not_read(text):
    assert extracted(text, "booking_reference") == []


@pytest.mark.parametrize("typed", ["DN-7K3P9Q", " dn 7k3p9q ", "7k3-p9q"])
def test_the_manage_form_stores_the_reference_as_the_store_does(typed, dispatcher):
    assert ValidateManageBookingForm().validate_booking_reference(typed, dispatcher, make_tracker(), {}) == \
        {"booking_reference": "DN-7K3P9Q"}
