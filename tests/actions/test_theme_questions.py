"""How the profile form asks for the theme (actions/profile_form.py): free text once, then
buttons of the likeliest themes with their French labels and « Autre », never the same free-text
question twice in a row."""
import asyncio

from actions.profile_form import FREE_TEXT, ActionAskProjectNature
from orientation.eligibility.vocabulary import THEMES
from tests.actions.conftest import entity, make_tracker

RANKING = {"level": "medium", "confidence": 0.41,
           "themes": [["filiere_numerique", 0.41], ["methodes_travail", 0.33], ["transformation_organisation", 0.1],
                      ["donnees", 0.02]]}


def ask(dispatcher, tracker):
    asyncio.run(ActionAskProjectNature().run(dispatcher, tracker, {}))
    return dispatcher.messages[-1]


def with_ranking(text, ranking, events=()):
    tracker = make_tracker({"applicant_type": "commune", "requested_slot": "project_nature"}, text=text,
                           events=list(events))
    tracker.latest_message["theme_ranking"] = ranking
    return tracker


def asked_free_text():
    return [{"event": "bot", "text": FREE_TEXT}, {"event": "user", "text": "..."}]


def test_the_first_question_is_free_text(dispatcher):
    message = ask(dispatcher, make_tracker({"applicant_type": "commune"}, text="je suis une commune"))
    assert message["text"] == FREE_TEXT and message["buttons"] == []


def test_medium_confidence_offers_the_likeliest_themes_and_other(dispatcher):
    message = ask(dispatcher, with_ranking("former nos agents aux métiers de la tech", RANKING))
    titles = [b["title"] for b in message["buttons"]]
    assert titles[:3] == [THEMES[t][0].upper() + THEMES[t][1:] for t in
                          ("filiere_numerique", "methodes_travail", "transformation_organisation")]
    assert titles[-1] == "Autre" and len(titles) == 4
    assert message["buttons"][0]["payload"] == '/inform{"project_nature": "filiere_numerique"}'


def test_a_description_not_understood_gets_buttons_not_the_same_question(dispatcher):
    low = {**RANKING, "level": "low", "confidence": 0.12}
    message = ask(dispatcher, with_ranking("un truc pour les gens", low, asked_free_text()))
    assert message["text"] != FREE_TEXT and "pas reconnu" in message["text"]
    assert [b["title"] for b in message["buttons"]][-1] == "Autre"


def test_nothing_to_rank_after_the_free_text_question_shows_every_theme(dispatcher):
    message = ask(dispatcher, make_tracker({"applicant_type": "commune"}, text="hmm", events=asked_free_text()))
    assert message["text"] != FREE_TEXT
    assert len(message["buttons"]) == len(THEMES) + 1


def test_other_shows_every_theme(dispatcher):
    tracker = make_tracker({"applicant_type": "commune"}, text='/inform{"theme_choice": "autre"}',
                           entities=[entity("theme_choice", "autre")])
    message = ask(dispatcher, tracker)
    assert {b["payload"] for b in message["buttons"]} >= {f'/inform{{"project_nature": "{t}"}}' for t in THEMES}


def test_a_theme_guessed_by_the_model_is_acknowledged(dispatcher):
    from actions.profile_slots import ValidateProfileSlots
    guessed = {**entity("project_nature", "filiere_numerique"), "extractor": "ThemeClassifier", "confidence": 0.8}
    tracker = make_tracker({"project_nature": "filiere_numerique"}, text="embaucher des développeurs",
                           entities=[guessed], events=[{"event": "user", "text": "embaucher des développeurs"},
                                                       {"event": "slot", "name": "project_nature",
                                                        "value": "filiere_numerique"}])
    asyncio.run(ValidateProfileSlots().run(dispatcher, tracker, {"slots": {"project_nature": {}}}))
    assert "J'ai compris que le projet porte sur : recrutement, formation et fidélisation" in dispatcher.messages[-1]["text"]
