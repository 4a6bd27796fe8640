"""The budget in context (actions/budget_reading.py): a range or an alternative is asked, never
reduced; an amount under 1 000 € or over 100 M€ is confirmed before it is used; « c'est HT »
converts the budget already stated; the budget as given reaches FEDER-NUM."""
import asyncio

import pytest

from actions.profile_form import ActionAskBudget, ValidateProfileForm
from actions.profile_slots import ValidateProfileSlots
from actions.tracker import profile_from_tracker
from orientation.eligibility import evaluate
from orientation.entities import amount_entities
from tests.actions.conftest import make_tracker, texts
from tests.french import nb


def user(text="..."):
    return {"event": "user", "text": text}


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def validate(dispatcher, text, before=None, after=None, intent="inform", pending=None, given=None):
    """The validation of `text`, with the slots `before` it and the slots its NLU set (`after`)."""
    before, after = before or {}, after or {}
    # an earlier message, then this one: the turn of `text` is 2
    events = [user("bonjour")] + [slot(k, v) for k, v in before.items()] + [user(text)] + \
        [slot(k, v) for k, v in after.items()]
    slots = {**before, **after, "budget_pending": pending, "budget_given": given}
    tracker = make_tracker(slots, text=text, intent=intent, events=events)
    result = asyncio.run(ValidateProfileSlots().run(dispatcher, tracker, {}))
    return {e["name"]: e["value"] for e in result}


def answer(dispatcher, text, pending=None):
    """The answer `text` to the form's budget question."""
    tracker = make_tracker({"requested_slot": "budget", "budget_pending": pending}, text=text,
                           events=[user(text)], active_loop="profile_form")
    return asyncio.run(ValidateProfileForm().extract_budget(dispatcher, tracker, {}))


def ask(pending, budget=None):
    dispatcher_ = __import__("rasa_sdk.executor", fromlist=["CollectingDispatcher"]).CollectingDispatcher()
    tracker = make_tracker({"budget_pending": pending, "budget": budget})
    asyncio.run(ActionAskBudget().run(dispatcher_, tracker, {}))
    (message,) = dispatcher_.messages
    return message["text"], [(b["title"], b["payload"]) for b in message["buttons"]]


@pytest.mark.parametrize("text", ["peut etre 60 ou 80 000", "60 ou 80 000 €", "60k ou 80k", "soit 60k soit 80k",
                                  "60/80k", "60 000 ou 80 000"])
def test_an_alternative_answering_the_budget_question_is_asked_with_buttons(dispatcher, text):
    result = answer(dispatcher, text)
    assert result["budget"] is None
    pending = result["budget_pending"]
    assert pending["kind"] == "alternative" and pending["values"] == [60_000, 80_000]
    question, buttons = ask(pending)
    assert question.startswith(nb("Vous hésitez entre 60 000 € et 80 000 €"))
    assert [title for title, _ in buttons] == [nb("60 000 €"), nb("80 000 €"), nb("Entre les deux : 70 000 €")]
    assert buttons[1][1] == '/inform{"budget": 80000.0}'


@pytest.mark.parametrize("text", ["entre 200 et 250k HT", "de 200 a 250 k€ HT", "200-250k HT", "entre 200k et 250k ht"])
def test_a_range_given_ht_is_shown_as_given_and_paid_in_ttc(dispatcher, text):
    pending = answer(dispatcher, text)["budget_pending"]
    assert pending == {"kind": "range", "values": [240_000, 300_000], "tax": "HT", "turn": 1}
    question, buttons = ask(pending)
    assert nb("de 200 000 € HT à 250 000 € HT (soit 240 000 € à 300 000 € TTC)") in question
    assert buttons[2] == (nb("Entre les deux : 225 000 € HT"), '/inform{"budget": 270000.0}')


def test_a_range_said_while_a_budget_is_kept_is_asked_at_once(dispatcher):
    result = validate(dispatcher, "en fait ce sera plutot entre 400 et 500k", before={"budget": 300_000.0})
    assert result["budget_pending"]["values"] == [400_000, 500_000]
    assert "budget" not in result or result["budget"] == 300_000
    message = dispatcher.messages[-1]
    assert nb("En attendant, je garde 300 000 € TTC.") in message["text"] and len(message["buttons"]) == 3


ALTERNATIVE = {"kind": "alternative", "values": [60_000.0, 80_000.0], "tax": None}
RANGE_HT = {"kind": "range", "values": [240_000.0, 300_000.0], "tax": "HT"}


@pytest.mark.parametrize("text, value", [
    ("mettez 80 000", 80_000), ("80k", 80_000), ("ok pour 80 000 €", 80_000), ("le haut de la fourchette", 80_000),
    ("prenez le plus haut", 80_000), ("le max", 80_000), ("plutot le bas", 60_000), ("mettez 60 000", 60_000),
    ("entre les deux", 70_000), ("la moyenne svp", 70_000), ("le 80", 80_000),
])
def test_a_pending_alternative_is_settled_by_words_or_a_figure(dispatcher, text, value):
    result = answer(dispatcher, text, pending=ALTERNATIVE)
    assert result["budget"] == value and result["budget_pending"] is None
    assert result["budget_given"] == {"amount": value, "tax": None}
    said = {e["entity"]: e["value"] for e in amount_entities(text)}  # what the NLU sets
    outside = validate(dispatcher, text, before={"budget": 50_000.0}, after=said, pending=ALTERNATIVE)
    assert outside["budget"] == value


@pytest.mark.parametrize("text", ["80 000 finalement", "non finalement ce sera 80 000", "en fait plutot 80k"])
def test_a_correction_that_picks_the_pending_alternative_is_the_budget(dispatcher, text):
    # 80 000 is as near the 64 458 inhabitants as any figure: the budget waiting decides what it is
    said = {e["entity"]: e["value"] for e in amount_entities(text)}
    result = validate(dispatcher, text, before={"population": 64_458.0}, after=said, intent="correct",
                      pending=ALTERNATIVE)
    assert result["budget"] == 80_000 and result.get("population", 64_458.0) == 64_458.0


@pytest.mark.parametrize("text, value", [("mettez 250 000", 300_000), ("250k", 300_000), ("le haut", 300_000),
                                         ("le bas de la fourchette", 240_000)])
def test_a_pending_range_given_ht_is_settled_on_its_figures_ht(dispatcher, text, value):
    result = answer(dispatcher, text, pending=RANGE_HT)
    assert result["budget"] == value
    assert result["budget_given"] == {"amount": value / 1.2, "tax": "HT"}


def test_the_button_settles_the_pending_range_and_keeps_its_basis(dispatcher):
    result = validate(dispatcher, '/inform{"budget": 270000.0}', after={"budget": 270_000.0}, pending=RANGE_HT)
    assert result["budget"] == 270_000 and result["budget_pending"] is None
    assert result["budget_given"] == {"amount": 225_000, "tax": "HT"}
    assert nb("225 000 € HT, soit 270 000 € TTC") in texts(dispatcher)
    dispatcher.messages.clear()
    kept = validate(dispatcher, '/inform{"budget": 270000.0}', before={"budget": 100_000.0},
                    after={"budget": 270_000.0}, pending=RANGE_HT)
    assert kept["budget"] == 270_000
    assert texts(dispatcher) == nb("C'est noté : le budget passe de 100 000 € TTC à 270 000 € TTC.")


@pytest.mark.parametrize("text, value, tax", [("c'est HT", 1_200_000, "HT"), ("HT en fait", 1_200_000, "HT"),
                                              ("ah non c du hors taxe", 1_200_000, "HT"),
                                              ("montant hors TVA", 1_200_000, "HT")])
def test_ht_after_the_fact_converts_the_budget_already_stated(dispatcher, text, value, tax):
    result = validate(dispatcher, text, before={"budget": 1_200_000.0}, intent="correct",
                      given={"amount": 1_200_000.0, "tax": None})
    assert result["budget"] == 1_440_000 and result["budget_given"] == {"amount": 1_200_000, "tax": "HT"}
    assert nb("C'est noté : 1 200 000 € HT, soit 1 440 000 € TTC") in texts(dispatcher)
    assert nb("le budget passe de 1 200 000 € à 1 440 000 € TTC") in texts(dispatcher)


def test_ttc_after_an_ht_budget_takes_the_figure_back(dispatcher):
    result = validate(dispatcher, "non pardon c'est TTC", before={"budget": 1_440_000.0}, intent="correct",
                      given={"amount": 1_200_000.0, "tax": "HT"})
    assert result["budget"] == 1_200_000 and result["budget_given"] == {"amount": 1_200_000, "tax": "TTC"}


def test_ht_said_twice_changes_nothing_and_says_so(dispatcher):
    result = validate(dispatcher, "c'est bien HT", before={"budget": 1_440_000.0},
                      given={"amount": 1_200_000.0, "tax": "HT"})
    assert "budget" not in result
    assert "C'est bien ce que j'ai noté" in texts(dispatcher)


def test_the_figure_with_its_tax_said_apart_is_converted(dispatcher):
    result = validate(dispatcher, "le 1,2M c'est HT en fait", before={"budget": 1_200_000.0},
                      after={"budget": 1_440_000.0}, intent="correct")
    assert result["budget"] == 1_440_000 and result["budget_given"] == {"amount": 1_200_000, "tax": "HT"}


@pytest.mark.parametrize("text, value, yes, other", [
    ("500 €", 500, "500 €", "500 000 €"), ("500e", 500, "500 €", "500 000 €"), ("800 euros", 800, "800 €", "800 000 €"),
    ("150 000 000 €", 150_000_000, "150 000 000 €", "150 000 €"),
    ("2 milliards d'euros", 2e9, "2 000 000 000 €", "2 000 000 €"),
])
def test_an_extreme_amount_is_confirmed_before_it_is_used(dispatcher, text, value, yes, other):
    result = answer(dispatcher, text)
    assert result["budget"] is None and result["budget_pending"]["values"] == [value]
    question, buttons = ask(result["budget_pending"])
    assert "Est-ce bien le coût total du projet ?" in question
    assert [title for title, _ in buttons] == [nb(f"Oui, {yes}"), nb(f"Non, {other}")]
    again = validate(dispatcher, text, after={"budget": float(value)}, pending={**result["budget_pending"], "turn": 2})
    assert again["budget"] is None  # the same message validated twice (slot mappings, then the form) confirms nothing
    confirmed = validate(dispatcher, f'/inform{{"budget": {float(value)}}}', after={"budget": float(value)},
                         pending=result["budget_pending"])
    assert confirmed["budget"] == value and confirmed["budget_pending"] is None


def test_an_extreme_amount_said_with_a_budget_kept_is_asked_at_once(dispatcher):
    result = validate(dispatcher, "le budget c'est 800 €", before={"budget": 300_000.0}, after={"budget": 800.0})
    assert result["budget"] == 300_000
    assert result["budget_pending"] == {"kind": "confirm", "values": [800.0], "tax": None, "turn": 2}
    assert [b["title"] for b in dispatcher.messages[-1]["buttons"]] == [nb("Oui, 800 €"), nb("Non, 800 000 €")]


@pytest.mark.parametrize("text, said", [("max 500k", "le maximum"), ("500 000 € maximum", "le maximum"),
                                        ("au moins 500k", "le minimum")])
def test_a_bound_taken_as_the_budget_is_said(dispatcher, text, said):
    result = validate(dispatcher, text, after={"budget": 500_000.0})
    assert result["budget_given"]["amount"] == 500_000
    assert nb(f"J'ai retenu 500 000 € TTC, {said} que vous indiquez") in texts(dispatcher)


def test_the_budget_as_given_reaches_feder(dispatcher):
    result = validate(dispatcher, "projet de 400 000 € HT", after={"budget": 480_000.0})
    assert result["budget_given"] == {"amount": 400_000, "tax": "HT"}
    tracker = make_tracker({"applicant_type": "commune", "budget": 480_000.0, "budget_given": result["budget_given"]})
    feder = next(r for r in evaluate(profile_from_tracker(tracker)) if r.code == "FEDER-NUM")
    assert feder.funding.amount == 240_000
    stale = make_tracker({"applicant_type": "commune", "budget": 600_000.0, "budget_given": result["budget_given"]})
    assert profile_from_tracker(stale).budget_given is None  # a budget changed elsewhere: the TTC budget


@pytest.mark.parametrize("text", ["faut deplacer le rdv DN-7K3P9Q, mercredi 9 le matin plutot",
                                  "non plutot le 14 vers 9h30", "rappelez moi au 06 12 34 56 78",
                                  "non c'est 33 communes", "on est 40 agents"])
def test_a_correction_with_numbers_that_are_not_the_profile_offers_no_figure(dispatcher, text):
    validate(dispatcher, text, before={"budget": 300_000.0}, intent="correct")
    assert not any("À quoi correspond" in (m.get("text") or "") for m in dispatcher.messages)


def bot(text):
    return {"event": "bot", "text": text}


@pytest.mark.parametrize("question, text, field, value", [
    ("Pour préciser ces résultats, indiquez-moi le coût total du projet.", "400 000", "budget", 400_000),
    ("Pour préciser ces résultats, indiquez-moi le coût total du projet.", "environ 400 000", "budget", 400_000),
    ("Pour préciser ces résultats, indiquez-moi la population couverte.", "environ 250 000", "population", 250_000),
    ("Combien d'habitants le projet couvre-t-il ? (par exemple « 350 000 habitants »)", "45000", "population", 45_000),
])
def test_a_bare_figure_after_the_bot_asked_for_it_fills_that_field(dispatcher, question, text, field, value):
    events = [user("bonjour"), bot(question), user(text)]
    tracker = make_tracker({}, text=text, events=events)
    result = asyncio.run(ValidateProfileSlots().run(dispatcher, tracker, {}))
    assert {e["name"]: e["value"] for e in result}[field] == value


@pytest.mark.parametrize("question, text", [
    ("Pour préciser ces résultats, indiquez-moi le coût total du projet et la population couverte.", "400 000"),
    ("Pour préciser ces résultats, indiquez-moi le coût total du projet.", "mercredi 9"),
    ("Pour préciser ces résultats, indiquez-moi la population couverte.", "on est 40 agents"),
    ("Souhaitez-vous le détail d'un appel ?", "400 000"),
])
def test_a_figure_the_bot_did_not_ask_for_alone_fills_nothing(dispatcher, question, text):
    events = [user("bonjour"), bot(question), user(text)]
    tracker = make_tracker({}, text=text, events=events)
    result = asyncio.run(ValidateProfileSlots().run(dispatcher, tracker, {}))
    assert not {e["name"] for e in result} & {"budget", "population"}


def test_words_choose_an_end_only_just_after_the_question(dispatcher):
    old = {**ALTERNATIVE, "turn": 1}
    events = [user("a"), user("b"), user("c"), user("d"), user("le premier")]
    tracker = make_tracker({"budget_pending": old, "budget": 50_000.0}, text="le premier", events=events)
    result = {e["name"]: e["value"] for e in asyncio.run(ValidateProfileSlots().run(dispatcher, tracker, {}))}
    assert "budget" not in result or result["budget"] == 50_000
    tracker = make_tracker({"budget_pending": old, "budget": 50_000.0}, text="mettez 60 000",
                           events=events[:-1] + [user("mettez 60 000")])
    result = {e["name"]: e["value"] for e in asyncio.run(ValidateProfileSlots().run(dispatcher, tracker, {}))}
    assert result["budget"] == 60_000  # a figure of the pair still settles it


def said_by(text):
    """The slots the NLU sets for `text`."""
    return {e["entity"]: e["value"] for e in amount_entities(text)}


@pytest.mark.parametrize("text", ["env 15 M XPF", "ca fait 2 M FCFP", "100 000 dollars", "50 000 $"])
def test_an_amount_in_another_currency_asks_for_euros_and_keeps_the_profile(dispatcher, text):
    result = validate(dispatcher, text, before={"population": 24_824.0}, after=said_by(text))
    assert result.get("budget") is None and result.get("population", 24_824.0) == 24_824.0
    assert "Ce montant n'est pas en euros" in texts(dispatcher)
    dispatcher.messages.clear()
    later = validate(dispatcher, "ca fait 125 000 euros", after=said_by("ca fait 125 000 euros"))
    assert later["budget"] == 125_000


def test_an_amount_in_another_currency_does_not_answer_the_budget_question(dispatcher):
    result = answer(dispatcher, "env 15 M XPF")
    assert result.get("budget") is None and not result.get("budget_pending")
    assert "Ce montant n'est pas en euros" in texts(dispatcher)


@pytest.mark.parametrize("text, value", [
    ("en fait ya aussi la cc qui met 5000 donc 30 000 en tout", 30_000),
    ("ah non et 5000 de plus, ca fait 30 000", 30_000),
    ("en fait il y a aussi 10 000 de la region, donc 35 000 au total", 35_000),
])
def test_a_correction_that_gives_a_total_after_a_computation_is_the_budget(dispatcher, text, value):
    result = validate(dispatcher, text, before={"budget": 25_000.0}, after=said_by(text), intent="correct")
    assert result["budget"] == value


@pytest.mark.parametrize("text, field, value", [
    ("en fait la population c'est plutot 27 000", "population", 27_000),
    ("en fait nb d'habitants : 27 000", "population", 27_000),
    ("pardon on est plutot 27000 habitants", "population", 27_000),
    ("non le budget c'est plutot 50 000", "budget", 50_000),
])
def test_a_correction_that_names_its_field_goes_to_that_field(dispatcher, text, field, value):
    before = {"budget": 42_000.0, "population": 24_824.0}
    result = validate(dispatcher, text, before=before, after=said_by(text), intent="correct")
    assert result[field] == value
    other = "budget" if field == "population" else "population"
    assert result.get(other, before[other]) == before[other]


@pytest.mark.parametrize("text, intent", [("on est pas 300 000 hab ca bloque ?", "ask_can_apply"),
                                          ("on n'est pas 300 000", "inform"),
                                          ("il faut 300 000 hab ?", "ask_can_apply"),
                                          ("on a pas 1 M€", "inform")])
def test_a_denied_or_asked_figure_changes_nothing(dispatcher, text, intent):
    before = {"budget": 42_000.0, "population": 24_824.0}
    result = validate(dispatcher, text, before=before, after=said_by(text), intent=intent)
    assert result.get("budget", 42_000.0) == 42_000.0 and result.get("population", 24_824.0) == 24_824.0
    assert "Faut-il remplacer" not in texts(dispatcher)  # nothing to confirm either


@pytest.mark.parametrize("text", ["heu non c'est TTC, 150 000 TTC", "bah non 150 000 TTC", "c'est 150 000 TTC"])
def test_ttc_said_with_the_figure_undoes_an_ht_reading(dispatcher, text):
    result = validate(dispatcher, text, before={"budget": 180_000.0}, after=said_by(text), intent="inform",
                      given={"amount": 150_000.0, "tax": "HT"})
    assert result["budget"] == 150_000 and result["budget_given"] == {"amount": 150_000, "tax": "TTC"}
