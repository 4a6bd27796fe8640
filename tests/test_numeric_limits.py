"""One set of limits for budget, population and départements: a figure said in a sentence, given
as the answer to a question, or passed to the engine is accepted or refused alike."""
import pytest

from orientation.eligibility import Profile, ProfileError
from orientation.language import amounts
from orientation.replies.profile import numeric_problem
from tests.french import nb

ANSWER_PARSERS = {"budget": amounts.parse_budget, "population": amounts.parse_population,
                  "departement_count": amounts.parse_departement_count}


def said_in_a_sentence(field, phrase):
    """The value the NLU extracts from a sentence, and whether the slot validation keeps it."""
    values = [q.value for q in amounts.extract_quantities(f"Bonjour, notre projet : {phrase}, voilà.")
              if amounts.FIELD_OF_KIND.get(q.kind) == field]
    assert len(values) == 1, values
    return values[0], numeric_problem(field, values[0]) is None


def accepted_by_the_engine(field, value):
    try:
        Profile(**{field: value})
        return True
    except ProfileError:
        return False


@pytest.mark.parametrize("field, phrase, accepted", [
    ("budget", "300 000 €", True),
    ("budget", "1 €", True),
    ("budget", "0,5 €", False),
    ("budget", "10 milliards d'euros", True),
    ("budget", "11 milliards d'euros", False),
    ("population", "350 000 habitants", True),
    ("population", "100 millions d'habitants", True),
    ("population", "101 millions d'habitants", False),
    ("population", "500 000 000 habitants", False),
    ("departement_count", "3 départements", True),
    ("departement_count", "101 départements", True),
    ("departement_count", "102 départements", False),
])
def test_sentence_answer_and_engine_agree(field, phrase, accepted):
    value, kept_from_sentence = said_in_a_sentence(field, phrase)
    assert kept_from_sentence is accepted
    assert (ANSWER_PARSERS[field](phrase).status == "ok") is accepted
    assert accepted_by_the_engine(field, value) is accepted


def test_a_refused_figure_is_explained_in_french():
    assert numeric_problem("population", 5e8).startswith(nb("Pour la population couverte, le chiffre 500 000 000 me "
                                                         "semble trop élevé"))
    assert "ne me semble pas possible" in numeric_problem("budget", 0.5)
    assert amounts.parse_population("500 000 000 habitants").message.startswith(nb("500 000 000 me semble hors de portée"))
    with pytest.raises(ProfileError, match="La population : le chiffre 500000000.0 semble trop élevé"):
        Profile(population=5e8)
    with pytest.raises(ProfileError, match="entier"):
        Profile(departement_count=2.5)
