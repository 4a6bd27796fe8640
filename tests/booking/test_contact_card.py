"""Name, organisation and e-mail in one message, in any order; a function is neither."""
import pytest

from orientation.booking.contact_card import read_contact


@pytest.mark.parametrize("text, name, organisation, email", [
    ("Laurent Bertin, DGS agglo du pays de dreux", "Laurent Bertin", "agglo du pays de dreux", None),
    ("laurent bertin dgs agglo pays de dreux", "laurent bertin", "agglo pays de dreux", None),
    ("Laurent Bertin DGS, agglo du pays de Dreux", "Laurent Bertin", "agglo du pays de Dreux", None),
    ("Thomas Vergne, conseil departemental du Cantal, thomas.vergne@cantal.fr", "Thomas Vergne",
     "conseil departemental du Cantal", "thomas.vergne@cantal.fr"),
    ("thomas.vergne@cantal.fr - Thomas Vergne (CD15)", "Thomas Vergne", "CD15", "thomas.vergne@cantal.fr"),
    ("chef de projet numerique a la CC du Crestois, Julie Roux, julie.roux@crestois.fr", "Julie Roux",
     "CC du Crestois", "julie.roux@crestois.fr"),
    ("paul durand cheffe de projet mairie de lyon paul.durand@lyon.fr", "paul durand", "mairie de lyon",
     "paul.durand@lyon.fr"),
    ("Agnès Leroy, directrice générale des services, Ville de Nantes", "Agnès Leroy", "Ville de Nantes", None),
    ("Jean-Pierre Le Gall (DSI, région Bretagne)", "Jean-Pierre Le Gall", "région Bretagne", None),
    ("Marc Petit (DDT du Rhône) ; marc.petit@rhone.gouv.fr", "Marc Petit", "DDT du Rhône", "marc.petit@rhone.gouv.fr"),
    ("moi c’est Julie Martin de la DDT 69", "Julie Martin", "DDT 69", None),
    ("Nom : Julie Martin, organisation : DDT 69, mail : julie.martin@i.gouv.fr", "Julie Martin", "DDT 69",
     "julie.martin@i.gouv.fr"),
    ("Bonjour, je m'appelle Ana Costa, CCAS de Brest", "Ana Costa", "CCAS de Brest", None),
    ("Julie Martin DDTM 13 julie.martin@equipement.gouv.fr", "Julie Martin", "DDTM 13", "julie.martin@equipement.gouv.fr"),
    ("Inès Moreau / maire adjointe de Saint-Flour / ines.moreau@saint-flour.fr", "Inès Moreau", "Saint-Flour",
     "ines.moreau@saint-flour.fr"),
])
def test_each_part_goes_to_its_field(text, name, organisation, email):
    card = read_contact(text)
    assert (card.name, card.organisation, card.email) == (name, organisation, email)
    assert card.fields >= 2


@pytest.mark.parametrize("text, function", [
    ("Laurent Bertin, DGS agglo du pays de dreux", "DGS"),
    ("paul durand cheffe de projet mairie de lyon", "cheffe de projet"),
    ("Agnès Leroy, directrice générale des services, Ville de Nantes", "directrice générale des services"),
])
def test_the_function_is_not_the_name(text, function):
    card = read_contact(text)
    assert card.function == function and function.lower() not in (card.name or "").lower()


@pytest.mark.parametrize("text", ["Hugo Lambert", "Jean Maire", "Marie Agent", "mairie de Lyon", "marie@lyon.fr",
                                  "plutôt mardi", "oui"])
def test_one_field_or_none_is_not_a_card(text):
    assert read_contact(text).fields <= 1


def test_two_addresses_are_not_chosen_between():
    assert read_contact("Marie Dupont, marie@lyon.fr, m.dupont@rhone.gouv.fr").email is None

