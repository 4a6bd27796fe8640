"""The DINUM advisors' web agenda: day and week of bookings with their summaries, search by
reference, cancellation, CSV/ICS export, behind a login (no Rasa; reads only the bookings store).

Served by its own process (`python -m orientation.advisors_web serveur`, port ADVISORS_PORT, default
8001), never by the public page's server: it is meant for the administration's network only.
"""
