"""The ground floor: French text as the bot reads and writes it (folding, amounts, lexicon, themes, formatting)."""
