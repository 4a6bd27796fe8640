"""The Rasa SDK actions, served by `python -m rasa_sdk --actions actions`, which imports every module
here: nothing heavy may be imported. One module per conversation concern (profile_form,
profile_slots, recommendation, call_questions, what_if, side_questions, booking_*, handoff,
fallback); small shared helpers read the tracker (tracker, call_meant, client, questions_asked),
send (messages) and run forms (forms). What the bot says lives in orientation/replies/."""
