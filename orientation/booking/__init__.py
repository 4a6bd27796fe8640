"""Booking short calls with the DINUM advisors, without Rasa.

config.py     the agenda settings (config/booking.yml), checked when read
slots.py      free slots (hours, public holidays, notice, horizon, daylight saving)
wording.py    a slot, a day, the slot length and the time zone in French
wishes.py     a French wish (« mardi aprem », « le 9 à 14h ») read as a Wish
store.py      the bookings table (SQLAlchemy; SQLite or PostgreSQL), one booking per advisor and slot,
              the anti-abuse limits (config `limits`) and the e-mail outbox table
ics.py        the iCalendar invitation (and its cancellation)
mail.py       the booking e-mails over SMTP (user with the .ics, advisors with the summary), retried
agenda.py     the advisors' day in text and CSV
__main__.py   the advisors' command line (python -m orientation.booking)
"""
