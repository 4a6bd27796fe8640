"""The catalogue readers for expenses and cumulation: data, every statement with its quote."""
from orientation.eligibility import load_catalogue
from orientation.eligibility.expenses import KIND_LABELS, cumulation, names_kind, statements


def test_staff_time_is_the_ministrys_counterpart_in_snap2a_not_funded():
    call = load_catalogue().get("SNAP2A")
    said = statements(call, "personnel")
    assert [s["funded"] for s in said] == ["non"]
    assert "titre 2" in said[0]["text"]


def test_snap3_says_only_2021_2022_spending_counts_for_any_kind():
    call = load_catalogue().get("SNAP3")
    assert any("2021 et 2022" in s["text"] for s in statements(call, "hebergement"))
    assert not names_kind(call, "hebergement")
    assert names_kind(call, "licences")


def test_a_call_whose_fiche_says_nothing_has_no_statement():
    call = load_catalogue().get("ITN2")
    assert statements(call, "materiel") == []
    assert cumulation(call) is None


def test_feder_num_states_the_total_public_aid_and_names_no_other_aid():
    text = cumulation(load_catalogue().get("FEDER-NUM"))
    assert "100 %" in text and "DSIL" in text


def test_every_kind_named_in_the_catalogue_has_a_label():
    kinds = {k for call in load_catalogue() for s in statements(call) for k in s["kinds"]}
    assert kinds <= set(KIND_LABELS)
