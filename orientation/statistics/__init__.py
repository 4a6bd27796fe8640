"""DINUM's statistics: what the stored conversations say, counted, with no personal data.

Read with SQL (SQLAlchemy Core, the same on SQLite and PostgreSQL) from the conversations' table
that Rasa's SQL tracker store writes (addons/stores/tracker_store.py) in the assistant's database,
and from the booking store's names to mask them; no Rasa, no web server here
(orientation/advisors_web/ shows the figures).
"""
