"""Cancel, move or see a booking: what the words ask, whatever the intent read."""
import pytest

from orientation.booking.operations import operation_in


@pytest.mark.parametrize("text, operation", [
    ("je dois annuler le rdv DN-7K3P9Q", "cancel"),
    ("non je veux ANNULER", "cancel"),
    ("supprimez mon rendez-vous", "cancel"),
    ("svp annulez mon rdv", "cancel"),
    ("effacez ma reservation", "cancel"),
    ("plus besoin du rendez-vous", "cancel"),
    ("retrouver mon rdv pour l'annuler", "cancel"),
    ("décaler mon rdv à mercredi 9, le matin plutôt", "move"),
    ("je voudrais deplacer le rendez vous", "move"),
    ("reporter DN-7K3P9Q a jeudi", "move"),
    ("on peut changer de creneau ?", "move"),
    ("pas annuler, le décaler", "move"),
    ("faut décommander le rdv", "cancel"),
    ("pouvez-vous reprogrammer le rendez-vous DN-7K3P9Q ?", "move"),
    ("je voudrais changer mon rdv", "move"),
    ("je veux voir mon rendez-vous", "show"),
    ("c'est quand mon rdv ?", "show"),
])
def test_what_the_words_ask(text, operation):
    assert operation_in(text) == operation


@pytest.mark.parametrize("text", ["bonjour", "ne pas annuler", "plutot.annuler@lyon.fr", "/cancel_booking", "marie@lyon.fr", "DN-7K3P9Q",
                                  "annuler ou décaler, je ne sais pas"])
def test_no_operation_or_two(text):
    assert operation_in(text) is None
