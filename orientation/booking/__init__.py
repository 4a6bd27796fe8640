"""Booking 15-minute calls with the DINUM advisors, without Rasa.

config.py     the agenda settings (config/booking.yml), checked when read
calendar.py   free slots (hours, holidays, notice, horizon, daylight saving), French dates and wishes
store.py      the bookings table (SQLAlchemy; SQLite or PostgreSQL), one booking per advisor and slot,
              the anti-abuse limits (config `limits`) and the e-mail outbox table
validation.py the email, name, organisation and booking reference typed by the user (also read by the NLU)
ics.py        the iCalendar invitation (and its cancellation)
mail.py       the booking e-mails over SMTP (user with the .ics, advisors with the summary), retried
agenda.py     the advisors' day in text and CSV
__main__.py   the advisors' command line (python -m orientation.booking)
"""
