"""The tolerant match of a place's name (orientation/territories/near_names.py): its distance (orientation/language/lexicon.py), its
tolerance by length, and the one nearest name it takes."""
from orientation.language.lexicon import distance
from orientation.territories import load_index
from orientation.territories.near_names import nearest, tolerance


def test_a_swap_of_two_letters_is_one_edit_and_the_distance_stops_at_its_limit():
    assert distance("montpelier", "montpellier", 2) == 1
    assert distance("mnotpellier", "montpellier", 2) == 1
    assert distance("toulous", "toulouse", 1) == 1
    assert distance("abcdef", "uvwxyz", 2) == 3  # over the limit: limit + 1


def test_the_tolerance_grows_with_the_name_without_its_article():
    assert [tolerance(n) for n in ("nice", "nantes", "bordeaux", "montpellier", "le crestet")] == [0, 1, 1, 2, 1]


def test_the_one_nearest_name_or_none():
    index = load_index()
    assert [t.name for t in nearest(index, "montpelier", ("commune",))] == ["Montpellier"]  # not Montélier (4 000)
    assert [t.code for t in nearest(index, "coreze", ("departement",))] == ["19"]
    assert nearest(index, "demain", ("commune",)) is None  # a French word
    assert nearest(index, "lyon", ("commune",)) is None  # an exact name is not a typo
    assert nearest(index, "nic", ("commune",)) is None  # under 5 letters, no tolerance


def test_a_word_that_announces_a_place_is_read_through_one_typo_but_not_as_a_plural_or_a_french_word():
    from orientation.territories.mentions import _trigger_word
    assert _trigger_word("comune") == "commune" and _trigger_word("comunaute") == "communaute"
    assert _trigger_word("communes") == "communes"  # a plural: other bodies, not the speaker's trigger
    assert _trigger_word("legion") == "legion"  # a French word, not « region » misspelt
