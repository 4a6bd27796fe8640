"""Booking 15-minute calls with the DINUM advisors: agenda settings (config.py), free slots and
French dates (calendar.py), the bookings table (store.py), input checks (validation.py),
invitations (ics.py), and the advisors' command line (__main__.py). No Rasa import here."""
