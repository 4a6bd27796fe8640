"""The product without Rasa: eligibility, territories, booking, language helpers, the advisors' agenda, settings."""
