"""What the bot says, as text and cards, without Rasa.

Pure functions over engine results, catalogue calls and profiles: every answer can be tested with
plain values, and the Rasa SDK actions (actions/) only read the tracker and send what these return.
Every figure about a call comes from the catalogue (through the engine); nothing about a call is
written here. Never imports rasa or rasa_sdk.
"""
